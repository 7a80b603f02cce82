-- Outbox, suppressions and inbox sync state (issue 5).

-- name: MsgInsert
INSERT INTO messages (message_id, kind, to_addr, to_name, subject, html, text, headers, attachments, status,
    customer_id, ledger_key, template, next_attempt_at, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (ledger_key) WHERE ledger_key IS NOT NULL DO NOTHING;

-- name: MsgIDByLedger
SELECT id FROM messages WHERE ledger_key = ?;

-- name: MsgColumns
SELECT id, message_id, kind, to_addr, to_name, subject, html, text, headers, attachments, status, attempts,
    last_error, next_attempt_at, customer_id, COALESCE(ledger_key, ''), created_at, sent_at, sending_at,
    server_reply, delivered_to, filed, template
FROM messages

-- name: MsgDueBatch
-- The next ?2 due messages: due retries first, then new mail in order, then
-- scheduled mail; three index range scans (messages_status) instead of one
-- sort over the whole queue.
SELECT id FROM (
    SELECT id, 0 AS k, next_attempt_at AS t FROM (SELECT id, next_attempt_at FROM messages
        WHERE status = 'deferred' AND next_attempt_at <= ?1 ORDER BY next_attempt_at, id LIMIT ?2)
    UNION ALL
    SELECT id, 1, 0 FROM (SELECT id FROM messages
        WHERE status = 'queued' AND next_attempt_at IS NULL ORDER BY id LIMIT ?2)
    UNION ALL
    SELECT id, 2, next_attempt_at FROM (SELECT id, next_attempt_at FROM messages
        WHERE status = 'queued' AND next_attempt_at <= ?1 ORDER BY next_attempt_at, id LIMIT ?2))
ORDER BY k, t, id LIMIT ?2;

-- name: MsgClaimIDs
-- Claims the messages ?2 (a JSON array of MsgDueBatch's ids, read in the
-- same transaction, so still due): marks them 'sending' and returns each
-- whole row with the recipient's suppression entry, so claiming, reading
-- and the check right before sending are one statement. It also fixes the
-- message's proofs and Sent copy (ClaimStamp) for this attempt. RETURNING's order
-- is not defined; the caller restores it. (A status condition here
-- would make the planner walk messages_status over the whole queue
-- instead of looking up the ids.)
UPDATE messages SET status = 'sending', attempts = attempts + 1, sending_at = ?1, proofs = ?3, sent_copy = ?4
WHERE id IN (SELECT value FROM json_each(?2))
RETURNING id, message_id, kind, to_addr, to_name, subject, html, text, headers, attachments, status, attempts,
    last_error, next_attempt_at, customer_id, COALESCE(ledger_key, ''), created_at, sent_at, sending_at,
    server_reply, delivered_to, filed, template,
    (SELECT reason FROM suppressions WHERE email = messages.to_addr),
    (SELECT detail FROM suppressions WHERE email = messages.to_addr),
    (SELECT at FROM suppressions WHERE email = messages.to_addr);

-- name: MsgTransition
UPDATE messages SET status = ?3, last_error = ?4, next_attempt_at = ?5,
    sent_at = CASE WHEN ?3 = 'sent' THEN ?6 ELSE sent_at END,
    server_reply = CASE WHEN ?7 <> '' THEN ?7 ELSE server_reply END,
    delivered_to = CASE WHEN ?8 <> '' THEN ?8 ELSE delivered_to END,
    attempts = CASE WHEN ?9 THEN MAX(attempts - 1, 0) ELSE attempts END
WHERE id = ?1 AND status = ?2;

-- name: MsgSendingIDs
-- Messages a previous run left claimed (RecoverSending settles them).
SELECT id FROM messages WHERE status = 'sending' ORDER BY id;

-- name: MsgCountByStatus
SELECT status, COUNT(*) FROM messages GROUP BY status;

-- name: MsgCountSentSince
SELECT COUNT(*) FROM messages WHERE sent_at >= ?;

-- name: MsgByMessageID
SELECT id FROM messages WHERE message_id = ?;

-- name: MsgSentTimesSince
-- The send times inside the throttle's one-minute window, oldest first.
SELECT sent_at FROM messages WHERE sent_at >= ? ORDER BY sent_at;

-- name: MsgNextDue
-- When the earliest queued or deferred message is due (0: one is due now).
SELECT MIN(COALESCE(next_attempt_at, 0)) FROM messages WHERE status IN ('queued', 'deferred');

-- name: MsgCountMarketingDueBy
-- How many marketing messages wait to go by the given time: inside the
-- quiet hours, those are the ones held until they end.
SELECT COUNT(*) FROM messages
WHERE status IN ('queued', 'deferred') AND kind = 'marketing' AND COALESCE(next_attempt_at, 0) <= ?;
