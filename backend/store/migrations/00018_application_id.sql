-- +goose Up
-- Marks the file as a Shopclerk shop in its SQLite header (store.ApplicationID,
-- "SCLK"), so Open can tell a shop from another program's database without
-- guessing from table names.
PRAGMA application_id = 1396919371;

-- +goose Down
PRAGMA application_id = 0;
