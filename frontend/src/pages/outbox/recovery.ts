import type { SendReport } from '../../api/mail';

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
