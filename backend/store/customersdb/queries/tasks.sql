-- Tasks and holds (issue 13): the seller's to-do list the automations and
-- the inbox fill, and the orders held for review. A task's kind is read
-- from where it came from, so the rows the engine and the inbox write need
-- no new column: the inbox's keys start with "inbox/", a flow's key with
-- its flow id (rules.LedgerKey), whose trigger says what it is about; a task
-- on an order that is (or was) held is that order's review.

-- name: TaskList
-- ?1 now, ?2 status filter (open, snoozed, done, all), ?3 kind ('' any),
-- ?4 limit.
SELECT id, title, detail, customer_id, COALESCE(email, ''), order_id, COALESCE(order_name, ''), status,
    created_at, due_at, done_at, snoozed_until, kind, held
FROM (
    SELECT t.id, t.title, t.detail, t.customer_id, c.email, t.order_id, o.name AS order_name, t.status,
        t.created_at, t.due_at, t.done_at, t.snoozed_until,
        CASE
            WHEN t.ledger_key LIKE 'inbox/%' THEN 'reply'
            WHEN t.order_id IS NOT NULL AND EXISTS (SELECT 1 FROM rule_holds h WHERE h.order_id = t.order_id) THEN 'review'
            WHEN json_extract(r.definition, '$.trigger.type') = 'shipment_status' THEN 'shipment'
            WHEN t.ledger_key IS NULL THEN 'yours'
            ELSE 'flow'
        END AS kind,
        EXISTS (SELECT 1 FROM rule_holds h WHERE h.order_id = t.order_id AND h.released_at IS NULL) AS held
    FROM tasks t
    LEFT JOIN customers c ON c.id = t.customer_id
    LEFT JOIN orders o ON o.id = t.order_id
    LEFT JOIN rules r ON t.ledger_key NOT LIKE 'inbox/%' AND instr(t.ledger_key, '/') > 0
        AND r.id = CAST(substr(t.ledger_key, 1, instr(t.ledger_key, '/') - 1) AS INTEGER)
)
WHERE (?3 = '' OR kind = ?3)
  AND CASE ?2
      WHEN 'open' THEN status = 'open' AND COALESCE(snoozed_until, 0) <= ?1
      WHEN 'snoozed' THEN status = 'open' AND COALESCE(snoozed_until, 0) > ?1
      WHEN 'done' THEN status = 'done'
      ELSE 1
  END
ORDER BY CASE WHEN status = 'done' THEN done_at END DESC, created_at DESC, id DESC
LIMIT ?4

-- name: TaskCounts
-- ?1 now: open (due now), snoozed, done, and held orders.
SELECT
    (SELECT COUNT(*) FROM tasks WHERE status = 'open' AND COALESCE(snoozed_until, 0) <= ?1),
    (SELECT COUNT(*) FROM tasks WHERE status = 'open' AND COALESCE(snoozed_until, 0) > ?1),
    (SELECT COUNT(*) FROM tasks WHERE status = 'done'),
    (SELECT COUNT(*) FROM rule_holds WHERE released_at IS NULL)

-- name: TaskStatus
SELECT status FROM tasks WHERE id = ?

-- name: TaskDone
UPDATE tasks SET status = 'done', done_at = ?2, snoozed_until = NULL WHERE id = ?1 AND status = 'open'

-- name: TaskReopen
UPDATE tasks SET status = 'open', done_at = NULL, snoozed_until = NULL WHERE id = ?1

-- name: TaskSnooze
UPDATE tasks SET snoozed_until = ?2 WHERE id = ?1 AND status = 'open'

-- name: TaskInsertOwn
INSERT INTO tasks (title, detail, customer_id, order_id, status, created_at, due_at)
VALUES (?, ?, ?, ?, 'open', ?, ?)

-- name: HoldList
-- Held orders (?1 = 0) or also those released since ?2 (?1 = 1), newest
-- first, with what the list shows of the order.
SELECT h.order_id, o.name, o.email, o.customer_id, o.total, o.currency, o.risk_level, o.created_at,
    h.at, h.reason, h.released_at
FROM rule_holds h JOIN orders o ON o.id = h.order_id
WHERE h.released_at IS NULL OR (?1 = 1 AND h.released_at >= ?2)
ORDER BY h.released_at IS NOT NULL, h.at DESC
LIMIT 500

-- name: HoldOf
SELECT h.order_id, o.name, o.email, o.customer_id, o.total, o.currency, o.risk_level, o.created_at,
    h.at, h.reason, h.released_at
FROM rule_holds h JOIN orders o ON o.id = h.order_id
WHERE h.order_id = ?

-- name: HoldOrderByName
SELECT o.id FROM orders o WHERE o.name = ?1 OR o.name = '#' || ?1 OR o.external_id = ?1
ORDER BY o.id LIMIT 1

-- name: HoldRelease
UPDATE rule_holds SET released_at = ?2 WHERE order_id = ?1 AND released_at IS NULL

-- The review tasks of a released order are done: the seller just reviewed it.
-- name: HoldTasksDone
UPDATE tasks SET status = 'done', done_at = ?2, snoozed_until = NULL
WHERE order_id = ?1 AND status = 'open' AND ledger_key IS NOT NULL AND ledger_key NOT LIKE 'inbox/%'
