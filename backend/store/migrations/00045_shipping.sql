-- +goose Up
-- Shipping (issue 12): what the carrier said last about each shipment, its
-- events (the timeline), the polling state of the carrier clients, and the
-- tracking numbers of orders not in the shop yet.

ALTER TABLE shipments ADD COLUMN carrier_id     TEXT    NOT NULL DEFAULT '';  -- backend/tracking's id ('' unknown carrier)
ALTER TABLE shipments ADD COLUMN source         TEXT    NOT NULL DEFAULT '';  -- import, store, demo
ALTER TABLE shipments ADD COLUMN status_at      INTEGER;                      -- when the carrier reported the status
ALTER TABLE shipments ADD COLUMN last_event     TEXT    NOT NULL DEFAULT '';  -- the carrier's words for it
ALTER TABLE shipments ADD COLUMN last_event_at  INTEGER;                      -- the newest event of any status
ALTER TABLE shipments ADD COLUMN checked_at     INTEGER;                      -- last asked the carrier
ALTER TABLE shipments ADD COLUMN next_check_at  INTEGER;                      -- not before; NULL = as soon as keys allow
ALTER TABLE shipments ADD COLUMN check_failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE shipments ADD COLUMN check_error    TEXT    NOT NULL DEFAULT '';
-- The same number on two orders is looked up on every tracking row (an
-- order's shipments use the UNIQUE (order_id, tracking_number) index). No
-- other index: the demo's million shipments rebuild each one, the Shipments
-- screen pages newest first by id, and polling reads the few not final.
CREATE INDEX shipments_tracking ON shipments(tracking_number);

-- One scan or status per row; a re-sync of the same event changes nothing.
CREATE TABLE shipment_events (
    id          INTEGER PRIMARY KEY,
    shipment_id INTEGER NOT NULL REFERENCES shipments(id) ON DELETE CASCADE,
    at          INTEGER NOT NULL,
    status      TEXT    NOT NULL,
    text        TEXT    NOT NULL DEFAULT '',
    location    TEXT    NOT NULL DEFAULT '',
    source      TEXT    NOT NULL DEFAULT '',
    recorded_at INTEGER NOT NULL,
    UNIQUE (shipment_id, at, status, text)
) STRICT;

-- Tracking numbers whose order is not in the shop yet, listed for the
-- seller and joined to their order when it is imported.
CREATE TABLE tracking_unmatched (
    id              INTEGER PRIMARY KEY,
    order_ref       TEXT    NOT NULL,           -- the order as the file wrote it, without a leading #
    tracking_number TEXT    NOT NULL,
    carrier         TEXT    NOT NULL DEFAULT '',
    carrier_id      TEXT    NOT NULL DEFAULT '',
    tracking_url    TEXT    NOT NULL DEFAULT '',
    shipped_at      INTEGER,
    file            TEXT    NOT NULL DEFAULT '',
    row_no          INTEGER NOT NULL DEFAULT 0,
    batch_id        INTEGER REFERENCES import_batches(id),
    created_at      INTEGER NOT NULL,
    UNIQUE (order_ref, tracking_number)
) STRICT;

-- +goose Down
DROP TABLE tracking_unmatched;
DROP TABLE shipment_events;
DROP INDEX shipments_tracking;
ALTER TABLE shipments DROP COLUMN check_error;
ALTER TABLE shipments DROP COLUMN check_failures;
ALTER TABLE shipments DROP COLUMN next_check_at;
ALTER TABLE shipments DROP COLUMN checked_at;
ALTER TABLE shipments DROP COLUMN last_event_at;
ALTER TABLE shipments DROP COLUMN last_event;
ALTER TABLE shipments DROP COLUMN status_at;
ALTER TABLE shipments DROP COLUMN source;
ALTER TABLE shipments DROP COLUMN carrier_id;
