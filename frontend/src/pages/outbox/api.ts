// Calls into the bound MailSettingsService and OutboxService. Their generated
// bindings appear in wailsjs/ once app.New wires them; until then (and so these
// pages never import wailsjs, which only src/api may) the methods Wails puts on
// window.go at run time are used. Errors go through the shared `call`.
import { AppError, call } from '../../api';
import type { Account, AccountView, DayCount, InboxItem, MessageDetail, OutboxPage, Preset, RenderedEmail, Suppression } from './types';

type Svc = Record<string, (...args: unknown[]) => Promise<unknown>>;
interface WailsWindow {
  go?: { app?: { MailSettingsService?: Svc; OutboxService?: Svc } };
}

function invoke<T>(service: 'MailSettingsService' | 'OutboxService', method: string, ...args: unknown[]): Promise<T> {
  return call(() => {
    const fn = (window as unknown as WailsWindow).go?.app?.[service]?.[method];
    if (typeof fn !== 'function') {
      return Promise.reject(new AppError({ code: 'unavailable', message: 'Email is not connected in this build of Shopclerk.' }));
    }
    return fn(...args) as Promise<T>;
  });
}

export const mailKeys = {
  account: ['mail', 'account'] as const,
  presets: ['mail', 'presets'] as const,
  outbox: (status: string) => ['mail', 'outbox', status] as const,
  message: (id: number) => ['mail', 'message', id] as const,
  today: ['mail', 'today'] as const,
  suppressions: ['mail', 'suppressions'] as const,
  inbox: ['mail', 'inbox'] as const,
};

const settings = (m: string, ...a: unknown[]) => invoke<unknown>('MailSettingsService', m, ...a);
const outboxSvc = (m: string, ...a: unknown[]) => invoke<unknown>('OutboxService', m, ...a);

export const mail = {
  presets: () => settings('Presets') as Promise<Preset[]>,
  applyPreset: (a: Account, provider: string) => settings('ApplyPreset', a, provider) as Promise<Account>,
  account: () => settings('Account') as Promise<AccountView>,
  saveAccount: (a: Account, password: string) => settings('SaveAccount', a, password) as Promise<void>,
  signIn: (clientSecret: string) => settings('SignIn', clientSecret) as Promise<void>,
  sendTest: (to: string) => settings('SendTestEmail', to) as Promise<string>,
  checkMailbox: () => settings('CheckMailbox') as Promise<string>,
  templateNames: () => settings('TemplateNames') as Promise<string[]>,
  preview: (name: string, subject: string, html: string, customerId: number) =>
    settings('PreviewTemplate', name, subject, html, customerId) as Promise<RenderedEmail>,
  suppressions: () => settings('Suppressions', 200, 0) as Promise<Suppression[]>,
  suppress: (email: string, note: string) => settings('Suppress', email, note) as Promise<void>,
  unsuppress: (email: string) => settings('Unsuppress', email) as Promise<void>,

  list: (status: string) => outboxSvc('List', status, 200, 0) as Promise<OutboxPage>,
  message: (id: number) => outboxSvc('Message', id) as Promise<MessageDetail>,
  retry: (id: number) => outboxSvc('Retry', id) as Promise<void>,
  cancel: (id: number) => outboxSvc('Cancel', id) as Promise<void>,
  approve: (id: number) => outboxSvc('Approve', id) as Promise<void>,
  resolveInDoubt: (id: number, wasSent: boolean) => outboxSvc('ResolveInDoubt', id, wasSent) as Promise<void>,
  resume: () => outboxSvc('Resume') as Promise<void>,
  today: () => outboxSvc('Today') as Promise<DayCount>,
  startSend: () => outboxSvc('StartSend') as Promise<string>,
  startInboxSync: () => outboxSvc('StartInboxSync') as Promise<string>,
  inboxActivity: () => outboxSvc('InboxActivity', 50) as Promise<InboxItem[]>,
};
