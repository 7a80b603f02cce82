-- +goose Up
-- The automation planner's memory of "condition not met" per flow and
-- occurrence, re-asked when the facts' fingerprint changes.
CREATE TABLE rule_memo (
    rule_id    INTEGER NOT NULL,
    occurrence TEXT    NOT NULL,
    print      TEXT    NOT NULL,
    reason     TEXT    NOT NULL,
    PRIMARY KEY (rule_id, occurrence)
) STRICT, WITHOUT ROWID;

-- Order triggers whose time column may be empty in an import: without these
-- a plan scans every order to find the few that changed.
CREATE INDEX orders_paid_no_time ON orders(financial_status, updated_at) WHERE paid_at IS NULL;
CREATE INDEX orders_fulfilled_no_time ON orders(fulfillment_status, updated_at) WHERE fulfilled_at IS NULL;
CREATE INDEX orders_refunded_updated ON orders(updated_at)
    WHERE financial_status IN ('refunded', 'partially_refunded') OR refunded > 0;

-- +goose Down
DROP TABLE rule_memo;
DROP INDEX orders_paid_no_time;
DROP INDEX orders_fulfilled_no_time;
DROP INDEX orders_refunded_updated;
