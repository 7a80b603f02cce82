-- +goose Up
-- Times are unix seconds UTC; money is integer minor units beside a currency.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE import_batches (
    id          INTEGER PRIMARY KEY,
    file_name   TEXT    NOT NULL,
    file_hash   TEXT    NOT NULL,
    file_size   INTEGER NOT NULL DEFAULT 0,
    preset      TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    status      TEXT    NOT NULL,           -- done, rejected
    rows_total  INTEGER NOT NULL DEFAULT 0,
    created     INTEGER NOT NULL DEFAULT 0,
    updated     INTEGER NOT NULL DEFAULT 0,
    unchanged   INTEGER NOT NULL DEFAULT 0,
    rejected    INTEGER NOT NULL DEFAULT 0,
    message     TEXT    NOT NULL DEFAULT '',
    started_at  INTEGER NOT NULL,
    finished_at INTEGER
) STRICT;
CREATE INDEX import_batches_hash ON import_batches(file_hash);

CREATE TABLE import_rejects (
    batch_id INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
    file     TEXT    NOT NULL,
    row_no   INTEGER NOT NULL,
    col      TEXT    NOT NULL,
    value    TEXT    NOT NULL,
    reason   TEXT    NOT NULL
) STRICT;
CREATE INDEX import_rejects_batch ON import_rejects(batch_id);

