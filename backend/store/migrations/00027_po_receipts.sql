-- +goose Up
-- Partial deliveries (issue 14): every booking-in of a purchase order line,
-- so an order shows what arrived when and where, and lead-time learning
-- knows when each quantity arrived. purchase_order_lines.received_qty stays
-- the running total, kept in the same transaction.
CREATE TABLE purchase_order_receipts (
    id       INTEGER PRIMARY KEY,
    po_id    INTEGER NOT NULL REFERENCES purchase_orders(id) ON DELETE CASCADE,
    sku      TEXT    NOT NULL,
    quantity INTEGER NOT NULL,
    location TEXT    NOT NULL DEFAULT '',
    at       INTEGER NOT NULL
) STRICT;
CREATE INDEX purchase_order_receipts_po ON purchase_order_receipts(po_id, at);

-- When the seller closed an order short: what was still outstanding will
-- not come and no longer counts as incoming stock.
ALTER TABLE purchase_orders ADD COLUMN closed_at INTEGER;

-- Goods booked in before receipts were kept: one receipt per line at the
-- best time known (received, else when its lead time was measured, else
-- sent), at the order's location.
INSERT INTO purchase_order_receipts (po_id, sku, quantity, location, at)
SELECT l.po_id, l.sku, l.received_qty, po.location,
    COALESCE(po.received_at, (SELECT MIN(o.at) FROM lead_time_observations o WHERE o.po_id = po.id), po.sent_at, po.created_at)
FROM purchase_order_lines l JOIN purchase_orders po ON po.id = l.po_id
WHERE l.received_qty > 0;

-- +goose Down
SELECT 'down migrations are not supported: restore a backup instead';
