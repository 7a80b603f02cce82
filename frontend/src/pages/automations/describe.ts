// Flows in words: what starts them, what each step does, how long a wait is.
import type { Step, TriggerSpec } from '../../api/automations';
import { schema } from '../../api/schema';
import { countOf } from '../../lib/plural';


/** Words for each trigger of schema.triggers (schema.test.ts keeps the keys equal). */
export const TRIGGER_LABELS: Record<string, string> = {
  order_created: 'An order is placed',
  order_paid: 'An order is paid',
  order_fulfilled: 'An order is fulfilled',
  order_cancelled: 'An order is cancelled',
  order_refunded: 'An order is refunded',
  shipment_status: 'A shipment changes status',
  cart_idle: 'A cart is left',
  stock_below: 'Stock runs low',
  customer_created: 'A customer registers',
  consent_given: 'A customer opts in to marketing',
  consent_withdrawn: 'A customer opts out of marketing',
  tag_added: 'A customer is tagged',
  birthday: 'A customer’s birthday',
  renewal_due: 'A subscription renewal is near',
  payment_overdue: 'A payment is overdue',
  days_after: 'Some days after an event',
  inactive: 'A customer stops ordering',
  marketing_unanswered: 'Marketing emails go unanswered',
  shipment_shipped: 'A parcel is shipped',
  shipment_stuck: 'A parcel has no news',
};

const options = (names: string[], labels: Record<string, string>) =>
  names.map((value) => ({ value, label: labels[value] ?? value.replaceAll('_', ' ') }));

/** The triggers the engine knows (schema.triggers), in its order. */
export const TRIGGERS: { value: string; label: string }[] = options(schema.triggers, TRIGGER_LABELS);

/** Words for each base event of schema.after. */
export const AFTER: Record<string, string> = {
  order_paid: 'an order is paid',
  order_fulfilled: 'an order is fulfilled',
  delivered: 'a parcel is delivered',
  customer_created: 'a customer registers',
};
export const AFTER_OPTIONS = options(schema.after, AFTER);

export function hoursText(h: number): string {
  if (h > 0 && h % 24 === 0) return countOf(h / 24, 'day');
  return countOf(h, 'hour');
}

/** "When an order is paid", "When a cart is left for 1 hour". */
export function triggerText(t: TriggerSpec): string {
  switch (t.type) {
    case 'cart_idle':
      return `When a cart is left for ${hoursText(t.hours ?? 0)} with no order since`;
    case 'stock_below':
      return `When a SKU’s available stock falls below its reorder point${t.threshold ? ` (or ${t.threshold} without one)` : ''}`;
    case 'shipment_status':
      return t.status ? `When a shipment becomes “${t.status.replaceAll('_', ' ')}”` : 'When a shipment changes status';
    case 'shipment_shipped':
      return 'When a tracking number reaches an order (once per parcel)';
    case 'shipment_stuck':
      return `When a parcel not yet delivered has had no carrier news for ${countOf(t.days ?? 0, 'day')}`;
    case 'tag_added':
      return t.tag ? `When a customer is tagged “${t.tag}”` : 'When a customer is tagged';
    case 'renewal_due':
      return `${countOf(t.leadDays ?? 0, 'day')} before a ${t.days ?? 0}-day subscription (orders tagged “${t.tag ?? ''}”) renews`;
    case 'payment_overdue':
      return `When an order is still unpaid ${countOf(t.days ?? 0, 'day')} after it was placed`;
    case 'days_after':
      return `${countOf(t.days ?? 0, 'day')} after ${AFTER[t.after ?? ''] ?? 'an event'}`;
    case 'inactive':
      return `When a customer has not ordered for ${countOf(t.days ?? 0, 'day')}`;
    case 'marketing_unanswered':
      return `When a customer got ${countOf(t.count ?? 0, 'marketing email')} without buying`;
    case 'birthday':
      return 'On a customer’s birthday';
    default: {
      const label = TRIGGERS.find((x) => x.value === t.type)?.label;
      return label ? `When ${label.charAt(0).toLowerCase()}${label.slice(1)}` : `When “${t.type}” happens`;
    }
  }
}

