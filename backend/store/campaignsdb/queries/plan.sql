-- The campaign's planning writes and its counts, bound by name (the bulk
-- inserts are built for many rows at once; the counts join the outbox,
-- coupons, orders and the inbox).

-- name: CampaignStart
-- Freezes the start: only a draft starts, so two starts cannot both plan.
UPDATE campaigns SET status = ?2, audience = ?3, sample_at = ?4, decide_at = ?5, skipped = ?6, started_at = ?7
WHERE id = ?1 AND status = 'draft';

-- name: CampaignDecided
UPDATE campaigns SET status = 'sending', winner = ?2, decision = ?3, decided_at = ?4, rest_at = ?5
WHERE id = ?1 AND status = 'testing';

-- name: RecipientInsert
INSERT INTO campaign_recipients (campaign_id, customer_id, grp) VALUES (?, ?, ?);

-- name: RecipientQueued
UPDATE campaign_recipients SET variant = ?3, message_id = ?4, coupon_id = ?5 WHERE campaign_id = ?1 AND customer_id = ?2;

-- name: RecipientsToQueue
-- The recipients of a group whose email is not queued yet, with what the
-- email needs to know about them.
SELECT r.customer_id, r.grp, c.email, c.first_name, c.last_name, c.country, c.currency
FROM campaign_recipients r JOIN customers c ON c.id = r.customer_id
WHERE r.campaign_id = ?1 AND r.grp IN (SELECT value FROM json_each(?2)) AND r.message_id IS NULL
ORDER BY r.customer_id;

-- name: MessageInsert
INSERT INTO messages (message_id, kind, to_addr, to_name, subject, html, text, headers, status, next_attempt_at,
    customer_id, ledger_key, created_at, template)
VALUES (?, 'marketing', ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?);

-- name: Suppressed
SELECT email FROM suppressions;

-- name: MarketingSince
-- Marketing emails per customer queued or sent since ?1 (the weekly cap).
SELECT customer_id, COUNT(*) FROM messages
WHERE kind = 'marketing' AND customer_id IS NOT NULL AND created_at >= ?1 AND status NOT IN ('cancelled', 'failed')
GROUP BY customer_id;

-- name: VariantCounts
-- Per group and variant: recipients, emails queued, sent, failed or not
-- sent, coupons redeemed (the campaign's codes in orders' discount codes,
-- whatever their case), the revenue of those orders, and replies to the
-- campaign's emails the inbox matched.
SELECT r.grp, r.variant, COUNT(*) AS recipients,
    COUNT(r.message_id) AS queued,
    COALESCE(SUM(m.status = 'sent'), 0) AS sent,
    COALESCE(SUM(m.status IN ('failed', 'cancelled', 'bounced')), 0) AS failed,
    COALESCE(SUM(red.n > 0), 0) AS redeemed,
    CAST(COALESCE(SUM(red.revenue), 0) AS INTEGER) AS revenue,
    COALESCE(SUM(rep.n > 0), 0) AS replied
FROM campaign_recipients r
LEFT JOIN messages m ON m.id = r.message_id
LEFT JOIN (SELECT k.id AS coupon_id, COUNT(o.id) AS n, SUM(o.total) AS revenue
           -- CROSS JOIN keeps this order (SQLite's rule): the campaign's
           -- recipients, their coupons, then each code's orders by index.
           FROM campaign_recipients r2 CROSS JOIN coupons k CROSS JOIN orders o
           WHERE r2.campaign_id = ?1 AND k.id = r2.coupon_id
             AND o.discount_code = k.code COLLATE NOCASE AND o.discount_code <> '' AND o.cancelled_at IS NULL
           GROUP BY k.id) red ON red.coupon_id = r.coupon_id
LEFT JOIN (SELECT i.related_id AS message_id, COUNT(*) AS n FROM inbox_items i
           WHERE i.kind = 'reply' AND i.related_id IN (SELECT message_id FROM campaign_recipients WHERE campaign_id = ?1)
           GROUP BY i.related_id) rep ON rep.message_id = r.message_id
WHERE r.campaign_id = ?1
GROUP BY r.grp, r.variant
ORDER BY r.grp, r.variant;
