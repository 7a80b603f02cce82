// The Outbox and Settings screens' calls live in src/api (the only importer of wailsjs).
export { mail, mailKeys } from '../../api/mail';
