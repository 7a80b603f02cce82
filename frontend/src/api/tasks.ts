// Typed wrappers over the Tasks screen's bound methods (app/crm.go, on
// CustomerService): the seller's tasks, the orders held for review and
// Release. Only src/api imports ../wailsjs.
import * as CustomerService from '../../wailsjs/go/app/CustomerService';
import * as OutboxService from '../../wailsjs/go/app/OutboxService';
import type { customers, customersdb, domain } from '../../wailsjs/go/models';
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

/** Reply drafts (FAQ, "where is my order") edited before approval. */
export const draftsApi = {
  edit: (id: number, subject: string, text: string): Promise<void> => call(() => OutboxService.EditDraft(id, subject, text)),
};
