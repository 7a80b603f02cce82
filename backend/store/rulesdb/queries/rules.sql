-- Automation engine (issue 4): flows, ledger, runs, detection and the facts
-- the rules read. Times are unix seconds.
--
-- A parameter written +? in a look-up the planner repeats per subject is
-- compared as it is; the plus keeps SQLite from planning around the bound
-- value. With the sample statistics a full ANALYZE keeps (sqlite_stat4)
-- SQLite otherwise re-prepares such a statement every time a new value is
-- bound, which cost a plan about as much as running the look-ups.

-- name: RuleLedgerForOccurrence
SELECT step, status, result FROM rule_ledger WHERE rule_id = +? AND occurrence = +?

-- name: RuleLedgerActedSince
SELECT EXISTS (SELECT 1 FROM rule_ledger
    WHERE rule_id = +?1 AND subject = +?2 AND status = 'done' AND occurrence <> ?3 AND done_at >= +?4)

-- name: RuleLedgerInsert
INSERT INTO rule_ledger (key, rule_id, subject, occurrence, step, status, due_at, done_at, result, path)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (key) DO NOTHING

-- name: RuleLedgerSetResult
UPDATE rule_ledger SET result = ? WHERE key = ?

-- name: RuleLedgerKeys
SELECT key, rule_id, subject, occurrence, step, status, result, path FROM rule_ledger ORDER BY key

-- name: RuleMessageInsert
INSERT INTO messages (message_id, kind, to_addr, to_name, subject, html, text, headers, status, customer_id,
    ledger_key, created_at, template)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?)

-- name: RuleCouponByKeyPrefix
SELECT code, percent_off, amount_off, currency, free_shipping, expires_at FROM coupons
WHERE ledger_key >= +?1 AND ledger_key < ?1 || X'FF' ORDER BY ledger_key DESC LIMIT 1

-- name: RulePOInsert
INSERT INTO purchase_orders (supplier_id, status, currency, note, created_at, ledger_key)
VALUES (?, 'draft', ?, ?, ?, ?)

-- "Order once" is spent once the SKU is on an order (as in AddToDraft).
-- name: RuleSKUOrderOnceSpent
UPDATE sku_policies SET order_once = 0, updated_at = ?1 WHERE sku = ?2 AND order_once = 1

-- name: RuleCustomerTagsGet
SELECT tags FROM customers WHERE id = ?

-- name: RuleCustomerTagsSet
UPDATE customers SET tags = ?2, updated_at = ?3 WHERE id = ?1

-- name: RuleTaskInsert
INSERT INTO tasks (title, detail, customer_id, order_id, created_at, due_at, ledger_key) VALUES (?, ?, ?, ?, ?, ?, ?)

-- name: RuleStopInsert
INSERT INTO rule_stops (customer_id, order_id, rule_id, at, reason, ledger_key) VALUES (?, ?, ?, ?, ?, ?)

-- name: RuleHoldInsert
INSERT INTO rule_holds (order_id, at, reason, ledger_key) VALUES (?, ?, ?, ?)
ON CONFLICT (order_id) DO UPDATE SET released_at = NULL, reason = excluded.reason

-- name: RuleHoldRelease
UPDATE rule_holds SET released_at = ? WHERE order_id = ? AND released_at IS NULL

-- name: RuleOrderHeld
SELECT EXISTS (SELECT 1 FROM rule_holds WHERE order_id = +? AND released_at IS NULL)

-- The first stop after ?3 by another flow than ?2 of a sequence for
-- customer ?1 about order ?4: a customer-wide stop (no order), or a stop of
-- that order's sequences (which carries the order's customer). One range
-- of the customer's index, as before stops had a scope: the planner asks
-- this for every step it plans.
-- name: RuleStoppedSince
SELECT COALESCE((SELECT reason FROM rule_stops WHERE customer_id = +?1 AND rule_id <> ?2 AND at > +?3
    AND (order_id IS NULL OR order_id = ?4) ORDER BY at LIMIT 1), '')

-- The same for a guest order's sequence: the stops of order ?1.
-- name: RuleOrderStoppedSince
SELECT COALESCE((SELECT reason FROM rule_stops WHERE order_id = +?1 AND rule_id <> ?2 AND at > +?3 ORDER BY at LIMIT 1), '')

