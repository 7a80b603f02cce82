-- Inventory (issue 6): demand history, suppliers, purchase orders, receiving.
--
-- A parameter written +? in a look-up repeated per SKU is compared as it
-- is; the plus keeps SQLite from planning around the bound value. With the
-- sample statistics a full ANALYZE keeps (sqlite_stat4) SQLite otherwise
-- re-prepares such a statement every time a new value is bound, which cost
-- a low-stock plan more than running the look-ups themselves.

-- name: InvSalesSince :many
-- Units sold per order line since a time. Cancelled, refunded and voided
-- orders and returned lines do not count as demand; a negative quantity (a
-- return row in some exports) offsets the sale it undoes.
SELECT li.sku, o.created_at, li.quantity
FROM line_items li JOIN orders o ON o.id = li.order_id
WHERE o.created_at >= ? AND o.cancelled_at IS NULL
  AND o.financial_status NOT IN ('refunded', 'voided', 'expired')
  AND li.sku <> '' AND li.fulfillment_status NOT IN ('restocked', 'returned', 'removed')
ORDER BY li.sku, o.created_at;

-- name: InvSKUSalesSince :many
-- InvSalesSince for one SKU: a flow deciding about one low SKU reads its
-- history alone, not the whole shop's. line_items_sku holds each line's
-- order, quantity and status (migration 00048): only the order is looked up.
SELECT li.sku, o.created_at, li.quantity
FROM line_items li JOIN orders o ON o.id = li.order_id
WHERE li.sku = +?1 AND o.created_at >= +?2 AND o.cancelled_at IS NULL
  AND o.financial_status NOT IN ('refunded', 'voided', 'expired')
  AND li.fulfillment_status NOT IN ('restocked', 'returned', 'removed')
ORDER BY o.created_at;

-- name: InvProducts :many
SELECT p.sku, p.title, p.variant_title, p.currency, p.cost, p.status, p.reorder_point, p.supplier_id,
    pol.snooze_until, COALESCE(pol.order_once, 0), p.sku_generated
FROM products p LEFT JOIN sku_policies pol ON pol.sku = p.sku
WHERE p.status <> 'archived'
ORDER BY p.sku;

-- name: InvStockLevels :many
SELECT sku, location, on_hand, committed, available, incoming, stocked, updated_at
FROM stock_levels ORDER BY sku, location;

-- name: InvSupplierProducts :many
SELECT supplier_id, sku, supplier_sku, unit_cost FROM supplier_products ORDER BY sku, unit_cost, supplier_id;

-- name: InvOpenIncoming :many
-- What open orders (those domain.POStatus.Receivable: sent, confirmed,
-- partly received) still bring: a received, closed short or cancelled
-- order brings nothing more, and a line brings only what has not arrived.
SELECT l.sku, SUM(MAX(l.quantity - l.received_qty, 0)), MIN(po.expected_at)
FROM purchase_order_lines l JOIN purchase_orders po ON po.id = l.po_id
WHERE po.status IN ('sent', 'confirmed', 'partly_received')
GROUP BY l.sku;

-- name: InvLeadObservations :many
SELECT supplier_id, days FROM lead_time_observations ORDER BY supplier_id, at, id;

-- name: InvLeadObservationSet :exec
-- One observation per order, written when it is settled (received in full
-- or closed short); an order settled before partial deliveries were kept
-- may already have one from its first receipt, which this replaces.
INSERT INTO lead_time_observations (supplier_id, po_id, days, at) VALUES (?1, ?2, ?3, ?4)
ON CONFLICT (po_id) WHERE po_id IS NOT NULL DO UPDATE SET days = ?3, at = ?4;

-- name: InvSupplierList :many
SELECT id, name, email, currency, lead_time_days, lead_time_std_days, min_order_qty, pack_size
FROM suppliers ORDER BY name COLLATE NOCASE;

-- name: InvSupplierGet :one
SELECT id, name, email, currency, lead_time_days, lead_time_std_days, min_order_qty, pack_size
FROM suppliers WHERE id = ?;

-- name: InvSupplierInsert :execresult
INSERT INTO suppliers (name, email, currency, lead_time_days, lead_time_std_days, min_order_qty, pack_size)
VALUES (?, ?, ?, ?, ?, ?, ?);

-- name: InvSupplierUpdate :execresult
UPDATE suppliers SET name = ?2, email = ?3, currency = ?4, lead_time_days = ?5, lead_time_std_days = ?6,
    min_order_qty = ?7, pack_size = ?8
WHERE id = ?1;

-- name: InvSupplierDelete :exec
DELETE FROM suppliers WHERE id = ?;

-- name: InvSupplierPOCount :one
SELECT COUNT(*) FROM purchase_orders WHERE supplier_id = ?;

