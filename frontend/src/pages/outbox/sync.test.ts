import { describe, expect, it } from 'vitest';
import type { SyncResult } from '../../api/mail';
import { madeOf, syncSummary } from './sync';

const none: SyncResult = {
  scanned: 0, replies: 0, autoReplies: 0, bounces: 0, suppressed: 0, unsubscribes: 0, complaints: 0, orderQuestions: 0,
  drafts: 0, bounced: 0, tasks: 0, more: false, made: null,
};

describe('syncSummary', () => {
  it('says when there was nothing new', () => {
    expect(syncSummary(none)).toBe('No new mail.');
  });
  it('counts what was read and what Shopclerk made of it', () => {
    expect(syncSummary({ ...none, scanned: 3, replies: 1, bounces: 2, tasks: 1, bounced: 1, suppressed: 2 })).toBe(
      'Read 3 new messages: 1 reply, 2 bounces. Shopclerk made 1 task, 1 sent message marked Bounced, 2 addresses added to Do not email.',
    );
  });
  it('lists the made things by kind', () => {
    const r: SyncResult = {
      ...none,
      made: [
        { kind: 'bounce', taskId: 0, messageId: 7, email: 'a@x.test', title: 'Hi', detail: 'gone' },
        { kind: 'suppression', taskId: 0, messageId: 0, email: 'a@x.test', title: 'hard_bounce', detail: '' },
      ],
    };
    expect(madeOf(r, 'bounce').map((m) => m.messageId)).toEqual([7]);
    expect(madeOf(r, 'task')).toEqual([]);
    expect(madeOf({ ...r, made: [{ kind: 'draft', taskId: 3, messageId: 9, email: 'j@x.test', title: 'Reply to j@x.test about order #1', detail: 'German: Dein Paket ist unterwegs.' }] }, 'draft').map((m) => m.messageId)).toEqual([9]);
  });
});
