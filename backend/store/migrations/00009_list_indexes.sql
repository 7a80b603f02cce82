-- +goose Up
-- Indexes for the Orders and Customers tables' filters and searches, so a
-- page of a million-order shop is an index walk plus a small sort. The
-- partial indexes match the filters in list.go word for word: SQLite only
-- uses a partial index when the query repeats its WHERE clause.
CREATE INDEX orders_open ON orders(created_at)
    WHERE fulfillment_status IN ('unfulfilled', '') AND cancelled_at IS NULL;
CREATE INDEX orders_cancelled ON orders(created_at) WHERE cancelled_at IS NOT NULL;
CREATE INDEX customers_first_name ON customers(first_name COLLATE NOCASE);
CREATE INDEX carts_external ON carts(external_id COLLATE NOCASE);

-- +goose Down
DROP INDEX orders_open;
DROP INDEX orders_cancelled;
DROP INDEX customers_first_name;
DROP INDEX carts_external;
