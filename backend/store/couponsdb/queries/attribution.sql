-- Attribution (issue 17), bound by name (attribution.go): what the orders
-- prove, row by row; the Go side buckets them by week in the shop's zone.
-- ?1 since (unix), ?2 flow (0 any), ?3 campaign (0 any), ?4 recovery
-- window in seconds. Campaign mail is not in rule_ledger: with ?3 set, only
-- redemptions (coupons.campaign_id) are found.

-- name: AttributionSent
SELECT l.rule_id, l.step, m.sent_at
FROM messages m
JOIN rule_ledger l ON l.key = m.ledger_key
WHERE m.ledger_key IS NOT NULL AND m.status IN ('sent', 'bounced') AND m.sent_at >= ?1
  AND (?2 = 0 OR l.rule_id = ?2) AND ?3 = 0 AND ?4 >= 0;

-- A redemption goes to the last email of the coupon's sequence sent before
-- the order (-1: none was).
-- name: AttributionRedeemed
SELECT COALESCE(k.rule_id, 0), COALESCE(k.campaign_id, 0), k.shared,
    COALESCE((SELECT l.step FROM messages m JOIN rule_ledger l ON l.key = m.ledger_key
        WHERE m.ledger_key > rtrim(k.ledger_key, '0123456789') AND m.ledger_key < rtrim(k.ledger_key, '0123456789') || X'FF'
          AND m.status IN ('sent', 'bounced') AND m.sent_at <= o.created_at
        ORDER BY m.sent_at DESC, l.step DESC LIMIT 1), -1),
    o.created_at, o.total - o.refunded, o.currency
FROM coupons k
JOIN orders o ON o.id = k.redeemed_order_id
WHERE k.redeemed_order_id IS NOT NULL AND o.created_at >= ?1
  AND (k.rule_id IS NOT NULL OR k.campaign_id IS NOT NULL)
  AND (?2 = 0 OR k.rule_id = ?2) AND (?3 = 0 OR k.campaign_id = ?3) AND ?4 >= 0;

-- Every (reminder, order) pair of a cart flow: an order by the cart's
-- customer (or its email) after the reminder and within the window. The Go
-- side keeps, per cart, the first order and the last reminder before it.
-- name: AttributionRecovered
SELECT l.rule_id, l.step, m.sent_at, ca.id, o.created_at, o.total - o.refunded, o.currency
FROM messages m
JOIN rule_ledger l ON l.key = m.ledger_key
JOIN carts ca ON ca.id = CAST(substr(l.occurrence, 6, instr(substr(l.occurrence, 6) || ':', ':') - 1) AS INTEGER)
JOIN orders o ON o.created_at > m.sent_at AND o.created_at <= m.sent_at + ?4
    AND (o.customer_id = ca.customer_id OR (ca.email <> '' AND o.email = ca.email))
WHERE m.ledger_key IS NOT NULL AND m.status IN ('sent', 'bounced') AND l.occurrence LIKE 'cart:%'
  AND o.created_at >= ?1 AND o.cancelled_at IS NULL
  AND (?2 = 0 OR l.rule_id = ?2) AND ?3 = 0;

-- name: AttributionFlows
SELECT r.id, r.name, COALESCE(s.key, -1), COALESCE(json_extract(s.value, '$.action'), ''),
    COALESCE(json_extract(s.value, '$.template'), ''), COALESCE(json_extract(s.value, '$.subject'), '')
FROM rules r LEFT JOIN json_each(CASE WHEN json_valid(r.definition) THEN r.definition ELSE '{}' END, '$.steps') s
WHERE ?1 = 0 OR r.id = ?1
ORDER BY r.id, s.key;

-- name: AttributionCampaigns
-- The campaigns' names, so attribution calls them what the seller did.
SELECT id, name FROM campaigns WHERE ?1 = 0 OR id = ?1;
