// Typed wrappers over the Tasks screen's bound methods (app/crm.go, on
// CustomerService): the seller's tasks, the orders held for review and
// Release. Only src/api imports ../wailsjs.
import * as CustomerService from '../../wailsjs/go/app/CustomerService';
import * as OutboxService from '../../wailsjs/go/app/OutboxService';
import type { customers, customersdb, domain, inbox } from '../../wailsjs/go/models';
import { call } from './errors';
import type { Plain } from './plain';

export type Task = Plain<domain.Task>;
export type TaskCounts = Plain<domain.TaskCounts>;
export type TaskFilter = Plain<domain.TaskFilter>;
export type HeldOrder = Plain<domain.HeldOrder>;

/** The task lists and kinds as the Go side names them (domain/tasks.go). */
export const TASK_STATES = ['open', 'snoozed', 'done', 'all'] as const;
export const TASK_KINDS = ['reply', 'review', 'shipment', 'flow', 'yours'] as const;
export type TaskState = (typeof TASK_STATES)[number];
export type TaskKind = (typeof TASK_KINDS)[number];

export const TASK_KIND_LABELS: Record<TaskKind, string> = {
  reply: 'Reply needed',
  review: 'Review an order',
  shipment: 'Shipment',
  flow: 'From a flow',
  yours: 'Yours',
};

export const taskKeys = {
  all: ['tasks'] as const,
  list: (f: TaskFilter) => ['tasks', 'list', f] as const,
  counts: ['tasks', 'counts'] as const,
  held: ['tasks', 'held'] as const,
  holdOf: (orderId: number) => ['tasks', 'hold', orderId] as const,
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const asModel = <T>(v: unknown): T => v as any as T;

export const tasksApi = {
  list: (f: TaskFilter): Promise<Task[]> => call(() => CustomerService.Tasks(asModel(f))).then((t) => t ?? []),
  counts: (): Promise<TaskCounts> => call(() => CustomerService.TaskCounts()),
  setDone: (id: number, done: boolean): Promise<void> => call(() => CustomerService.SetTaskDone(id, done)),
  snooze: (id: number, hours: number): Promise<void> => call(() => CustomerService.SnoozeTask(id, hours)),
  add: (title: string, detail: string): Promise<number> => call(() => CustomerService.AddTask(title, detail)),
  held: (): Promise<HeldOrder[]> => call(() => CustomerService.HeldOrders()).then((h) => h ?? []),
  /** The order's hold, or null when no flow ever held it. */
  holdOf: (orderId: number): Promise<HeldOrder | null> => call(() => CustomerService.HoldOf(orderId)).then((h) => h ?? null),
  release: (orderId: number): Promise<HeldOrder> => call(() => CustomerService.ReleaseOrder(orderId)),
};

// ---- FAQ replies: the seller's saved answers (app/faq.go) ----------------

export type FAQ = Plain<customersdb.FAQ>;
export type FAQText = Plain<customersdb.FAQText>;
export type FAQMatch = Plain<customers.FAQMatch>;

export const faqKeys = { all: ['faq'] as const };

export const faqApi = {
  list: (): Promise<FAQ[]> => call(() => CustomerService.FAQs()).then((f) => f ?? []),
  /** Refused (AppError invalid) with the line of a template mistake. */
  // updatedAt is the Go side's to set: an empty time would not unmarshal.
  save: ({ updatedAt: _, ...f }: FAQ): Promise<FAQ> => call(() => CustomerService.SaveFAQ(asModel(f))),
  remove: (id: number): Promise<void> => call(() => CustomerService.DeleteFAQ(id)),
  /** Which answer a question would get; null when none matches. */
  tryQuestion: (q: string): Promise<FAQMatch | null> => call(() => CustomerService.TryFAQ(q)).then((m) => m ?? null),
};

// ---- "Where is my order" reply per language (app/faq.go) -----------------

export type ReplyTemplate = Plain<inbox.ReplyTemplate>;
export type ReplyTemplatePart = Plain<inbox.ReplyTemplatePart>;
/** A part's key to its text, as the editor holds them. */
export type ReplyTexts = Record<string, string>;

export const replyKeys = { all: ['reply-templates'] as const };

/** What the preview can show: a parcel in one status, or an order not shipped yet. */
export const REPLY_PREVIEW_CASES = [
  { value: 'in_transit', label: 'Shipped, in transit' },
  { value: 'out_for_delivery', label: 'Out for delivery' },
  { value: 'delivered', label: 'Delivered' },
  { value: 'exception', label: 'Delivery problem' },
  { value: 'not_shipped', label: 'Not shipped yet' },
] as const;

export const replyApi = {
  list: (): Promise<ReplyTemplate[]> => call(() => CustomerService.ReplyTemplates()).then((r) => r ?? []),
  /** Refused (AppError invalid) naming the part and placeholder; nothing is saved then. */
  save: (lang: string, texts: ReplyTexts): Promise<ReplyTemplate> => call(() => CustomerService.SaveReplyTemplate(lang, texts)),
  reset: (lang: string): Promise<ReplyTemplate> => call(() => CustomerService.ResetReplyTemplate(lang)),
  preview: (lang: string, texts: ReplyTexts, status: string): Promise<string> =>
    call(() => CustomerService.PreviewReplyTemplate(lang, texts, status)),
};

/** Reply drafts (FAQ, "where is my order") edited before approval. */
export const draftsApi = {
  edit: (id: number, subject: string, text: string): Promise<void> => call(() => OutboxService.EditDraft(id, subject, text)),
};
