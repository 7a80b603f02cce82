-- +goose Up
-- The shop's logo (Settings > Shop), kept in the shop file itself rather than
-- as a path, so it travels with the file and its backups. One row at most.
CREATE TABLE shop_logo (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    type       TEXT    NOT NULL,          -- image/png, image/jpeg, image/svg+xml
    data       BLOB    NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

-- +goose Down
DROP TABLE shop_logo;
