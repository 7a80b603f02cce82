-- The Sent-folder filing queue and the proofs of delivery a message carries
-- (issue 14). Bound by name (sentcopies.go): the id lists are JSON arrays.

-- name: MsgCopiesDue
-- Sent messages whose Sent copy is still due, oldest first; sent_copy 2
-- says an APPEND of it may have begun.
SELECT id, sent_copy FROM messages WHERE sent_copy > 0 AND status = 'sent' ORDER BY id LIMIT ?;

-- name: MsgCopiesAppending
UPDATE messages SET sent_copy = 2 WHERE id IN (SELECT value FROM json_each(?)) AND sent_copy = 1;

-- name: MsgCopiesFiled
UPDATE messages SET sent_copy = 0, filed = 1 WHERE id IN (SELECT value FROM json_each(?)) AND sent_copy > 0;

-- name: MsgCopyLookFirst
UPDATE messages SET sent_copy = 2 WHERE id = ? AND sent_copy = 1;

-- name: MsgProofs
SELECT id, proofs FROM messages WHERE id IN (SELECT value FROM json_each(?));
