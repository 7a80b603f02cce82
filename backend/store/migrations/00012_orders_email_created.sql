-- +goose Up
-- "No later order from this email" (abandoned carts, win-back) reads only
-- the index: email and creation time together, instead of every order row
-- of the customer. Prefix searches by email use it as before.
DROP INDEX orders_email;
CREATE INDEX orders_email ON orders(email, created_at);

-- +goose Down
DROP INDEX orders_email;
CREATE INDEX orders_email ON orders(email);
