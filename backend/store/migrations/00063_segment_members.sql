-- +goose Up
-- The seller's own segments as tags in the stores (issue 11, write 2): who
-- is in each segment, kept only while some store writes tags back (with no
-- such store the table stays empty, so a shop without a store pays
-- nothing). The scoring after an import or a sync compares each segment's
-- members with this list; who joined or left becomes a store_marks row in
-- the same transaction, as for the RFM segments (00058). Empty when tags are
-- first written, so the first scoring after that tags every member.
CREATE TABLE segment_members (
    segment_id  INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
    customer_id INTEGER NOT NULL,
    PRIMARY KEY (segment_id, customer_id)
) STRICT, WITHOUT ROWID;

-- A segment renamed: its members' tag changes name; deleted: the tag goes.
-- +goose StatementBegin
CREATE TRIGGER store_marks_segment_renamed AFTER UPDATE OF name ON segments
WHEN old.name <> new.name AND EXISTS (SELECT 1 FROM connector_stores WHERE push_tags = 1)
BEGIN
    INSERT INTO store_marks (kind, customer_id, value, added, at)
    SELECT 'customer_tag', customer_id, 'segment: ' || old.name, 0, new.updated_at FROM segment_members WHERE segment_id = new.id;
    INSERT INTO store_marks (kind, customer_id, value, added, at)
    SELECT 'customer_tag', customer_id, 'segment: ' || new.name, 1, new.updated_at FROM segment_members WHERE segment_id = new.id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER store_marks_segment_deleted BEFORE DELETE ON segments
WHEN EXISTS (SELECT 1 FROM connector_stores WHERE push_tags = 1)
BEGIN
    INSERT INTO store_marks (kind, customer_id, value, added, at)
    SELECT 'customer_tag', customer_id, 'segment: ' || old.name, 0, COALESCE(old.counted_at, old.updated_at) FROM segment_members WHERE segment_id = old.id;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER store_marks_segment_deleted;
DROP TRIGGER store_marks_segment_renamed;
DROP TABLE segment_members;
