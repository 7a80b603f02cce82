-- +goose Up
-- A low-stock flow reads the sales history of every SKU that crossed below
-- its reorder point (inventorydb's InvSKUSalesSince), hundreds per plan on
-- a large shop. Through line_items_sku(sku) each line was a lookup in the
-- line_items table for its quantity and status; with them in the index the
-- lines are read from the index alone (the order's date and status are
-- still looked up). It replaces line_items_sku under the same name: sku
-- leads it, so every read by SKU uses it as before.
DROP INDEX line_items_sku;
CREATE INDEX line_items_sku ON line_items(sku, order_id, quantity, fulfillment_status);

-- A SKU's offers were found by reading every supplier's offers (the key
-- leads with supplier_id).
CREATE INDEX supplier_products_sku ON supplier_products(sku);

-- +goose Down
DROP INDEX supplier_products_sku;
DROP INDEX line_items_sku;
CREATE INDEX line_items_sku ON line_items(sku);
