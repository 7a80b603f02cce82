-- +goose Up
-- The seller's edited email templates, one row per template name. A row
-- wins over the designed default of the same name; "Reset to default"
-- deletes it. text is an optional plain-text version: empty means the
-- plain-text part is derived from html. Messages already in the outbox keep
-- the content they were rendered with; this table only shapes new ones.
CREATE TABLE email_templates (
    name       TEXT    PRIMARY KEY,
    subject    TEXT    NOT NULL,
    html       TEXT    NOT NULL,
    text       TEXT    NOT NULL DEFAULT '',
    updated_at INTEGER NOT NULL
) STRICT;

-- +goose Down
DROP TABLE email_templates;
