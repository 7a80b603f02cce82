-- +goose Up
-- A variant imported without a SKU gets a generated key (00015). When the
-- seller later gives it a real SKU in their store, the next products or
-- inventory import moves the product, its stock and its history to that SKU
-- and remembers the old key here: an older export, still without the SKU,
-- then reaches the same product instead of making the generated key anew,
-- and old orders' SKU-less lines keep linking to it by name.
CREATE TABLE sku_renames (
    generated_sku TEXT    PRIMARY KEY,
    sku           TEXT    NOT NULL,
    batch_id      INTEGER REFERENCES import_batches(id),
    at            INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- +goose Down
DROP TABLE sku_renames;
