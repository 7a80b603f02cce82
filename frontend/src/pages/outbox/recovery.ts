import type { SendReport } from '../../api/mail';
import { countOf } from '../../lib/plural';

/** What the check of an interrupted earlier run decided, in words ('' when there was none). */
export function recoveryNote(d: SendReport['inDoubt']): string {
  const parts = [
    d.journalSent > 0 && `${d.journalSent} recorded as sent`,
    d.foundSent > 0 && `${d.foundSent} found in your Sent folder`,
    d.neverSent + d.provenUnsent > 0 && `${d.neverSent + d.provenUnsent} had not gone out and were queued again`,
    d.sellerDecide > 0 && `${d.sellerDecide} need your decision (In doubt)`,
  ].filter(Boolean);
  return parts.length ? `The last send was interrupted: ${parts.join(', ')}` : '';
}

/**
 * What a Send now did, in one line: the counts, then why marketing email
 * waits when the quiet hours hold it (the run counts it among "deferred",
 * which alone would not say why nor until when), then any pause.
 */
export function sendSummary(r: SendReport['run']): string {
  let s = `Sent ${r.sent}, deferred ${r.deferred}, failed ${r.failed}`;
  if (r.quietHeld > 0) {
    s += `. ${countOf(r.quietHeld, 'marketing email')} ${r.quietHeld === 1 ? 'waits' : 'wait'} for quiet hours until ${r.quietUntilShop} (shop time); order emails still go`;
  }
  if (r.pausedUntil) s += `. Paused: ${r.pauseReason}`;
  return s;
}