-- name: RuleSignalInsert
INSERT INTO rule_signals (email, kind, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING

-- name: RuleRepliedSince
SELECT EXISTS (SELECT 1 FROM rule_signals WHERE email = +? AND kind = 'replied' AND at > +?)

-- name: RuleRepliedSinceInbox
SELECT EXISTS (SELECT 1 FROM inbox_items WHERE kind = 'reply' AND from_addr = +?1 COLLATE NOCASE AND received_at > +?2)

-- name: RuleTableExists
SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?)

-- name: RuleBoughtSince
SELECT EXISTS (SELECT 1 FROM orders WHERE (customer_id = +?1 OR (?2 <> '' AND email = +?2))
    AND created_at > +?3 AND cancelled_at IS NULL)

-- name: RuleMarketingSentSince
SELECT COUNT(*) FROM messages WHERE customer_id = +? AND kind = 'marketing' AND created_at >= +?
    AND status NOT IN ('failed', 'cancelled')

-- name: RuleCartGet
SELECT id, source, external_id, email, customer_id, currency, total, recovery_url, created_at, updated_at,
    recovered_at
FROM carts WHERE id = ?

-- name: RuleCartLinesGet
SELECT position, sku, name, quantity, price FROM cart_lines WHERE cart_id = +? ORDER BY position

-- name: RuleCartOutOfStock
SELECT COUNT(*) > 0 AND COUNT(*) = SUM(CASE WHEN COALESCE(
        (SELECT SUM(s.available) FROM stock_levels s WHERE s.sku = cl.sku AND s.stocked = 1), 1) <= 0
    THEN 1 ELSE 0 END)
FROM cart_lines cl WHERE cl.cart_id = +? AND cl.sku <> ''

-- name: RuleCustomerByEmailGet
SELECT c.id, c.email, c.source, c.external_id, c.first_name, c.last_name, c.phone, c.country, c.city,
    c.accepts_marketing, c.consent_at, c.birthday, c.tags, c.note, c.created_at, c.orders_count,
    c.total_spent, c.currency, c.last_order_at
FROM customers c WHERE c.email = +?1 AND c.email <> ''

-- name: RuleProductInfo
-- The products, suppliers and stock of a JSON array of SKUs (one for
-- GetProductInfo, a batch for ProductInfos).
SELECT p.id, p.sku, p.title, p.variant_title, p.vendor, p.type, p.currency, p.price, p.cost, p.status, p.tags,
    p.supplier_id, p.reorder_point, COALESCE(sup.name, ''), COALESCE(sup.email, ''), COALESCE(sup.currency, ''),
    COALESCE(sup.min_order_qty, 0), COALESCE(sup.pack_size, 1), COALESCE(sp.supplier_sku, ''),
    COALESCE(sp.unit_cost, 0),
    COALESCE((SELECT SUM(available) FROM stock_levels s WHERE s.sku = p.sku), 0),
    COALESCE((SELECT SUM(incoming) FROM stock_levels s WHERE s.sku = p.sku), 0)
FROM products p
LEFT JOIN suppliers sup ON sup.id = p.supplier_id
LEFT JOIN supplier_products sp ON sp.supplier_id = p.supplier_id AND sp.sku = p.sku
WHERE p.sku IN (SELECT value FROM json_each(?))

-- name: RuleShipmentGet
SELECT id, order_id, carrier, tracking_number, tracking_url, status, shipped_at, delivered_at, updated_at
FROM shipments WHERE id = ?

-- name: OccOrdersCreated
SELECT id, COALESCE(customer_id, 0), email, created_at FROM orders WHERE created_at BETWEEN ? AND ?

-- name: OccOrdersPaid
SELECT id, COALESCE(customer_id, 0), email, paid_at FROM orders WHERE paid_at BETWEEN ?1 AND ?2
UNION ALL
SELECT id, COALESCE(customer_id, 0), email, updated_at FROM orders
WHERE updated_at BETWEEN ?1 AND ?2 AND paid_at IS NULL AND financial_status = 'paid'

-- name: OccOrdersFulfilled
SELECT id, COALESCE(customer_id, 0), email, fulfilled_at FROM orders WHERE fulfilled_at BETWEEN ?1 AND ?2
UNION ALL
SELECT id, COALESCE(customer_id, 0), email, updated_at FROM orders
WHERE updated_at BETWEEN ?1 AND ?2 AND fulfilled_at IS NULL AND fulfillment_status = 'fulfilled'

