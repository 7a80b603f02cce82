import { describe, expect, it } from 'vitest';
import { recoveryNote } from './recovery';

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