-- name: InvSupplierProductUpsert :exec
INSERT INTO supplier_products (supplier_id, sku, supplier_sku, unit_cost) VALUES (?1, ?2, ?3, ?4)
ON CONFLICT (supplier_id, sku) DO UPDATE SET supplier_sku = ?3, unit_cost = ?4;

-- name: InvProductExists :one
SELECT COUNT(*) FROM products WHERE sku = ?;

-- name: InvProductSetSupplier :exec
UPDATE products SET supplier_id = ?2 WHERE sku = ?1;

-- name: InvProductSetReorderPoint :exec
UPDATE products SET reorder_point = ?2 WHERE sku = ?1;

-- name: InvPolicySetSnooze :exec
INSERT INTO sku_policies (sku, snooze_until, updated_at) VALUES (?1, ?2, ?3)
ON CONFLICT (sku) DO UPDATE SET snooze_until = ?2, updated_at = ?3;

-- name: InvPolicySetOrderOnce :exec
INSERT INTO sku_policies (sku, order_once, updated_at) VALUES (?1, ?2, ?3)
ON CONFLICT (sku) DO UPDATE SET order_once = ?2, updated_at = ?3;

-- name: InvPOInsert :execresult
INSERT INTO purchase_orders (supplier_id, status, currency, note, created_at, location)
VALUES (?, 'draft', ?, ?, ?, ?);

-- name: InvPODraftFor :one
-- Any draft of the supplier, the automations' included: one draft collects.
SELECT id FROM purchase_orders WHERE supplier_id = ? AND status = 'draft' ORDER BY id DESC LIMIT 1;

-- name: InvPOGet :one
SELECT po.id, po.supplier_id, s.name, s.email, po.status, po.currency, po.note, po.created_at, po.sent_at,
    po.expected_at, po.received_at, po.location, po.message_id, po.closed_at
FROM purchase_orders po JOIN suppliers s ON s.id = po.supplier_id
WHERE po.id = ?;

-- name: InvPOList :many
SELECT po.id
FROM purchase_orders po JOIN suppliers s ON s.id = po.supplier_id
WHERE (CAST(sqlc.arg(status) AS TEXT) = '' OR po.status = sqlc.arg(status))
ORDER BY po.id DESC LIMIT sqlc.arg(max_rows);

-- name: InvPOLines :many
SELECT l.sku, l.supplier_sku, COALESCE(p.title, ''), COALESCE(p.variant_title, ''), l.quantity, l.received_qty, l.unit_cost
FROM purchase_order_lines l LEFT JOIN products p ON p.sku = l.sku
WHERE l.po_id = ? ORDER BY l.sku;

-- name: InvPOLineUpsert :exec
INSERT INTO purchase_order_lines (po_id, sku, supplier_sku, quantity, unit_cost) VALUES (?1, ?2, ?3, ?4, ?5)
ON CONFLICT (po_id, sku) DO UPDATE SET supplier_sku = ?3, quantity = ?4, unit_cost = ?5;

-- name: InvPOLineAddIfMissing :exec
INSERT INTO purchase_order_lines (po_id, sku, supplier_sku, quantity, unit_cost) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (po_id, sku) DO NOTHING;

-- name: InvPOLineDelete :exec
DELETE FROM purchase_order_lines WHERE po_id = ? AND sku = ?;

-- name: InvPOLineReceive :exec
UPDATE purchase_order_lines SET received_qty = received_qty + sqlc.arg(quantity)
WHERE po_id = sqlc.arg(po_id) AND sku = sqlc.arg(sku);

-- name: InvPOSetStatus :exec
UPDATE purchase_orders SET status = ?2 WHERE id = ?1;

-- name: InvPOSetNote :exec
UPDATE purchase_orders SET note = ?2 WHERE id = ?1;

-- name: InvPOMarkSent :execresult
UPDATE purchase_orders SET status = 'sent', sent_at = ?2, expected_at = ?3, message_id = ?4, ledger_key = ?5
WHERE id = ?1 AND status = 'draft';

-- name: InvPOMarkReceived :exec
UPDATE purchase_orders SET status = ?2, received_at = ?3 WHERE id = ?1;

-- name: InvPOCloseShort :exec
UPDATE purchase_orders SET status = 'closed_short', closed_at = ?2 WHERE id = ?1;

-- name: InvPOReceiptInsert :exec
INSERT INTO purchase_order_receipts (po_id, sku, quantity, location, at) VALUES (?, ?, ?, ?, ?);

-- name: InvPOReceipts :many
SELECT sku, quantity, location, at FROM purchase_order_receipts WHERE po_id = ? ORDER BY at, id;