-- name: OccOrdersCancelled
SELECT id, COALESCE(customer_id, 0), email, cancelled_at FROM orders WHERE cancelled_at BETWEEN ? AND ?

-- name: OccOrdersRefunded
SELECT id, COALESCE(customer_id, 0), email, updated_at FROM orders
WHERE updated_at BETWEEN ? AND ? AND (financial_status IN ('refunded', 'partially_refunded') OR refunded > 0)

-- name: OccOrdersOverdue
SELECT id, COALESCE(customer_id, 0), email, created_at FROM orders
WHERE created_at BETWEEN ? AND ? AND cancelled_at IS NULL
    AND financial_status IN ('pending', 'authorized', 'partially_paid')

-- name: OccSubscriptionOrders
SELECT o.id, COALESCE(o.customer_id, 0), o.email, COALESCE(o.paid_at, o.created_at) FROM orders o
WHERE (o.paid_at BETWEEN ?1 AND ?2 OR (o.paid_at IS NULL AND o.created_at BETWEEN ?1 AND ?2)) AND o.cancelled_at IS NULL
    AND (',' || REPLACE(o.tags, ', ', ',') || ',') LIKE '%,' || ?3 || ',%'
    AND NOT EXISTS (SELECT 1 FROM orders l WHERE l.id <> o.id AND l.cancelled_at IS NULL
        AND (l.customer_id = o.customer_id OR l.email = o.email) AND l.created_at > o.created_at
        AND (',' || REPLACE(l.tags, ', ', ',') || ',') LIKE '%,' || ?3 || ',%')

-- name: OccEvents
SELECT id, occurrence, COALESCE(customer_id, 0), COALESCE(ref_id, 0), value, at FROM rule_events
WHERE trigger = ? AND at BETWEEN ? AND ?

-- name: OccDelivered
SELECT s.id, s.order_id, COALESCE(o.customer_id, 0), o.email, s.delivered_at FROM shipments s
JOIN orders o ON o.id = s.order_id WHERE s.delivered_at BETWEEN ? AND ?

-- name: OccIdleCarts
SELECT c.id, COALESCE(c.customer_id, 0), c.email, c.updated_at FROM carts c
WHERE c.updated_at BETWEEN ? AND ? AND c.recovered_at IS NULL AND c.email <> ''
    AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.email = c.email AND o.created_at >= c.updated_at)

-- name: OccStockCrossed
SELECT sc.id, sc.sku, sc.location, COALESCE(sc.before, -1), sc.after, COALESCE(p.reorder_point, ?3), sc.at
FROM stock_changes sc JOIN products p ON p.sku = sc.sku
WHERE sc.at BETWEEN ?1 AND ?2 AND sc.after < COALESCE(p.reorder_point, ?3)
    AND (sc.before IS NULL OR sc.before >= COALESCE(p.reorder_point, ?3))

