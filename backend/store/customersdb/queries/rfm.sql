-- RFM scoring and the seller's segments over every customer (issue 13),
-- bound by name.

-- name: RFMInputs
-- Every customer with an order (not cancelled) created at or before ?2, with
-- their orders from ?1 on (the window) and their last order at all. The
-- customer's index holds every column read, so this walks the index alone.
SELECT customer_id,
    COALESCE(MAX(created_at) FILTER (WHERE created_at >= ?1), 0),
    COUNT(*) FILTER (WHERE created_at >= ?1),
    COALESCE(SUM(total - refunded) FILTER (WHERE created_at >= ?1), 0),
    MAX(created_at)
FROM orders INDEXED BY orders_customer
WHERE customer_id IS NOT NULL AND cancelled_at IS NULL AND created_at <= ?2
GROUP BY customer_id

-- name: RFMOld
SELECT customer_id, r, f, m, orders, spent, last_order_at, segment, since FROM rfm_scores

-- name: RFMPut
INSERT OR REPLACE INTO rfm_scores (customer_id, r, f, m, orders, spent, last_order_at, segment, since) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)

-- name: RFMDelete
DELETE FROM rfm_scores WHERE customer_id = ?

-- name: RFMMonthFromScores
-- The scores as they stand become month's snapshot: at the first scoring
-- of a new month, they are the previous month's last.
INSERT INTO rfm_months (month, customer_id, segment) SELECT ?1, customer_id, segment FROM rfm_scores

-- name: RFMMonthClear
DELETE FROM rfm_months WHERE month = ?

-- name: RFMMonthInsert
INSERT INTO rfm_months (month, customer_id, segment) VALUES (?, ?, ?)

-- name: RFMRunSet
INSERT INTO rfm_runs (month, at, window_days, scored) VALUES (?1, ?2, ?3, ?4)
ON CONFLICT (month) DO UPDATE SET at = ?2, window_days = ?3, scored = ?4

-- name: RFMMonthCounts
SELECT segment, COUNT(*) FROM rfm_months WHERE month = ? GROUP BY segment

-- name: RFMMoves
-- How many customers went from each segment of month ?1 to each segment
-- now; '' is "not scored" (no order yet, or new since).
SELECT COALESCE(p.segment, ''), s.segment, COUNT(*)
FROM rfm_scores s LEFT JOIN rfm_months p ON p.month = ?1 AND p.customer_id = s.customer_id
GROUP BY 1, 2
UNION ALL
SELECT p.segment, '', COUNT(*) FROM rfm_months p
WHERE p.month = ?1 AND NOT EXISTS (SELECT 1 FROM rfm_scores s WHERE s.customer_id = p.customer_id)
GROUP BY 1

-- name: SegmentCustomers
-- Every customer (the anonymised rows of erased ones aside) with their RFM
-- segment, for counting the seller's segments.
SELECT c.id, c.email, c.source, c.external_id, c.first_name, c.last_name, c.phone, c.country, c.city,
    c.accepts_marketing, c.consent_at, c.birthday, c.tags, c.note, c.created_at, c.orders_count,
    c.total_spent, c.currency, c.last_order_at, COALESCE(r.segment, '')
FROM customers c LEFT JOIN rfm_scores r ON r.customer_id = c.id
WHERE c.source <> 'erased'
ORDER BY c.id

-- name: ProductsBoughtAll
SELECT DISTINCT o.customer_id, li.sku FROM orders o JOIN line_items li ON li.order_id = o.id
WHERE o.customer_id IS NOT NULL AND o.cancelled_at IS NULL AND li.sku <> ''

-- name: ProductsBoughtOne
SELECT DISTINCT li.sku FROM orders o JOIN line_items li ON li.order_id = o.id
WHERE o.customer_id = ? AND o.cancelled_at IS NULL AND li.sku <> '' ORDER BY li.sku

-- name: RFMSegmentOf
SELECT segment FROM rfm_scores WHERE customer_id = ?

-- name: CustomerCount
SELECT COUNT(*) FROM customers WHERE source <> 'erased'
