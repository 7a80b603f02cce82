// Typed calls into the bound MailSettingsService and OutboxService. src/api is
// the only place that imports the generated wailsjs bindings; the Outbox and
// Settings screens' own types (pages/outbox/types.ts) describe the same JSON.
import * as MailSettingsService from '../../wailsjs/go/app/MailSettingsService';
import * as OutboxService from '../../wailsjs/go/app/OutboxService';
import { callAs as typed } from './errors';
import type { Account, AccountView, DayCount, InboxItem, MessageDetail, OutboxPage, Preset, RenderedEmail, Suppression } from '../pages/outbox/types';

/** A template as the editor starts from it: the seller's saved version or the default. */
export interface EditableTemplate {
  name: string;
  subject: string;
  html: string;
  /** The seller's plain-text version; empty when it is derived from the HTML. */
  text: string;
  customised: boolean;
  updatedAt?: string | null;
}

export const mailKeys = {
  account: ['mail', 'account'] as const,
  presets: ['mail', 'presets'] as const,
  outbox: (status: string) => ['mail', 'outbox', status] as const,
  message: (id: number) => ['mail', 'message', id] as const,
  today: ['mail', 'today'] as const,
  suppressions: ['mail', 'suppressions'] as const,
  inbox: ['mail', 'inbox'] as const,
  templates: ['mail', 'templates'] as const,
  template: (name: string) => ['mail', 'template', name] as const,
};

export const mail = {
  presets: () => typed<Preset[]>(() => MailSettingsService.Presets()),
  applyPreset: (a: Account, provider: string) => typed<Account>(() => MailSettingsService.ApplyPreset(a, provider)),
  account: () => typed<AccountView>(() => MailSettingsService.Account()),
  saveAccount: (a: Account, password: string) => typed<void>(() => MailSettingsService.SaveAccount(a, password)),
  signIn: (clientSecret: string) => typed<void>(() => MailSettingsService.SignIn(clientSecret)),
  sendTest: (to: string) => typed<string>(() => MailSettingsService.SendTestEmail(to)),
  checkMailbox: () => typed<string>(() => MailSettingsService.CheckMailbox()),
  templateNames: () => typed<string[]>(() => MailSettingsService.TemplateNames()),
  template: (name: string) => typed<EditableTemplate>(() => MailSettingsService.Template(name)),
  saveTemplate: (name: string, subject: string, html: string) => typed<void>(() => MailSettingsService.SaveTemplate(name, subject, html)),
  resetTemplate: (name: string) => typed<void>(() => MailSettingsService.ResetTemplate(name)),
  preview: (name: string, subject: string, html: string, customerId: number) =>
    typed<RenderedEmail>(() => MailSettingsService.PreviewTemplate(name, subject, html, customerId)),
  suppressions: () => typed<Suppression[]>(() => MailSettingsService.Suppressions(200, 0)),
  suppress: (email: string, note: string) => typed<void>(() => MailSettingsService.Suppress(email, note)),
  unsuppress: (email: string) => typed<void>(() => MailSettingsService.Unsuppress(email)),

  list: (status: string) => typed<OutboxPage>(() => OutboxService.List(status, 200, 0)),
  message: (id: number) => typed<MessageDetail>(() => OutboxService.Message(id)),
  retry: (id: number) => typed<void>(() => OutboxService.Retry(id)),
  cancel: (id: number) => typed<void>(() => OutboxService.Cancel(id)),
  approve: (id: number) => typed<void>(() => OutboxService.Approve(id)),
  resolveInDoubt: (id: number, wasSent: boolean) => typed<void>(() => OutboxService.ResolveInDoubt(id, wasSent)),
  resume: () => typed<void>(() => OutboxService.Resume()),
  today: () => typed<DayCount>(() => OutboxService.Today()),
  startSend: () => typed<string>(() => OutboxService.StartSend()),
  startInboxSync: () => typed<string>(() => OutboxService.StartInboxSync()),
  inboxActivity: () => typed<InboxItem[]>(() => OutboxService.InboxActivity(50)),
};
