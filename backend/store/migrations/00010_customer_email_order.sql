-- +goose Up
-- Sorting customers by email: the unique index on email is partial (WHERE
-- email <> ''), which SQLite cannot walk for an ORDER BY over every customer.
CREATE INDEX customers_email_order ON customers(email);

-- +goose Down
DROP INDEX customers_email_order;
