-- +goose Up
-- A campaign's redemptions are its coupons found in orders' discount codes,
-- whatever case the store or the customer typed them in. These indexes let
-- the join look each coupon's orders up (and each order's coupon) instead
-- of reading every order once per coupon. Only orders with a code are in
-- the first one.
CREATE INDEX IF NOT EXISTS orders_discount_code_nocase ON orders(discount_code COLLATE NOCASE) WHERE discount_code <> '';
CREATE INDEX IF NOT EXISTS coupons_code_nocase ON coupons(code COLLATE NOCASE);

-- +goose Down
DROP INDEX IF EXISTS coupons_code_nocase;
DROP INDEX IF EXISTS orders_discount_code_nocase;