-- The crossings of SKUs that are still below their reorder point now (or
-- have no supplier, which the plan reports): for flows that only draft
-- purchase orders, a restocked SKU plans nothing, so it is left out here
-- instead of having its product loaded on every run. So is a SKU stocked
-- at none of its locations (Shopify's "not stocked"), which is never
-- reordered unless the seller asked for one order.
-- name: OccStockCrossedStillLow
SELECT sc.id, sc.sku, sc.location, COALESCE(sc.before, -1), sc.after, COALESCE(p.reorder_point, ?3), sc.at
FROM stock_changes sc JOIN products p ON p.sku = sc.sku
WHERE sc.at BETWEEN ?1 AND ?2 AND sc.after < COALESCE(p.reorder_point, ?3)
    AND (sc.before IS NULL OR sc.before >= COALESCE(p.reorder_point, ?3))
    AND (p.supplier_id IS NULL
        OR COALESCE((SELECT SUM(s.available) FROM stock_levels s WHERE s.sku = p.sku), 0) < COALESCE(p.reorder_point, ?3))
    AND (EXISTS (SELECT 1 FROM stock_levels s WHERE s.sku = p.sku AND s.stocked <> 0)
        OR NOT EXISTS (SELECT 1 FROM stock_levels s WHERE s.sku = p.sku)
        OR EXISTS (SELECT 1 FROM sku_policies pol WHERE pol.sku = p.sku AND pol.order_once <> 0))

-- name: OccBirthdays
SELECT id, email FROM customers WHERE birthday <> '' AND substr(birthday, -5) = ?

-- name: OccInactive
SELECT id, email, last_order_at FROM customers WHERE last_order_at BETWEEN ? AND ?

-- name: OccUnanswered
SELECT m.customer_id, c.email, COUNT(*), MAX(m.created_at), COALESCE(c.last_order_at, 0) FROM messages m
JOIN customers c ON c.id = m.customer_id
WHERE m.kind = 'marketing' AND m.status NOT IN ('failed', 'cancelled')
    AND m.created_at > COALESCE(c.last_order_at, 0) AND m.created_at <= ?2
GROUP BY m.customer_id HAVING COUNT(*) >= ?1 AND MAX(m.created_at) >= ?3

-- name: RuleWatermarkGet
SELECT value FROM rule_watermarks WHERE name = ?

-- name: RuleWatermarkSet
INSERT INTO rule_watermarks (name, value) VALUES (?1, ?2) ON CONFLICT (name) DO UPDATE SET value = MAX(value, ?2)

-- Only customers whose consent or tags may differ from the snapshot reach
-- Go: the stored snapshot rows are joined in, and a row whose tags, with
-- ", " read as "," and ASCII lowered, already equal the normalised snapshot
-- is settled here (normTags of such a row is that snapshot). Anything else,
-- first sight included, is compared in Go. The watermark is inclusive, so
-- without this every customer sharing the last import's second is re-read.
-- name: RuleDetectCustomers
SELECT c.id, c.accepts_marketing, COALESCE(c.consent_at, 0), c.tags, c.created_at, c.updated_at,
    sc.value, COALESCE(sc.version, 0), st.value, COALESCE(st.version, 0)
FROM customers c
LEFT JOIN rule_snapshots sc ON sc.subject = 'customer:' || c.id AND sc.kind = 'consent'
LEFT JOIN rule_snapshots st ON st.subject = 'customer:' || c.id AND st.kind = 'tags'
WHERE c.updated_at >= ?1
    AND (sc.value IS NULL OR sc.value <> CASE WHEN c.accepts_marketing THEN '1' ELSE '0' END
        OR st.value IS NULL OR st.value <> lower(replace(c.tags, ', ', ',')))
ORDER BY c.updated_at

-- name: RuleDetectCustomersMax
SELECT COALESCE(MAX(updated_at), ?1) FROM customers WHERE updated_at >= ?1

-- Shipments whose status differs from the snapshot (or that were never seen).
-- name: RuleDetectShipments
SELECT s.id, COALESCE(o.customer_id, 0), s.status, s.updated_at, COALESCE(r.version, 0), r.value IS NOT NULL,
    s.order_id, s.tracking_number
FROM shipments s
JOIN orders o ON o.id = s.order_id
LEFT JOIN rule_snapshots r ON r.subject = 'shipment:' || s.id AND r.kind = 'status'
WHERE s.updated_at >= ?1 AND (r.value IS NULL OR r.value <> s.status)
ORDER BY s.updated_at

-- name: RuleDetectShipmentsMax
SELECT COALESCE(MAX(updated_at), ?1) FROM shipments WHERE updated_at >= ?1

-- name: RuleSnapshotSet
INSERT INTO rule_snapshots (subject, kind, value, version) VALUES (?1, ?2, ?3, ?4)
ON CONFLICT (subject, kind) DO UPDATE SET value = ?3, version = ?4

-- name: RuleEventInsert
INSERT INTO rule_events (trigger, occurrence, customer_id, ref_id, value, at) VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (trigger, occurrence) DO NOTHING

-- name: RuleEventCount
SELECT COUNT(*) FROM rule_events

-- Set-based loads for the planner: one query per batch of ids (a JSON array),
-- instead of one query per occurrence.

-- name: RuleBatchOrders
SELECT id, source, external_id, name, email, customer_id, financial_status, fulfillment_status, currency,
    subtotal, shipping, taxes, discount, total, refunded, discount_code, shipping_method, payment_method,
    risk_level, accepts_marketing, tags, note, billing, shipping_address, created_at, paid_at, fulfilled_at,
    cancelled_at,
    EXISTS (SELECT 1 FROM rule_holds h WHERE h.order_id = orders.id AND h.released_at IS NULL)
FROM orders WHERE id IN (SELECT value FROM json_each(?))

-- name: RuleBatchOrderLines
SELECT order_id, position, sku, name, vendor, quantity, price, compare_at_price, discount, requires_shipping,
    fulfillment_status
FROM line_items WHERE order_id IN (SELECT value FROM json_each(?)) ORDER BY order_id, position

-- name: RuleBatchCustomers
SELECT c.id, c.email, c.source, c.external_id, c.first_name, c.last_name, c.phone, c.country, c.city,
    c.accepts_marketing, c.consent_at, c.birthday, c.tags, c.note, c.created_at, c.orders_count,
    c.total_spent, c.currency, c.last_order_at
FROM customers c WHERE c.id IN (SELECT value FROM json_each(?))

-- name: RuleBatchCustomersByEmail
SELECT c.id, c.email, c.source, c.external_id, c.first_name, c.last_name, c.phone, c.country, c.city,
    c.accepts_marketing, c.consent_at, c.birthday, c.tags, c.note, c.created_at, c.orders_count,
    c.total_spent, c.currency, c.last_order_at
FROM customers c WHERE c.email IN (SELECT value FROM json_each(?)) AND c.email <> ''

-- name: RuleLedgerForRule
SELECT occurrence, step, status, result FROM rule_ledger WHERE rule_id = ?

-- name: RuleLedgerOwners
SELECT occurrence, MIN(rule_id) FROM rule_ledger WHERE rule_id IN (SELECT value FROM json_each(?)) GROUP BY occurrence

-- The fingerprint of the facts a condition reads about a customer and an
-- order: any import that changes them changes it, so a remembered "condition
-- not met" is re-evaluated.
-- name: RuleFactPrints
SELECT o.id, printf('%d/%s/%d/%s/%d/%d/%d/%d/%d', o.updated_at, o.row_hash, COALESCE(c.updated_at, 0),
    COALESCE(c.row_hash, ''), COALESCE(c.orders_count, 0), COALESCE(c.total_spent, 0), COALESCE(c.last_order_at, 0),
    COALESCE(c.id, 0), c.accepts_marketing)
FROM orders o LEFT JOIN customers c ON c.id = o.customer_id
WHERE o.id IN (SELECT value FROM json_each(?))

-- name: RuleCustomerPrints
SELECT c.id, printf('%d/%s/%d/%d/%d/%d/%s', c.updated_at, c.row_hash, c.orders_count, c.total_spent,
    COALESCE(c.last_order_at, 0), c.accepts_marketing, c.tags)
FROM customers c WHERE c.id IN (SELECT value FROM json_each(?))

-- name: RuleMemoLoad
SELECT occurrence, print, reason FROM rule_memo WHERE rule_id = ?

-- name: RuleMemoSet
INSERT INTO rule_memo (rule_id, occurrence, print, reason) VALUES (?1, ?2, ?3, ?4)
ON CONFLICT (rule_id, occurrence) DO UPDATE SET print = ?3, reason = ?4

-- name: RuleStopInsertOnce
INSERT INTO rule_stops (customer_id, rule_id, at, reason, ledger_key) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (ledger_key) DO NOTHING

-- name: RuleChangesVersion
SELECT version FROM rule_changes WHERE name = ?

-- name: RulePODraftFor
-- Any draft of the supplier, the inventory screen's included: one draft collects.
SELECT id FROM purchase_orders WHERE supplier_id = +? AND status = 'draft' ORDER BY id DESC LIMIT 1;

-- name: RulePOLineAddIfMissing
INSERT INTO purchase_order_lines (po_id, sku, supplier_sku, quantity, unit_cost) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (po_id, sku) DO NOTHING;

-- name: RuleLedgerGet
-- One ledger entry by key: the outbox's re-check of a queued email.
SELECT key, rule_id, subject, occurrence, step, status, due_at, result FROM rule_ledger WHERE key = +?

-- name: RuleStoreMarkTag
-- A flow's tag change, for the stores that write tags back (store_marks).
INSERT INTO store_marks (kind, customer_id, value, added, at)
SELECT 'customer_tag', ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM connector_stores WHERE push_tags = 1)
