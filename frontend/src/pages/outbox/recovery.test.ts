import { describe, expect, it } from 'vitest';
import { recoveryNote, sendSummary } from './recovery';

const none = { journalSent: 0, neverSent: 0, foundSent: 0, provenUnsent: 0, sellerDecide: 0, error: '' };

describe('recoveryNote', () => {
  it('says nothing when no earlier run was interrupted', () => {
    expect(recoveryNote(none)).toBe('');
  });
  it('names each decision of the check', () => {
    expect(recoveryNote({ ...none, journalSent: 2, neverSent: 14, provenUnsent: 1, sellerDecide: 1 })).toBe(
      'The last send was interrupted: 2 recorded as sent, 15 had not gone out and were queued again, 1 need your decision (In doubt)',
    );
  });
});

const run = {
  sent: 2, deferred: 1, failed: 0, inDoubt: 0, cancelled: 0, pausedUntil: null, pauseReason: '',
  pauseLimit: '' as const, fileError: '', quietHeld: 0, quietUntil: null, quietUntilShop: '',
};

describe('sendSummary', () => {
  it('gives the counts alone when nothing waits for quiet hours', () => {
    expect(sendSummary(run)).toBe('Sent 2, deferred 1, failed 0');
  });
  it('says how many marketing emails wait for quiet hours and until when, shop time', () => {
    expect(sendSummary({ ...run, quietHeld: 3, quietUntil: '2026-03-03T07:00:00Z', quietUntilShop: '08:00' })).toBe(
      'Sent 2, deferred 1, failed 0. 3 marketing emails wait for quiet hours until 08:00 (shop time); order emails still go',
    );
    expect(sendSummary({ ...run, sent: 0, deferred: 0, quietHeld: 1, quietUntilShop: '08:00' })).toContain('1 marketing email waits for quiet hours until 08:00');
  });
});
