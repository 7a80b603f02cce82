// Typed calls into the bound MailSettingsService and OutboxService. src/api is
// the only place that imports the generated wailsjs bindings; the data types
// below are the generated models as plain data (see plain.ts).
import * as MailSettingsService from '../../wailsjs/go/app/MailSettingsService';
import * as OutboxService from '../../wailsjs/go/app/OutboxService';
import type { app, domain, email, mail as m } from '../../wailsjs/go/models';
import { EventsOn } from '../../wailsjs/runtime/runtime';
import { call, callAs } from './errors';
import type { Plain, Time } from './plain';

// Go declares these as typed string constants (mail.Security, mail.AuthMethod,
// secrets.BackendKind, domain.MessageStatus, domain.MessageKind); Wails generates
// each as a plain string, so the unions are kept here, on top of the models.
export type Security = 'starttls' | 'tls' | 'none';
export type AuthMethod = 'password' | 'oauth2';
export type MessageStatus = 'draft' | 'queued' | 'sending' | 'sent' | 'deferred' | 'failed' | 'in_doubt' | 'cancelled' | 'bounced';
export type MessageKind = 'transactional' | 'marketing' | 'supplier';

export type Account = Omit<Plain<m.Account>, 'auth' | 'smtpSecurity' | 'imapSecurity'> & {
  auth: AuthMethod;
  smtpSecurity: Security;
  imapSecurity: Security;
};
export type AccountView = Omit<Plain<app.AccountView>, 'account' | 'secretsBackend'> & {
  account: Account;
  secretsBackend: 'keychain' | 'file';
};
export type Preset = Plain<m.Preset>;
export type Attachment = Plain<domain.Attachment>;
export type OutboxMessage = Omit<Plain<domain.OutboxMessage>, 'kind' | 'status' | 'attachments'> & {
  kind: MessageKind;
  status: MessageStatus;
  /** null when the message has none (Go writes a nil slice as null). */
  attachments: Attachment[] | null;
};
export type OutboxPage = Omit<Plain<app.OutboxPage>, 'rows' | 'counts'> & {
  rows: OutboxMessage[];
  /** Go's map[domain.MessageStatus]int: only the statuses that have messages. */
  counts: Partial<Record<MessageStatus, number>>;
};
export type MessageDetail = Omit<Plain<app.MessageDetail>, 'message'> & { message: OutboxMessage };
export type DayCount = Plain<m.DayCount>;
export type RenderedEmail = Plain<email.Rendered>;
export type Suppression = Plain<domain.Suppression>;
export type InboxItem = Plain<domain.InboxItem>;
/** A template as the editor starts from it: the seller's saved version or the default (text is '' when derived from the HTML). */
export type EditableTemplate = Omit<Plain<m.EditableTemplate>, 'blocks'> & { blocks: Block[] | null };

/** Go's email.BlockKind, email.LineSource and email.LineColumn (typed string constants). */
export type BlockKind = 'heading' | 'text' | 'button' | 'products' | 'coupon' | 'summary' | 'image' | 'divider' | 'spacer' | 'html';
export type LineSource = 'order' | 'cart' | 'purchase_order';
export type LineColumn = 'total' | 'price' | 'none';
/** One block of a template edited as blocks (email.Block). */
export type Block = Omit<Plain<email.Block>, 'kind' | 'lines' | 'column'> & { kind: BlockKind; lines?: LineSource; column?: LineColumn };

/**
 * What a send job reports in job:done. Hand-written: it is app's unexported
 * sendReport (app/cli/inbox.go: mail.ResolveResult + mail.RunResult), which
 * reaches the UI only through an event, so Wails generates no model for it.
 */
export interface SendReport {
  inDoubt: {
    journalSent: number;
    neverSent: number;
    foundSent: number;
    provenUnsent: number;
    sellerDecide: number;
    error: string;
  };
  run: {
    sent: number;
    deferred: number;
    failed: number;
    inDoubt: number;
    cancelled: number;
    pausedUntil: Time | null;
    pauseReason: string;
    /** Which limit paused the run: the per-minute limit is waited out, the others stop it. */
    pauseLimit: '' | 'minute' | 'day' | 'quota';
    fileError: string;
    /** Marketing emails waiting for the quiet hours to end (some may be among deferred). */
    quietHeld: number;
    quietUntil: Time | null;
    /** When the quiet hours end, as the shop's clock shows it ("08:00"). */
    quietUntilShop: string;
  };
}

/**
 * What "Read new mail" reports in job:done. Hand-written like SendReport: it is
 * inbox.SyncResult, which reaches the UI only through an event.
 */
export interface SyncResult {
  scanned: number;
  replies: number;
  autoReplies: number;
  bounces: number;
  suppressed: number;
  unsubscribes: number;
  complaints: number;
  orderQuestions: number;
  drafts: number;
  /** Our sent messages a delivery report returned (now Bounced). */
  bounced: number;
  tasks: number;
  more: boolean;
  /** What the run made, the first 50 (inbox.Made); null when nothing. */
  made: Made[] | null;
}

