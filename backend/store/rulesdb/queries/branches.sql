-- Flow branches (issue 17): what each step and each side of a split did,
-- from the ledger rows (their path is the branch they lay on when done).

-- name: RuleStepCounts
-- Per step of a flow: emails sent (a bounce was sent too), emails still
-- waiting in the outbox, and other effects done.
SELECT l.step, l.path,
    COALESCE(SUM(CASE WHEN m.status IN ('sent', 'bounced') THEN 1 ELSE 0 END), 0) AS sent,
    COALESCE(SUM(CASE WHEN m.status IN ('queued', 'sending', 'deferred', 'in_doubt') THEN 1 ELSE 0 END), 0) AS waiting,
    COUNT(*) AS done
FROM rule_ledger l LEFT JOIN messages m ON m.ledger_key = l.key
WHERE l.rule_id = ? AND l.status = 'done'
GROUP BY l.step, l.path

-- name: RuleSplitCounts
-- Per split of a flow and side: how many sequences took it.
SELECT step, result, COUNT(*) FROM rule_ledger WHERE rule_id = ? AND status = 'branched' GROUP BY step, result
