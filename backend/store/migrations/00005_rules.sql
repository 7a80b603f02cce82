-- +goose Up
-- Automation engine (issue 4): what the rules need beyond 00001.

-- When a flow was last switched on: catch-up after a switch-on never reaches
-- further back than this, so enabling a template does not mail old history.
ALTER TABLE rules ADD COLUMN enabled_at INTEGER;

-- Re-entry policies ask "did this flow already act for this customer (since)?".
CREATE INDEX rule_ledger_rule_subject ON rule_ledger(rule_id, subject, done_at);
CREATE INDEX rule_ledger_occurrence ON rule_ledger(rule_id, occurrence);

-- One effect row per ledger key, enforced by the database (invariant 2).
CREATE UNIQUE INDEX coupons_ledger ON coupons(ledger_key) WHERE ledger_key IS NOT NULL;
CREATE UNIQUE INDEX tasks_ledger ON tasks(ledger_key) WHERE ledger_key IS NOT NULL;
CREATE INDEX messages_customer_kind ON messages(customer_id, kind, created_at);

-- Trigger windows are time ranges over the facts; these keep them index scans
-- on a shop with a million orders.
CREATE INDEX orders_paid_at ON orders(paid_at) WHERE paid_at IS NOT NULL;
CREATE INDEX orders_fulfilled_at ON orders(fulfilled_at) WHERE fulfilled_at IS NOT NULL;
CREATE INDEX orders_cancelled_at ON orders(cancelled_at) WHERE cancelled_at IS NOT NULL;
CREATE INDEX orders_updated_at ON orders(updated_at);
CREATE INDEX customers_updated_at ON customers(updated_at);
CREATE INDEX shipments_updated_at ON shipments(updated_at);
CREATE INDEX shipments_delivered_at ON shipments(delivered_at) WHERE delivered_at IS NOT NULL;
CREATE INDEX stock_changes_at ON stock_changes(at);

-- The last state the detector saw of a non-monotonic fact (consent, tags,
-- shipment status). An event is emitted only when the current state differs,
-- so re-importing the same data emits nothing.
CREATE TABLE rule_snapshots (
    subject TEXT    NOT NULL,              -- customer:12, shipment:7
    kind    TEXT    NOT NULL,              -- consent, tags, status
    value   TEXT    NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,    -- bumped on each change; part of event keys
    PRIMARY KEY (subject, kind)
) STRICT, WITHOUT ROWID;

-- Events found by comparing state. Monotonic facts (order paid, cart idle,
-- stock change rows) are read straight from their tables instead.
CREATE TABLE rule_events (
    id          INTEGER PRIMARY KEY,
    trigger     TEXT    NOT NULL,
    occurrence  TEXT    NOT NULL,          -- e.g. customer:12:consent:v3
    customer_id INTEGER REFERENCES customers(id),
    ref_id      INTEGER,                   -- the shipment for shipment events
    value       TEXT    NOT NULL DEFAULT '',
    at          INTEGER NOT NULL,
    UNIQUE (trigger, occurrence)
) STRICT;
CREATE INDEX rule_events_trigger_at ON rule_events(trigger, at);

-- How far each detector has read (max updated_at seen), so detection reads
-- only what changed since.
CREATE TABLE rule_watermarks (
    name  TEXT    PRIMARY KEY,
    value INTEGER NOT NULL
) STRICT;

-- "Stop every other sequence for this customer": sequences whose occurrence
-- began before at do not take another step.
CREATE TABLE rule_stops (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    rule_id     INTEGER NOT NULL,          -- the flow that stopped them (it keeps running)
    at          INTEGER NOT NULL,
    reason      TEXT    NOT NULL DEFAULT '',
    ledger_key  TEXT    NOT NULL UNIQUE
) STRICT;
CREATE INDEX rule_stops_customer ON rule_stops(customer_id, at);

-- Orders held for the seller's review: their confirmation waits.
CREATE TABLE rule_holds (
    order_id    INTEGER PRIMARY KEY REFERENCES orders(id),
    at          INTEGER NOT NULL,
    reason      TEXT    NOT NULL DEFAULT '',
    released_at INTEGER,
    ledger_key  TEXT    NOT NULL UNIQUE
) STRICT;

-- Replies the inbox saw, recorded by email so carts without a customer row can
-- still exit their sequence.
CREATE TABLE rule_signals (
    email TEXT    NOT NULL,
    kind  TEXT    NOT NULL,                -- replied
    at    INTEGER NOT NULL,
    PRIMARY KEY (email, kind, at)
) STRICT, WITHOUT ROWID;

-- +goose Down
SELECT 'down migrations are not supported: restore a backup instead';
