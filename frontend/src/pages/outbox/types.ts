// Mirrors of the Go types in backend/mail, backend/store (outbox) and app/mail.go.
export type Security = 'starttls' | 'tls' | 'none';
export type MessageStatus = 'draft' | 'queued' | 'sending' | 'sent' | 'deferred' | 'failed' | 'in_doubt' | 'cancelled';

export interface Account {
  provider: string;
  fromName: string;
  fromAddress: string;
  replyTo: string;
  username: string;
  auth: 'password' | 'oauth2';
  smtpHost: string;
  smtpPort: number;
  smtpSecurity: Security;
  imapHost: string;
  imapPort: number;
  imapSecurity: Security;
  allowPlaintext: boolean;
  caFile: string;
  perMinute: number;
  perDay: number;
  providerFilesSent: boolean;
  sentFolder: string;
  confirmCopy: boolean;
  testMode: boolean;
  testAddress: string;
  unsubscribeUrl: string;
  oauthClientId: string;
}

export interface AccountView {
  account: Account;
  configured: boolean;
  hasSecret: boolean;
  secretsBackend: 'keychain' | 'file';
}

export interface Preset {
  id: string;
  name: string;
  passwordHint: string;
  oauth: boolean;
  perMinute: number;
  perDay: number;
}

export interface OutboxMessage {
  id: number;
  messageId: string;
  kind: 'transactional' | 'marketing' | 'supplier';
  toAddr: string;
  toName: string;
  subject: string;
  html: string;
  text: string;
  status: MessageStatus;
  attempts: number;
  lastError: string;
  nextAttemptAt: string | null;
  createdAt: string;
  sentAt: string | null;
  deliveredTo: string;
  serverReply: string;
  template: string;
  attachments: { name: string; contentType: string }[] | null;
}

export interface OutboxPage {
  rows: OutboxMessage[];
  counts: Partial<Record<MessageStatus, number>>;
}

export interface MessageDetail {
  message: OutboxMessage;
  raw: string;
  error: string;
}

export interface DayCount {
  sentToday: number;
  perDay: number;
  perMinute: number;
  pausedUntil: string | null;
  pauseReason: string;
  testMode: boolean;
  testAddress: string;
}

export interface RenderedEmail {
  template: string;
  subject: string;
  html: string;
  text: string;
}

export interface Suppression {
  email: string;
  reason: string;
  detail: string;
  at: string;
}

export interface InboxItem {
  mailbox: string;
  uid: number;
  kind: string;
  from: string;
  subject: string;
  detail: string;
  receivedAt: string;
}

export interface SendReport {
  inDoubt: {
    journalSent: number;
    neverSent: number;
    foundSent: number;
    provenUnsent: number;
    sellerDecide: number;
    error: string;
  };
  run: { sent: number; deferred: number; failed: number; inDoubt: number; cancelled: number; pausedUntil: string | null; pauseReason: string; fileError: string };
}