export function waitText(s: Step): string {
  const total = (s.days ?? 0) * 24 + (s.hours ?? 0);
  const days = Math.floor(total / 24);
  const hours = total % 24;
  const parts: string[] = [];
  if (days) parts.push(countOf(days, 'day'));
  if (hours) parts.push(countOf(hours, 'hour'));
  return `wait ${parts.join(' ') || '0 hours'}`;
}

/** Words for each step kind of schema.actions but wait, which the editor shows apart. */
export const ACTION_LABELS: Record<string, string> = {
  send_email: 'Send an email',
  issue_coupon: 'Issue a coupon',
  add_tag: 'Add a tag',
  remove_tag: 'Remove a tag',
  create_task: 'Create a task for me',
  create_purchase_order: 'Draft a purchase order',
  hold_order: 'Hold the order',
  stop_sequences: 'Stop other sequences',
  exit: 'End the flow here',
  split: 'Split into two branches',
};

export const ACTIONS: { value: string; label: string }[] = options(
  schema.actions.filter((a) => a !== 'wait'),
  ACTION_LABELS,
);

export function actionLabel(a: string): string {
  if (a === 'wait') return 'Wait';
  return ACTION_LABELS[a] ?? a.replaceAll('_', ' ');
}

export function templateLabel(name: string): string {
  const s = name.replaceAll('_', ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Words for each exit of schema.exits. */
export const EXIT_LABELS: Record<string, string> = {
  bought: 'they buy',
  replied: 'they reply',
  unsubscribed: 'they unsubscribe',
  out_of_stock: 'the items sell out',
};

export const EXITS: { value: string; label: string }[] = options(schema.exits, EXIT_LABELS);

/** Words for each scope of schema.stopScopes: whose sequences a stop ends. */
export const STOP_SCOPE_LABELS: Record<string, string> = {
  order: 'This order’s sequences',
  customer: 'Every sequence of this customer',
};

/** What each stop scope leaves alone or ends, in the seller's words. */
export const STOP_SCOPE_HINTS: Record<string, string> = {
  order: 'Its confirmation, shipping and feedback emails still waiting in other flows are not sent. The customer’s other orders carry on.',
  customer: 'Everything still waiting for this customer in other flows is not sent: every order’s emails, cart reminders and offers.',
};

export const STOP_SCOPES: { value: string; label: string }[] = options(schema.stopScopes, STOP_SCOPE_LABELS);

export function actionCounts(byAction: Record<string, number> | undefined): string {
  const names: Record<string, [string, string]> = {
    send_email: ['email', 'emails'],
    issue_coupon: ['coupon', 'coupons'],
    add_tag: ['tag', 'tags'],
    remove_tag: ['tag removed', 'tags removed'],
    create_task: ['task', 'tasks'],
    create_purchase_order: ['purchase-order line', 'purchase-order lines'],
    hold_order: ['order held', 'orders held'],
    stop_sequences: ['sequence stop', 'sequence stops'],
  };
  const parts = Object.entries(byAction ?? {})
    .filter(([, n]) => n > 0)
    .map(([a, n]) => {
      const [one, many] = names[a] ?? [a.replaceAll('_', ' '), a.replaceAll('_', ' ')];
      return countOf(n, one, many);
    });
  return parts.join(', ');
}

/**
 * The number the seller sees on each step: actions count 1, 2, 3...; a wait
 * sits between steps and gets null. stepNumbers([email, wait, email]) -> [1, null, 2].
 */
export function stepNumbers(steps: Pick<Step, 'action'>[]): (number | null)[] {
  let n = 0;
  return steps.map((s) => (s.action === 'wait' ? null : ++n));
}

/**
 * Where a problem of step `step` (1-based over all steps, waits included, as
 * the backend counts) is, in the numbers the seller sees: "Step 2", or
 * "The wait before step 2" (or "after step 2" for a trailing wait).
 */
export function stepPlace(steps: Pick<Step, 'action'>[], step: number): string {
  const nums = stepNumbers(steps);
  const i = step - 1;
  if (i < 0 || i >= nums.length) return `Step ${step}`;
  if (nums[i] !== null) return `Step ${nums[i]}`;
  const next = nums.slice(i + 1).find((n) => n !== null);
  if (next != null) return `The wait before step ${next}`;
  const prev = nums.slice(0, i).reverse().find((n) => n !== null);
  return prev != null ? `The wait after step ${prev}` : 'The wait';
}