-- A column mapping remembered per header set (hash of the normalised header row).
CREATE TABLE column_mappings (
    header_hash TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    mapping     TEXT NOT NULL,              -- JSON: target field -> source column
    updated_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE suppliers (
    id                 INTEGER PRIMARY KEY,
    name               TEXT    NOT NULL UNIQUE,
    email              TEXT    NOT NULL DEFAULT '',
    currency           TEXT    NOT NULL DEFAULT '',
    lead_time_days     REAL    NOT NULL DEFAULT 14,
    lead_time_std_days REAL    NOT NULL DEFAULT 0,
    min_order_qty      INTEGER NOT NULL DEFAULT 0,
    pack_size          INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE products (
    id             INTEGER PRIMARY KEY,
    sku            TEXT    NOT NULL UNIQUE,
    handle         TEXT    NOT NULL DEFAULT '',
    title          TEXT    NOT NULL DEFAULT '',
    variant_title  TEXT    NOT NULL DEFAULT '',
    vendor         TEXT    NOT NULL DEFAULT '',
    type           TEXT    NOT NULL DEFAULT '',
    barcode        TEXT    NOT NULL DEFAULT '',
    currency       TEXT    NOT NULL DEFAULT '',
    price          INTEGER NOT NULL DEFAULT 0,
    cost           INTEGER NOT NULL DEFAULT 0,
    status         TEXT    NOT NULL DEFAULT 'active',
    tags           TEXT    NOT NULL DEFAULT '',
    supplier_id    INTEGER REFERENCES suppliers(id) ON DELETE SET NULL,
    reorder_point  INTEGER,                 -- manual override; NULL = computed
    row_hash       TEXT    NOT NULL DEFAULT '',
    updated_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX products_title ON products(title COLLATE NOCASE);
CREATE INDEX products_supplier ON products(supplier_id);

CREATE TABLE supplier_products (
    supplier_id  INTEGER NOT NULL REFERENCES suppliers(id) ON DELETE CASCADE,
    sku          TEXT    NOT NULL,
    supplier_sku TEXT    NOT NULL DEFAULT '',
    unit_cost    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (supplier_id, sku)
) STRICT;

CREATE TABLE stock_levels (
    sku        TEXT    NOT NULL,
    location   TEXT    NOT NULL,
    on_hand    INTEGER NOT NULL DEFAULT 0,
    committed  INTEGER NOT NULL DEFAULT 0,
    available  INTEGER NOT NULL DEFAULT 0,
    incoming   INTEGER NOT NULL DEFAULT 0,
    stocked    INTEGER NOT NULL DEFAULT 1,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (sku, location)
) STRICT, WITHOUT ROWID;
CREATE INDEX stock_levels_available ON stock_levels(available);

-- Every change of available stock, so rules can see "crossed below threshold".
CREATE TABLE stock_changes (
    id        INTEGER PRIMARY KEY,
    sku       TEXT    NOT NULL,
    location  TEXT    NOT NULL,
    before    INTEGER,                      -- NULL when the level is new
    after     INTEGER NOT NULL,
    batch_id  INTEGER REFERENCES import_batches(id),
    reason    TEXT    NOT NULL,             -- import, receive, manual, demo
    at        INTEGER NOT NULL
) STRICT;
CREATE INDEX stock_changes_sku ON stock_changes(sku, at);

CREATE TABLE customers (
    id                INTEGER PRIMARY KEY,
    email             TEXT    NOT NULL DEFAULT '',   -- lower-cased
    source            TEXT    NOT NULL,
    external_id       TEXT    NOT NULL DEFAULT '',
    first_name        TEXT    NOT NULL DEFAULT '',
    last_name         TEXT    NOT NULL DEFAULT '',
    phone             TEXT    NOT NULL DEFAULT '',
    country           TEXT    NOT NULL DEFAULT '',
    city              TEXT    NOT NULL DEFAULT '',
    accepts_marketing INTEGER NOT NULL DEFAULT 0,
    consent_at        INTEGER,
    birthday          TEXT    NOT NULL DEFAULT '',
    tags              TEXT    NOT NULL DEFAULT '',
    note              TEXT    NOT NULL DEFAULT '',
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    -- Aggregates kept by the store after each batch, for fast sorting.
    orders_count      INTEGER NOT NULL DEFAULT 0,
    total_spent       INTEGER NOT NULL DEFAULT 0,
    currency          TEXT    NOT NULL DEFAULT '',
    last_order_at     INTEGER,
    row_hash          TEXT    NOT NULL DEFAULT ''
) STRICT;
CREATE UNIQUE INDEX customers_email ON customers(email) WHERE email <> '';
CREATE UNIQUE INDEX customers_external ON customers(source, external_id) WHERE email = '';
CREATE INDEX customers_last_name ON customers(last_name COLLATE NOCASE, first_name COLLATE NOCASE);
CREATE INDEX customers_spent ON customers(total_spent);
CREATE INDEX customers_orders ON customers(orders_count);
CREATE INDEX customers_last_order ON customers(last_order_at);
CREATE INDEX customers_created ON customers(created_at);

CREATE TABLE orders (
    id                 INTEGER PRIMARY KEY,
    source             TEXT    NOT NULL,
    external_id        TEXT    NOT NULL,
    name               TEXT    NOT NULL,
    email              TEXT    NOT NULL DEFAULT '',
    customer_id        INTEGER REFERENCES customers(id),
    financial_status   TEXT    NOT NULL DEFAULT '',
    fulfillment_status TEXT    NOT NULL DEFAULT '',
    currency           TEXT    NOT NULL,
    subtotal           INTEGER NOT NULL DEFAULT 0,
    shipping           INTEGER NOT NULL DEFAULT 0,
    taxes              INTEGER NOT NULL DEFAULT 0,
    discount           INTEGER NOT NULL DEFAULT 0,
    total              INTEGER NOT NULL DEFAULT 0,
    refunded           INTEGER NOT NULL DEFAULT 0,
    discount_code      TEXT    NOT NULL DEFAULT '',
    shipping_method    TEXT    NOT NULL DEFAULT '',
    payment_method     TEXT    NOT NULL DEFAULT '',
    risk_level         TEXT    NOT NULL DEFAULT '',
    accepts_marketing  INTEGER NOT NULL DEFAULT 0,
    tags               TEXT    NOT NULL DEFAULT '',
    note               TEXT    NOT NULL DEFAULT '',
    billing            TEXT    NOT NULL DEFAULT '{}',  -- JSON Address
    shipping_address   TEXT    NOT NULL DEFAULT '{}',  -- JSON Address
    created_at         INTEGER NOT NULL,
    paid_at            INTEGER,
    fulfilled_at       INTEGER,
    cancelled_at       INTEGER,
    updated_at         INTEGER NOT NULL,
    batch_id           INTEGER REFERENCES import_batches(id),
    row_hash           TEXT    NOT NULL DEFAULT '',  -- hash of the order and its lines, to tell unchanged rows
    UNIQUE (source, external_id)
) STRICT;
CREATE INDEX orders_created ON orders(created_at);
CREATE INDEX orders_name ON orders(name COLLATE NOCASE);
CREATE INDEX orders_email ON orders(email);
CREATE INDEX orders_customer ON orders(customer_id, created_at);
CREATE INDEX orders_total ON orders(total);
CREATE INDEX orders_status_created ON orders(financial_status, created_at);

CREATE TABLE line_items (
    order_id           INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    position           INTEGER NOT NULL,
    sku                TEXT    NOT NULL DEFAULT '',
    name               TEXT    NOT NULL DEFAULT '',
    vendor             TEXT    NOT NULL DEFAULT '',
    quantity           INTEGER NOT NULL,
    price              INTEGER NOT NULL DEFAULT 0,
    compare_at_price   INTEGER NOT NULL DEFAULT 0,
    discount           INTEGER NOT NULL DEFAULT 0,
    requires_shipping  INTEGER NOT NULL DEFAULT 1,
    fulfillment_status TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (order_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX line_items_sku ON line_items(sku);

CREATE TABLE carts (
    id           INTEGER PRIMARY KEY,
    source       TEXT    NOT NULL,
    external_id  TEXT    NOT NULL,
    email        TEXT    NOT NULL DEFAULT '',
    customer_id  INTEGER REFERENCES customers(id),
    currency     TEXT    NOT NULL,
    total        INTEGER NOT NULL DEFAULT 0,
    recovery_url TEXT    NOT NULL DEFAULT '',
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    recovered_at INTEGER,
    batch_id     INTEGER REFERENCES import_batches(id),
    row_hash     TEXT    NOT NULL DEFAULT '',
    UNIQUE (source, external_id)
) STRICT;
CREATE INDEX carts_updated ON carts(updated_at);
CREATE INDEX carts_email ON carts(email);

CREATE TABLE cart_lines (
    cart_id   INTEGER NOT NULL REFERENCES carts(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    sku       TEXT    NOT NULL DEFAULT '',
    name      TEXT    NOT NULL DEFAULT '',
    quantity  INTEGER NOT NULL,
    price     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (cart_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE shipments (
    id              INTEGER PRIMARY KEY,
    order_id        INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    carrier         TEXT    NOT NULL DEFAULT '',
    tracking_number TEXT    NOT NULL DEFAULT '',
    tracking_url    TEXT    NOT NULL DEFAULT '',
    status          TEXT    NOT NULL,
    shipped_at      INTEGER NOT NULL,
    delivered_at    INTEGER,
    updated_at      INTEGER NOT NULL,
    UNIQUE (order_id, tracking_number)
) STRICT;
CREATE INDEX shipments_status ON shipments(status, updated_at);

-- The outbox. status: queued, sending, sent, deferred, failed, in_doubt, cancelled.
CREATE TABLE messages (
    id              INTEGER PRIMARY KEY,
    message_id      TEXT    NOT NULL UNIQUE,   -- RFC 5322 Message-ID, set before sending
    kind            TEXT    NOT NULL,          -- transactional, marketing, supplier
    to_addr         TEXT    NOT NULL,
    to_name         TEXT    NOT NULL DEFAULT '',
    subject         TEXT    NOT NULL,
    html            TEXT    NOT NULL DEFAULT '',
    text            TEXT    NOT NULL DEFAULT '',
    headers         TEXT    NOT NULL DEFAULT '{}',
    attachments     TEXT    NOT NULL DEFAULT '[]',
    status          TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT    NOT NULL DEFAULT '',
    next_attempt_at INTEGER,
    customer_id     INTEGER REFERENCES customers(id),
    ledger_key      TEXT,
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER
) STRICT;
CREATE INDEX messages_status ON messages(status, next_attempt_at);
CREATE INDEX messages_customer ON messages(customer_id);

CREATE TABLE suppressions (
    email  TEXT PRIMARY KEY,
    reason TEXT    NOT NULL,               -- unsubscribed, hard_bounce, complaint, manual
    detail TEXT    NOT NULL DEFAULT '',
    at     INTEGER NOT NULL
) STRICT;

CREATE TABLE rules (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    template    TEXT    NOT NULL DEFAULT '',
    enabled     INTEGER NOT NULL DEFAULT 0,
    definition  TEXT    NOT NULL,           -- JSON: trigger, conditions, steps
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    last_run_at INTEGER
) STRICT;

-- One row per planned side effect, written before the effect (invariant 2).
CREATE TABLE rule_ledger (
    key        TEXT    PRIMARY KEY,         -- rule/subject/occurrence/step
    rule_id    INTEGER NOT NULL REFERENCES rules(id),
    subject    TEXT    NOT NULL,
    occurrence TEXT    NOT NULL,
    step       INTEGER NOT NULL,
    status     TEXT    NOT NULL,            -- planned, done, skipped, failed
    due_at     INTEGER NOT NULL,
    done_at    INTEGER,
    result     TEXT    NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX rule_ledger_subject ON rule_ledger(subject, status);

CREATE TABLE rule_runs (
    id          INTEGER PRIMARY KEY,
    started_at  INTEGER NOT NULL,
    finished_at INTEGER,
    dry_run     INTEGER NOT NULL,
    summary     TEXT    NOT NULL DEFAULT '{}'
) STRICT;

CREATE TABLE coupons (
    id            INTEGER PRIMARY KEY,
    code          TEXT    NOT NULL UNIQUE,
    customer_id   INTEGER REFERENCES customers(id),
    percent_off   INTEGER NOT NULL DEFAULT 0,
    amount_off    INTEGER NOT NULL DEFAULT 0,
    currency      TEXT    NOT NULL DEFAULT '',
    free_shipping INTEGER NOT NULL DEFAULT 0,
    issued_at     INTEGER NOT NULL,
    expires_at    INTEGER,
    used_at       INTEGER,
    ledger_key    TEXT
) STRICT;

CREATE TABLE purchase_orders (
    id          INTEGER PRIMARY KEY,
    supplier_id INTEGER NOT NULL REFERENCES suppliers(id),
    status      TEXT    NOT NULL,           -- draft, sent, confirmed, partly_received, received, cancelled
    currency    TEXT    NOT NULL DEFAULT '',
    note        TEXT    NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    sent_at     INTEGER,
    expected_at INTEGER,
    received_at INTEGER,
    ledger_key  TEXT
) STRICT;

CREATE TABLE purchase_order_lines (
    po_id        INTEGER NOT NULL REFERENCES purchase_orders(id) ON DELETE CASCADE,
    sku          TEXT    NOT NULL,
    supplier_sku TEXT    NOT NULL DEFAULT '',
    quantity     INTEGER NOT NULL,
    received_qty INTEGER NOT NULL DEFAULT 0,
    unit_cost    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (po_id, sku)
) STRICT, WITHOUT ROWID;

CREATE TABLE tasks (
    id          INTEGER PRIMARY KEY,
    title       TEXT    NOT NULL,
    detail      TEXT    NOT NULL DEFAULT '',
    customer_id INTEGER REFERENCES customers(id),
    order_id    INTEGER REFERENCES orders(id),
    status      TEXT    NOT NULL DEFAULT 'open',
    created_at  INTEGER NOT NULL,
    due_at      INTEGER,
    ledger_key  TEXT
) STRICT;

-- +goose Down
SELECT 'down migrations are not supported: restore a backup instead';
