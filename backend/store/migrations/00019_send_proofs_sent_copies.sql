-- +goose Up
-- Issue 14: what the send loop fixes about a message when it claims it, so
-- that a later change of the mail account cannot change how the message is
-- settled.

-- The proofs of delivery the message carries, comma separated: "sent" (the
-- provider files every accepted message in the Sent folder) and "inbox" (a
-- copy goes to the seller's own address). After a crash, a message missing
-- from the mailbox counts as unsent only when one of its own proofs would
-- have put it there. Empty: nothing can prove it unsent.
ALTER TABLE messages ADD COLUMN proofs TEXT NOT NULL DEFAULT '';

-- The copy Shopclerk owes the seller's Sent folder: 0 none (filed, or the
-- provider files it), 1 due, 2 due and an APPEND of it may have begun, so
-- the folder is searched before it is filed. The filing queue is the sent
-- messages with a copy due.
ALTER TABLE messages ADD COLUMN sent_copy INTEGER NOT NULL DEFAULT 0;
CREATE INDEX messages_sent_copy ON messages(id) WHERE sent_copy > 0;

-- Sent messages an older Shopclerk had not filed yet, on an account whose
-- provider does not file them itself: due, looked up first.
UPDATE messages SET sent_copy = 2
WHERE status = 'sent' AND filed = 0 AND EXISTS (
    SELECT 1 FROM settings WHERE key = 'mail.account' AND json_valid(value)
        AND NOT COALESCE(json_extract(value, '$.providerFilesSent'), 0)
        AND COALESCE(json_extract(value, '$.imapHost'), '') <> '');

-- +goose Down
SELECT 'down migrations are not supported: restore a backup instead';
