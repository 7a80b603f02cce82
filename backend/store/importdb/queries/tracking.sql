-- Tracking files: a tracking row becomes a shipment of its order, or waits
-- in tracking_unmatched for the order (imports_tracking.go).

-- name: TrackingOrderByName
-- An order by its name as a label tool writes it, with or without the
-- leading #. No ORDER BY: with one, the planner may walk orders_created to
-- skip sorting and read the whole table for each row (Go keeps the newest).
SELECT id, created_at FROM orders WHERE name COLLATE NOCASE IN (?1, '#' || ?1);

-- name: TrackingOrderByID
-- An order by its id in any store (Etsy and eBay label files write those).
SELECT id, created_at FROM orders
WHERE source IN ('shopify', 'woocommerce', 'etsy', 'amazon', 'manual', 'demo') AND external_id = ?1;

-- name: TrackingShipmentGet
SELECT id, carrier, carrier_id, tracking_url FROM shipments WHERE order_id = ? AND tracking_number = ?;

-- name: TrackingShipmentInsert
-- Nothing when the order has the number already (then TrackingShipmentGet).
INSERT INTO shipments (order_id, carrier, carrier_id, tracking_number, tracking_url, status, shipped_at, updated_at, source, status_at)
VALUES (?1, ?2, ?3, ?4, ?5, 'label_created', ?6, ?7, 'import', ?6)
ON CONFLICT (order_id, tracking_number) DO NOTHING
RETURNING id;

-- name: TrackingShipmentUpdate
UPDATE shipments SET carrier = ?2, carrier_id = ?3, tracking_url = ?4, updated_at = ?5 WHERE id = ?1;

-- name: TrackingOtherOrders
SELECT o.name FROM shipments s JOIN orders o ON o.id = s.order_id
WHERE s.tracking_number = ?1 AND s.order_id <> ?2
ORDER BY o.id LIMIT 3;

-- name: TrackingUnmatchedGet
SELECT carrier, carrier_id, tracking_url FROM tracking_unmatched WHERE order_ref = ? AND tracking_number = ?;

-- name: TrackingUnmatchedUpsert
INSERT INTO tracking_unmatched (order_ref, tracking_number, carrier, carrier_id, tracking_url, shipped_at, file, row_no, batch_id, created_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
ON CONFLICT (order_ref, tracking_number) DO UPDATE SET carrier = ?3, carrier_id = ?4, tracking_url = ?5,
    shipped_at = coalesce(?6, shipped_at), file = ?7, row_no = ?8, batch_id = ?9;

-- name: TrackingUnmatchedAll
SELECT id, order_ref, tracking_number, carrier, carrier_id, tracking_url, shipped_at, file, row_no
FROM tracking_unmatched ORDER BY id;

-- name: TrackingUnmatchedDelete
DELETE FROM tracking_unmatched WHERE id = ?;

-- name: TrackingUnmatchedAny
SELECT EXISTS (SELECT 1 FROM tracking_unmatched);
