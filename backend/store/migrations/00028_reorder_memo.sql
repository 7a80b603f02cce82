-- +goose Up
-- A low-stock flow asks for the reorder decision of every SKU whose
-- crossing is in its window, on every plan: the last decision made from a
-- SKU's sales history is kept with a fingerprint of everything it was made
-- from (the SKU's product, stock, offers and open orders, its supplier, the
-- policy, the day, and how far the shop's orders and stock changes go), so
-- a plan with nothing new reads no history.
CREATE TABLE reorder_memo (
    sku    TEXT NOT NULL PRIMARY KEY,
    print  TEXT NOT NULL,
    advice TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- +goose Down
DROP TABLE reorder_memo;
