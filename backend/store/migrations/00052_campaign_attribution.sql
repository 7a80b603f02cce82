-- +goose Up
-- A campaign's redemptions are its coupons found in orders' discount codes,
-- whatever case the store or the customer typed them in: this index lets
-- the join look each order's code up instead of reading every coupon.
CREATE INDEX IF NOT EXISTS coupons_code_nocase ON coupons(code COLLATE NOCASE);

-- +goose Down
DROP INDEX IF EXISTS coupons_code_nocase;
