// Flows in words: what starts them, what each step does, how long a wait is.
import type { Step, TriggerSpec } from '../../api/automations';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const TRIGGERS: { value: string; label: string }[] = [
  { value: 'order_created', label: 'An order is placed' },
  { value: 'order_paid', label: 'An order is paid' },
  { value: 'order_fulfilled', label: 'An order is fulfilled' },
  { value: 'order_cancelled', label: 'An order is cancelled' },
  { value: 'order_refunded', label: 'An order is refunded' },
  { value: 'shipment_status', label: 'A shipment changes status' },
  { value: 'cart_idle', label: 'A cart is left' },
  { value: 'stock_below', label: 'Stock runs low' },
  { value: 'customer_created', label: 'A customer registers' },
  { value: 'consent_given', label: 'A customer opts in to marketing' },
  { value: 'consent_withdrawn', label: 'A customer opts out of marketing' },
  { value: 'tag_added', label: 'A customer is tagged' },
  { value: 'birthday', label: 'A customer’s birthday' },
  { value: 'renewal_due', label: 'A subscription renewal is near' },
  { value: 'payment_overdue', label: 'A payment is overdue' },
  { value: 'days_after', label: 'Some days after an event' },
  { value: 'inactive', label: 'A customer stops ordering' },
  { value: 'marketing_unanswered', label: 'Marketing emails go unanswered' },
];

const AFTER: Record<string, string> = {
  order_paid: 'an order is paid',
  order_fulfilled: 'an order is fulfilled',
  delivered: 'a parcel is delivered',
  customer_created: 'a customer registers',
};
export const AFTER_OPTIONS = Object.entries(AFTER).map(([value, label]) => ({ value, label }));

export function hoursText(h: number): string {
  if (h > 0 && h % 24 === 0) return plural(h / 24, 'day');
  return plural(h, 'hour');
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
    case 'tag_added':
      return t.tag ? `When a customer is tagged “${t.tag}”` : 'When a customer is tagged';
    case 'renewal_due':
      return `${plural(t.leadDays ?? 0, 'day')} before a ${t.days ?? 0}-day subscription (orders tagged “${t.tag ?? ''}”) renews`;
    case 'payment_overdue':
      return `When an order is still unpaid ${plural(t.days ?? 0, 'day')} after it was placed`;
    case 'days_after':
      return `${plural(t.days ?? 0, 'day')} after ${AFTER[t.after ?? ''] ?? 'an event'}`;
    case 'inactive':
      return `When a customer has not ordered for ${plural(t.days ?? 0, 'day')}`;
    case 'marketing_unanswered':
      return `When a customer got ${plural(t.count ?? 0, 'marketing email')} without buying`;
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
  if (days) parts.push(plural(days, 'day'));
  if (hours) parts.push(plural(hours, 'hour'));
  return `wait ${parts.join(' ') || '0 hours'}`;
}

export const ACTIONS: { value: string; label: string }[] = [
  { value: 'send_email', label: 'Send an email' },
  { value: 'issue_coupon', label: 'Issue a coupon' },
  { value: 'add_tag', label: 'Add a tag' },
  { value: 'remove_tag', label: 'Remove a tag' },
  { value: 'create_task', label: 'Create a task for me' },
  { value: 'create_purchase_order', label: 'Draft a purchase order' },
  { value: 'hold_order', label: 'Hold the order' },
  { value: 'stop_sequences', label: 'Stop other sequences' },
];

export function actionLabel(a: string): string {
  if (a === 'wait') return 'Wait';
  return ACTIONS.find((x) => x.value === a)?.label ?? a.replaceAll('_', ' ');
}

export function templateLabel(name: string): string {
  const s = name.replaceAll('_', ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const EXITS: { value: string; label: string }[] = [
  { value: 'bought', label: 'they buy' },
  { value: 'replied', label: 'they reply' },
  { value: 'unsubscribed', label: 'they unsubscribe' },
  { value: 'out_of_stock', label: 'the items sell out' },
];

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
      return `${n} ${n === 1 ? one : many}`;
    });
  return parts.join(', ');
}
