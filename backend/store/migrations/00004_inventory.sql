-- +goose Up
-- Inventory (issue 6): what forecasting, reorder points and purchase orders
-- need beyond 00001.

-- Per-SKU reorder choices the seller makes: snoozed until a date, or put on
-- the next purchase order once even above its reorder point.
CREATE TABLE sku_policies (
    sku          TEXT    PRIMARY KEY,
    snooze_until INTEGER,
    order_once   INTEGER NOT NULL DEFAULT 0,
    updated_at   INTEGER NOT NULL
) STRICT;

-- Real lead times measured when a purchase order is first received; they
-- feed the supplier's lead-time mean and spread for the next reorder point,
-- while the figure the seller typed on the supplier stays as it was.
CREATE TABLE lead_time_observations (
    id          INTEGER PRIMARY KEY,
    supplier_id INTEGER NOT NULL REFERENCES suppliers(id) ON DELETE CASCADE,
    po_id       INTEGER REFERENCES purchase_orders(id) ON DELETE SET NULL,
    days        REAL    NOT NULL,
    at          INTEGER NOT NULL
) STRICT;
CREATE INDEX lead_time_observations_supplier ON lead_time_observations(supplier_id, at);
CREATE UNIQUE INDEX lead_time_observations_po ON lead_time_observations(po_id) WHERE po_id IS NOT NULL;

-- Where received stock goes, and the outbox message that carried the order.
ALTER TABLE purchase_orders ADD COLUMN location TEXT NOT NULL DEFAULT '';
ALTER TABLE purchase_orders ADD COLUMN message_id TEXT NOT NULL DEFAULT '';
CREATE INDEX purchase_orders_status ON purchase_orders(status, supplier_id);

-- +goose Down
SELECT 'down migrations are not supported: restore a backup instead';
