-- +goose Up
-- Write-back (issue 11): what Shopclerk may change in each store, one
-- switch each, off until the seller turns it on. coupons_swept and
-- stock_swept are how far the queue has looked at the coupons issued and
-- the receipts booked (by id): a coupon still valid when the switch goes on
-- is written too (its customer may hold it already); a receipt booked
-- before is not (the seller counted that stock in the store by hand).
ALTER TABLE connector_stores ADD COLUMN push_coupons  INTEGER NOT NULL DEFAULT 0;
ALTER TABLE connector_stores ADD COLUMN push_stock    INTEGER NOT NULL DEFAULT 0;
ALTER TABLE connector_stores ADD COLUMN coupons_swept INTEGER NOT NULL DEFAULT 0;
ALTER TABLE connector_stores ADD COLUMN stock_swept   INTEGER NOT NULL DEFAULT 0;

-- The least an order must come to for a coupon to apply, in its currency's
-- minor units (0: no minimum); written to the store with the coupon.
ALTER TABLE coupons ADD COLUMN min_spend INTEGER NOT NULL DEFAULT 0;

-- The write-back queue: one row per thing to write to one store, made from
-- the coupon or the receipt it stands for (source_id), so it is queued once
-- whatever crashes. A write is 'pending' until tried, 'applying' from just
-- before the store is called until its outcome is recorded (a row found
-- 'applying' is resumed: read back, or sent again with the same idempotency
-- key, never blind), then 'done' or 'skipped' (nothing to write there, say
-- why in note). A write the store refused or could not take waits in
-- pending with its reason in last_error and its next try in next_at.
CREATE TABLE connector_writes (
    id          INTEGER PRIMARY KEY,
    store_id    INTEGER NOT NULL REFERENCES connector_stores(id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL,             -- coupon, stock
    source_id   INTEGER NOT NULL,             -- coupons.id or stock_changes.id
    subject     TEXT    NOT NULL,             -- the coupon code, or the SKU
    status      TEXT    NOT NULL DEFAULT 'pending',
    attempt     TEXT    NOT NULL DEFAULT '',  -- JSON: what the attempt under way sent (values, ids, key)
    tries       INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT    NOT NULL DEFAULT '',
    note        TEXT    NOT NULL DEFAULT '',
    remote_id   TEXT    NOT NULL DEFAULT '',
    next_at     INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    done_at     INTEGER,
    UNIQUE (store_id, kind, source_id)
) STRICT;
CREATE INDEX connector_writes_due ON connector_writes(store_id, status, next_at);
CREATE INDEX connector_writes_source ON connector_writes(kind, source_id);

-- +goose Down
DROP TABLE connector_writes;
ALTER TABLE coupons DROP COLUMN min_spend;
ALTER TABLE connector_stores DROP COLUMN stock_swept;
ALTER TABLE connector_stores DROP COLUMN coupons_swept;
ALTER TABLE connector_stores DROP COLUMN push_stock;
ALTER TABLE connector_stores DROP COLUMN push_coupons;