-- name: InvStockOne :one
SELECT available, on_hand FROM stock_levels WHERE sku = ? AND location = ?;

-- name: InvStockMainLocation :one
SELECT location FROM stock_levels WHERE sku = ? ORDER BY on_hand DESC, location LIMIT 1;

-- name: InvStockReceive :exec
INSERT INTO stock_levels (sku, location, on_hand, committed, available, incoming, stocked, updated_at)
VALUES (?1, ?2, ?3, 0, ?3, 0, 1, ?4)
ON CONFLICT (sku, location) DO UPDATE SET on_hand = on_hand + ?3, available = available + ?3, stocked = 1, updated_at = ?4;

-- name: InvStockChangeInsert :exec
INSERT INTO stock_changes (sku, location, before, after, reason, at) VALUES (?, ?, ?, ?, 'receive', ?);

-- name: InvDigestMessage :one
-- The low-stock digest already queued for a shop day, found by its ledger key.
SELECT id, message_id, status FROM messages WHERE ledger_key = ?;

-- name: InvStockChangesSince :many
-- Stock level changes per SKU and location, oldest first, to tell the days
-- a SKU was sold out (its sales then understate demand).
SELECT sku, location, after, at FROM stock_changes WHERE at >= ? ORDER BY sku, at, id;

-- name: InvSKUStockChangesSince :many
SELECT sku, location, after, at FROM stock_changes WHERE sku = +? AND at >= +? ORDER BY at, id;

-- name: InvDraftSKUs :many
SELECT DISTINCT l.sku FROM purchase_order_lines l JOIN purchase_orders po ON po.id = l.po_id WHERE po.status = 'draft';

-- name: InvPolicySpendOrderOnce :exec
-- "Order once" is spent once the SKU is on an order.
UPDATE sku_policies SET order_once = 0, updated_at = ? WHERE sku = ? AND order_once = 1;

-- name: InvHistoryPrint :one
-- How far the shop's sales and stock history go: a new or changed order
-- (updated_at), a new line or a new stock change moves one of these. Each
-- is an index's last entry.
SELECT CAST(COALESCE((SELECT MAX(id) FROM orders), 0) AS INTEGER) AS last_order,
    CAST(COALESCE((SELECT MAX(updated_at) FROM orders), 0) AS INTEGER) AS last_update,
    CAST(COALESCE((SELECT MAX(order_id) FROM line_items), 0) AS INTEGER) AS last_line_order,
    CAST(COALESCE((SELECT MAX(id) FROM stock_changes), 0) AS INTEGER) AS last_change;

-- name: InvReorderMemo :one
SELECT advice FROM reorder_memo WHERE sku = ? AND print = ?;

-- name: InvReorderMemoSave :exec
INSERT INTO reorder_memo (sku, print, advice) VALUES (?, ?, ?)
ON CONFLICT (sku) DO UPDATE SET print = excluded.print, advice = excluded.advice;

-- InvProducts, InvStockLevels, InvSupplierProducts, InvOpenIncoming and
-- InvDraftSKUs for one SKU: a low-stock flow's Advisor reads the few SKUs
-- it is asked about, not the whole shop's.
-- name: InvProductOne :many
SELECT p.sku, p.title, p.variant_title, p.currency, p.cost, p.status, p.reorder_point, p.supplier_id,
    pol.snooze_until, COALESCE(pol.order_once, 0), p.sku_generated
FROM products p LEFT JOIN sku_policies pol ON pol.sku = p.sku
WHERE p.sku = +? AND p.status <> 'archived';

-- name: InvStockLevelsOne :many
SELECT sku, location, on_hand, committed, available, incoming, stocked, updated_at
FROM stock_levels WHERE sku = +? ORDER BY location;

-- name: InvSupplierProductsOne :many
SELECT supplier_id, sku, supplier_sku, unit_cost FROM supplier_products WHERE sku = +? ORDER BY unit_cost, supplier_id;

-- name: InvOpenIncomingOne :many
SELECT l.sku, SUM(MAX(l.quantity - l.received_qty, 0)), MIN(po.expected_at)
FROM purchase_order_lines l JOIN purchase_orders po ON po.id = l.po_id
WHERE l.sku = +? AND po.status IN ('sent', 'confirmed', 'partly_received')
GROUP BY l.sku;

-- name: InvDraftSKUsOne :many
SELECT DISTINCT l.sku FROM purchase_order_lines l JOIN purchase_orders po ON po.id = l.po_id
WHERE l.sku = +? AND po.status = 'draft';

-- name: InvShopCurrency :many
-- How many products are priced in each currency: the shop's is the commonest.
SELECT currency, COUNT(*) FROM products WHERE status <> 'archived' AND currency <> '' GROUP BY currency;