export interface Made {
  kind: 'task' | 'suppression' | 'bounce' | 'draft';
  taskId: number;
  /** Our outbox message it is about (the one answered, the draft to approve, the one that bounced); 0 when none. */
  messageId: number;
  email: string;
  title: string;
  detail: string;
}

export const mailKeys = {
  account: ['mail', 'account'] as const,
  presets: ['mail', 'presets'] as const,
  outbox: (status: string) => ['mail', 'outbox', status] as const,
  message: (id: number) => ['mail', 'message', id] as const,
  today: ['mail', 'today'] as const,
  autoSend: ['mail', 'autosend'] as const,
  suppressions: ['mail', 'suppressions'] as const,
  inbox: ['mail', 'inbox'] as const,
  templates: ['mail', 'templates'] as const,
  template: (name: string) => ['mail', 'template', name] as const,
};

// Calls returning an Account, AccountView, OutboxPage or MessageDetail keep
// callAs: the string unions above are claims the generated models cannot make.
export const mail = {
  presets: (): Promise<Preset[]> => call(() => MailSettingsService.Presets()),
  applyPreset: (a: Account, provider: string) => callAs<Account>(() => MailSettingsService.ApplyPreset(a, provider)),
  account: () => callAs<AccountView>(() => MailSettingsService.Account()),
  saveAccount: (a: Account, password: string): Promise<void> => call(() => MailSettingsService.SaveAccount(a, password)),
  signIn: (clientSecret: string): Promise<void> => call(() => MailSettingsService.SignIn(clientSecret)),
  sendTest: (to: string): Promise<string> => call(() => MailSettingsService.SendTestEmail(to)),
  checkMailbox: (): Promise<string> => call(() => MailSettingsService.CheckMailbox()),
  templateNames: (): Promise<string[]> => call(() => MailSettingsService.TemplateNames()),
  template: (name: string) => callAs<EditableTemplate>(() => MailSettingsService.Template(name)),
  saveTemplate: (name: string, subject: string, html: string): Promise<void> =>
    call(() => MailSettingsService.SaveTemplate(name, subject, html)),
  resetTemplate: (name: string): Promise<void> => call(() => MailSettingsService.ResetTemplate(name)),
  preview: (name: string, subject: string, html: string, customerId: number): Promise<RenderedEmail> =>
    call(() => MailSettingsService.PreviewTemplate(name, subject, html, customerId)),
  saveTemplateBlocks: (name: string, subject: string, blocks: Block[]): Promise<void> =>
    call(() => MailSettingsService.SaveTemplateBlocks(name, subject, blocks)),
  previewBlocks: (name: string, subject: string, blocks: Block[], customerId: number): Promise<RenderedEmail> =>
    call(() => MailSettingsService.PreviewTemplateBlocks(name, subject, blocks, customerId)),
  blocksOf: (html: string) => callAs<Block[]>(() => MailSettingsService.TemplateBlocksOf(html)),
  blocksHTML: (blocks: Block[]): Promise<string> => call(() => MailSettingsService.TemplateBlocksHTML(blocks)),
  suppressions: (): Promise<Suppression[]> => call(() => MailSettingsService.Suppressions(200, 0)),
  suppress: (email: string, note: string): Promise<void> => call(() => MailSettingsService.Suppress(email, note)),
  unsuppress: (email: string): Promise<void> => call(() => MailSettingsService.Unsuppress(email)),

  list: (status: string) => callAs<OutboxPage>(() => OutboxService.List(status, 200, 0)),
  message: (id: number) => callAs<MessageDetail>(() => OutboxService.Message(id)),
  retry: (id: number): Promise<void> => call(() => OutboxService.Retry(id)),
  cancel: (id: number): Promise<void> => call(() => OutboxService.Cancel(id)),
  approve: (id: number): Promise<void> => call(() => OutboxService.Approve(id)),
  resolveInDoubt: (id: number, wasSent: boolean): Promise<void> => call(() => OutboxService.ResolveInDoubt(id, wasSent)),
  resume: (): Promise<void> => call(() => OutboxService.Resume()),
  today: (): Promise<DayCount> => call(() => OutboxService.Today()),
  startSend: (): Promise<string> => call(() => OutboxService.StartSend()),
  autoSend: (): Promise<boolean> => call(() => OutboxService.AutoSend()),
  setAutoSend: (on: boolean): Promise<void> => call(() => OutboxService.SetAutoSend(on)),
  startInboxSync: (): Promise<string> => call(() => OutboxService.StartInboxSync()),
  inboxActivity: (): Promise<InboxItem[]> => call(() => OutboxService.InboxActivity(50)),
};

/**
 * Calls back when the automatic sender moved messages or Send now started to
 * wait (the app emits "outbox:changed"); returns the unsubscribe. Safe outside
 * the app window.
 */
export function onOutboxChanged(cb: () => void): () => void {
  try {
    return EventsOn('outbox:changed', cb);
  } catch {
    return () => {};
  }
}
