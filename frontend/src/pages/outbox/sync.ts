import type { Made, SyncResult } from '../../api/mail';
import { countOf } from '../../lib/plural';

/** What "Read new mail" found, in one sentence of counts. */
export function syncSummary(r: SyncResult): string {
  if (r.scanned === 0) return 'No new mail.';
  const found = [
    r.replies > 0 && countOf(r.replies, 'reply', 'replies'),
    r.bounces > 0 && countOf(r.bounces, 'bounce'),
    r.autoReplies > 0 && countOf(r.autoReplies, 'automatic reply', 'automatic replies'),
    r.unsubscribes > 0 && countOf(r.unsubscribes, 'unsubscribe'),
    r.complaints > 0 && countOf(r.complaints, 'spam complaint'),
    r.orderQuestions > 0 && countOf(r.orderQuestions, 'order question'),
  ].filter(Boolean);
  const made = [
    r.tasks > 0 && countOf(r.tasks, 'task'),
    r.bounced > 0 && `${countOf(r.bounced, 'sent message')} marked Bounced`,
    r.suppressed > 0 && `${countOf(r.suppressed, 'address', 'addresses')} added to Do not email`,
    r.drafts > 0 && countOf(r.drafts, 'reply draft') + ' to approve',
  ].filter(Boolean);
  let s = `Read ${countOf(r.scanned, 'new message')}`;
  if (found.length) s += `: ${found.join(', ')}`;
  s += '.';
  if (made.length) s += ` Shopclerk made ${made.join(', ')}.`;
  if (r.more) s += ' More new mail is waiting: read again.';
  return s;
}

/** The made things of one kind, in the order the sync made them. */
export function madeOf(r: SyncResult, kind: Made['kind']): Made[] {
  return (r.made ?? []).filter((m) => m.kind === kind);
}
