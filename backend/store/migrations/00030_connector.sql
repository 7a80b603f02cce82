-- +goose Up
-- Store connectors (issue 11): the seller's Shopify and WooCommerce stores,
-- several per shop. Secrets (tokens, client and consumer secrets) are never
-- here: they live in the OS keychain under a key made from the store's id.
CREATE TABLE connector_stores (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL UNIQUE,
    kind       TEXT    NOT NULL,              -- shopify, woocommerce
    url        TEXT    NOT NULL,              -- https://NAME.myshopify.com, https://SITE
    auth       TEXT    NOT NULL,              -- token, client_credentials, keys
    client_id  TEXT    NOT NULL DEFAULT '',   -- Shopify client ID or WooCommerce consumer key (not secret)
    currency   TEXT    NOT NULL DEFAULT '',   -- the store's own currency, as its last test said
    time_zone  TEXT    NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    UNIQUE (kind, url)
) STRICT;

-- The high-water mark of each resource a store syncs: the newest updated_at
-- stored, moved in the same transaction as the rows it covers, so a sync
-- killed halfway starts again from what was committed.
CREATE TABLE connector_marks (
    store_id   INTEGER NOT NULL REFERENCES connector_stores(id) ON DELETE CASCADE,
    resource   TEXT    NOT NULL,
    high_water INTEGER NOT NULL,
    synced_at  INTEGER NOT NULL,
    PRIMARY KEY (store_id, resource)
) STRICT, WITHOUT ROWID;

-- The sync history: one row per sync of one store.
CREATE TABLE connector_runs (
    id          INTEGER PRIMARY KEY,
    store_id    INTEGER NOT NULL REFERENCES connector_stores(id) ON DELETE CASCADE,
    full        INTEGER NOT NULL,
    status      TEXT    NOT NULL,             -- running, done, failed
    created     INTEGER NOT NULL DEFAULT 0,
    updated     INTEGER NOT NULL DEFAULT 0,
    unchanged   INTEGER NOT NULL DEFAULT 0,
    deleted     INTEGER NOT NULL DEFAULT 0,
    message     TEXT    NOT NULL DEFAULT '',
    started_at  INTEGER NOT NULL,
    finished_at INTEGER
) STRICT;
CREATE INDEX connector_runs_store ON connector_runs(store_id, started_at);

-- Records the store says it deleted. The shop keeps them (invariant 6);
-- this marks them, by the same natural key the importers use.
CREATE TABLE connector_deletions (
    source      TEXT    NOT NULL,
    kind        TEXT    NOT NULL,             -- order, customer, product, checkout
    external_id TEXT    NOT NULL,
    store_id    INTEGER NOT NULL REFERENCES connector_stores(id) ON DELETE CASCADE,
    deleted_at  INTEGER NOT NULL,
    PRIMARY KEY (source, kind, external_id)
) STRICT, WITHOUT ROWID;

-- Which records each store delivered, and in which sync last: a full sync
-- that no longer lists one of its orders marks it deleted (above). Two
-- stores of one platform share a source, so this, not the source, tells
-- whose a record is.
CREATE TABLE connector_seen (
    store_id    INTEGER NOT NULL REFERENCES connector_stores(id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL,
    external_id TEXT    NOT NULL,
    run_id      INTEGER NOT NULL,
    PRIMARY KEY (store_id, kind, external_id)
) STRICT, WITHOUT ROWID;

-- +goose Down
DROP TABLE connector_seen;
DROP TABLE connector_deletions;
DROP TABLE connector_runs;
DROP TABLE connector_marks;
DROP TABLE connector_stores;
