-- +goose Up
-- Variants without a SKU in the seller's store get a key Shopclerk makes from
-- what the export does carry (a Shopify handle and option values, a
-- WooCommerce product id), always starting with "~" (domain.GeneratedSKUPrefix).
-- sku_generated = 1 marks such a key, so the screens can tell it from a real
-- SKU even when a real SKU happens to start with "~", and an import can refuse
-- a real SKU equal to a generated key instead of mixing the two products up.
ALTER TABLE products ADD COLUMN sku_generated INTEGER NOT NULL DEFAULT 0;
-- Order imports link SKU-less lines to these products by name; the partial
-- index keeps that read small whatever the size of the catalogue.
CREATE INDEX products_generated ON products(sku) WHERE sku_generated = 1;

-- +goose Down
DROP INDEX products_generated;
ALTER TABLE products DROP COLUMN sku_generated;
