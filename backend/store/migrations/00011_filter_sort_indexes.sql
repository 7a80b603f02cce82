-- +goose Up
-- The Orders table's small filters (pending, refunded, open, cancelled: a few
-- per cent of a shop's orders) sorted by name, total or email. A page then
-- walks a small ordered index instead of reading and sorting every row of
-- the filter (tens of thousands on a large shop). Partial, so each holds only
-- its filter's rows and costs an insert nothing for the other orders; the
-- WHERE clauses repeat list.go's filters word for word, as SQLite requires.
CREATE INDEX orders_pending_by_name ON orders(name COLLATE NOCASE) WHERE financial_status = 'pending';
CREATE INDEX orders_pending_by_total ON orders(total) WHERE financial_status = 'pending';
CREATE INDEX orders_pending_by_email ON orders(email) WHERE financial_status = 'pending';
CREATE INDEX orders_refunded_by_name ON orders(name COLLATE NOCASE) WHERE financial_status IN ('refunded', 'partially_refunded');
CREATE INDEX orders_refunded_by_total ON orders(total) WHERE financial_status IN ('refunded', 'partially_refunded');
CREATE INDEX orders_refunded_by_email ON orders(email) WHERE financial_status IN ('refunded', 'partially_refunded');
CREATE INDEX orders_open_by_name ON orders(name COLLATE NOCASE) WHERE fulfillment_status IN ('unfulfilled', '') AND cancelled_at IS NULL;
CREATE INDEX orders_open_by_total ON orders(total) WHERE fulfillment_status IN ('unfulfilled', '') AND cancelled_at IS NULL;
CREATE INDEX orders_open_by_email ON orders(email) WHERE fulfillment_status IN ('unfulfilled', '') AND cancelled_at IS NULL;
CREATE INDEX orders_cancelled_by_name ON orders(name COLLATE NOCASE) WHERE cancelled_at IS NOT NULL;
CREATE INDEX orders_cancelled_by_total ON orders(total) WHERE cancelled_at IS NOT NULL;
CREATE INDEX orders_cancelled_by_email ON orders(email) WHERE cancelled_at IS NOT NULL;

-- +goose Down
DROP INDEX orders_pending_by_name;
DROP INDEX orders_pending_by_total;
DROP INDEX orders_pending_by_email;
DROP INDEX orders_refunded_by_name;
DROP INDEX orders_refunded_by_total;
DROP INDEX orders_refunded_by_email;
DROP INDEX orders_open_by_name;
DROP INDEX orders_open_by_total;
DROP INDEX orders_open_by_email;
DROP INDEX orders_cancelled_by_name;
DROP INDEX orders_cancelled_by_total;
DROP INDEX orders_cancelled_by_email;
