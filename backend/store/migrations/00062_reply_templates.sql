-- +goose Up
-- The seller's "where is my order" reply, per language (issue 12): each row
-- is one part (the opening, a status sentence, the details, the "being
-- prepared" paragraph, ...) the seller rewrote; a part without a row is
-- Shopclerk's own text (backend/inbox/replies). "Reset to default" deletes
-- the language's rows. Checked on save (backend/inbox/wismo_templates.go).
CREATE TABLE reply_templates (
    lang       TEXT    NOT NULL,               -- en, de, fr, es, it, nl
    part       TEXT    NOT NULL,               -- opening, in_transit, details, ...
    body       TEXT    NOT NULL,               -- a text template
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (lang, part)
) STRICT, WITHOUT ROWID;

-- +goose Down
SELECT 'down migrations are not supported: restore a backup instead';
