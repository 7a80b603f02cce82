-- +goose Up
-- Write-back of tags and holds (issue 11, writes 2 and 4): one switch each
-- per store, off until the seller turns it on. tags_swept and holds_swept
-- are how far the queue has looked at store_marks (by id); turning a switch
-- on starts after the marks made so far.
ALTER TABLE connector_stores ADD COLUMN push_tags   INTEGER NOT NULL DEFAULT 0;
ALTER TABLE connector_stores ADD COLUMN push_holds  INTEGER NOT NULL DEFAULT 0;
ALTER TABLE connector_stores ADD COLUMN tags_swept  INTEGER NOT NULL DEFAULT 0;
ALTER TABLE connector_stores ADD COLUMN holds_swept INTEGER NOT NULL DEFAULT 0;

-- What Shopclerk changed on customers and orders that a store may be told:
-- a tag added or removed on a customer (by the seller on the customer page,
-- by a flow, or a new RFM segment), and an order held for review or
-- released. Written in the same transaction as the change itself (by the
-- triggers below, or beside the flow's tag), so a change is never lost
-- between Shopclerk and the queue; the write-back sweep turns marks into
-- connector_writes rows (kind tag or hold, source_id = the mark's id),
-- which are applied once each. Marks are only made while some store writes
-- them back, so a shop without a store pays nothing.
CREATE TABLE store_marks (
    id          INTEGER PRIMARY KEY,
    kind        TEXT    NOT NULL,            -- customer_tag, hold
    customer_id INTEGER,                     -- customer_tag
    order_id    INTEGER,                     -- hold
    value       TEXT    NOT NULL DEFAULT '', -- the tag; the hold's reason
    added       INTEGER NOT NULL,            -- 1 added / held, 0 removed / released
    at          INTEGER NOT NULL
) STRICT;

-- +goose StatementBegin
CREATE TRIGGER store_marks_seller_tag AFTER INSERT ON customer_tag_changes
WHEN EXISTS (SELECT 1 FROM connector_stores WHERE push_tags = 1)
BEGIN
    INSERT INTO store_marks (kind, customer_id, value, added, at) VALUES ('customer_tag', new.customer_id, new.tag, new.added, new.at);
END;
-- +goose StatementEnd

-- The RFM scoring replaces a customer's row (INSERT OR REPLACE): before it
-- does, the old segment is still there to compare with.
-- +goose StatementBegin
CREATE TRIGGER store_marks_segment BEFORE INSERT ON rfm_scores
WHEN EXISTS (SELECT 1 FROM connector_stores WHERE push_tags = 1)
    AND NOT EXISTS (SELECT 1 FROM rfm_scores r WHERE r.customer_id = new.customer_id AND r.segment = new.segment)
BEGIN
    INSERT INTO store_marks (kind, customer_id, value, added, at)
    SELECT 'customer_tag', r.customer_id, 'segment: ' || r.segment, 0, new.since FROM rfm_scores r WHERE r.customer_id = new.customer_id;
    INSERT INTO store_marks (kind, customer_id, value, added, at) VALUES ('customer_tag', new.customer_id, 'segment: ' || new.segment, 1, new.since);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER store_marks_hold AFTER INSERT ON rule_holds
WHEN EXISTS (SELECT 1 FROM connector_stores WHERE push_holds = 1 OR push_tags = 1)
BEGIN
    INSERT INTO store_marks (kind, order_id, value, added, at) VALUES ('hold', new.order_id, new.reason, 1, new.at);
END;
-- +goose StatementEnd

-- A release (released_at set), or a hold again (cleared by a new hold).
-- +goose StatementBegin
CREATE TRIGGER store_marks_release AFTER UPDATE OF released_at ON rule_holds
WHEN (old.released_at IS NULL) <> (new.released_at IS NULL)
    AND EXISTS (SELECT 1 FROM connector_stores WHERE push_holds = 1 OR push_tags = 1)
BEGIN
    INSERT INTO store_marks (kind, order_id, value, added, at)
    VALUES ('hold', new.order_id, new.reason, new.released_at IS NULL, COALESCE(new.released_at, new.at));
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER store_marks_release;
DROP TRIGGER store_marks_hold;
DROP TRIGGER store_marks_segment;
DROP TRIGGER store_marks_seller_tag;
DROP TABLE store_marks;
ALTER TABLE connector_stores DROP COLUMN holds_swept;
ALTER TABLE connector_stores DROP COLUMN tags_swept;
ALTER TABLE connector_stores DROP COLUMN push_holds;
ALTER TABLE connector_stores DROP COLUMN push_tags;
