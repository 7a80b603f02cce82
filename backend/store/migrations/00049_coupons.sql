-- +goose Up
-- Coupons that count (issue 17). A coupon knows the flow (rule_id, from its
-- ledger key) or the campaign (campaign_id, written by campaigns) that
-- issued it, and the order that redeemed it: the first order, by time, whose
-- discount codes hold its code, compared without case. shared is 1 when that
-- order is not its customer's: it counts as shared, not as the flow's.
ALTER TABLE coupons ADD COLUMN rule_id INTEGER;
ALTER TABLE coupons ADD COLUMN campaign_id INTEGER;
ALTER TABLE coupons ADD COLUMN redeemed_order_id INTEGER REFERENCES orders(id);
ALTER TABLE coupons ADD COLUMN shared INTEGER NOT NULL DEFAULT 0;
-- 1 when the code came from the pool of store-made codes (coupon_pool).
ALTER TABLE coupons ADD COLUMN pooled INTEGER NOT NULL DEFAULT 0;

UPDATE coupons SET rule_id = CAST(substr(ledger_key, 1, instr(ledger_key, '/') - 1) AS INTEGER)
WHERE ledger_key IS NOT NULL AND instr(ledger_key, '/') > 1;

-- A store takes codes without case: two codes differing only in case would
-- be one code there, so they are one here too.
CREATE UNIQUE INDEX coupons_code_nocase ON coupons(code COLLATE NOCASE);
CREATE INDEX coupons_rule ON coupons(rule_id, issued_at) WHERE rule_id IS NOT NULL;
CREATE INDEX coupons_campaign ON coupons(campaign_id, issued_at) WHERE campaign_id IS NOT NULL;
CREATE INDEX coupons_redeemed ON coupons(redeemed_order_id) WHERE redeemed_order_id IS NOT NULL;
-- A pool file's codes are checked against the codes orders used.
CREATE INDEX orders_discount_code ON orders(discount_code COLLATE NOCASE) WHERE discount_code <> '';

-- How far each coupon has gone, short of expiry (which depends on now and is
-- left to the query): redeemed (an order used it), emailed (an email of its
-- sequence went out after it was issued), in_store (its write-back is
-- done), else issued.
CREATE VIEW coupon_progress AS
SELECT k.id AS id,
    CASE
        WHEN k.redeemed_order_id IS NOT NULL THEN 'redeemed'
        WHEN k.ledger_key IS NOT NULL AND EXISTS (SELECT 1 FROM messages m
            WHERE m.ledger_key > rtrim(k.ledger_key, '0123456789') AND m.ledger_key < rtrim(k.ledger_key, '0123456789') || X'FF'
              AND m.status IN ('sent', 'bounced') AND m.sent_at >= k.issued_at) THEN 'emailed'
        WHEN EXISTS (SELECT 1 FROM connector_writes w
            WHERE w.kind = 'coupon' AND w.source_id = k.id AND w.status = 'done') THEN 'in_store'
        ELSE 'issued' END AS progress
FROM coupons k;

-- Codes made in the store (Shopify's bulk discount codes), imported with
-- `shopclerk coupons import-pool` for a shop without a store connection, and
-- handed out one per recipient (coupon_id once handed out).
CREATE TABLE coupon_pool (
    id          INTEGER PRIMARY KEY,
    code        TEXT    NOT NULL COLLATE NOCASE UNIQUE,
    file        TEXT    NOT NULL DEFAULT '',
    imported_at INTEGER NOT NULL,
    coupon_id   INTEGER REFERENCES coupons(id)
) STRICT;
CREATE INDEX coupon_pool_free ON coupon_pool(id) WHERE coupon_id IS NULL;

-- Redemption is recorded by the database itself, so every way an order
-- arrives (a file import, a store sync, a later edit) is covered and in the
-- order's own transaction. The matching lives once, in the INSTEAD OF
-- trigger of the view order_discount_codes; the triggers on orders hand it
-- the order. An order carries up to three codes (stores join them with
-- ", "); a coupon keeps the earliest order that used it.
CREATE VIEW order_discount_codes AS
SELECT 0 AS order_id, '' AS codes, NULL AS customer_id, '' AS email, 0 AS created_at WHERE 0;
-- +goose StatementBegin
CREATE TRIGGER order_discount_codes_redeem INSTEAD OF INSERT ON order_discount_codes BEGIN
    UPDATE coupons SET redeemed_order_id = NEW.order_id, used_at = NEW.created_at,
        shared = CASE
            WHEN customer_id IS NULL OR customer_id = NEW.customer_id THEN 0
            WHEN NEW.email <> ''
                AND (SELECT lower(email) FROM customers WHERE id = coupons.customer_id) = lower(NEW.email) THEN 0
            ELSE 1 END
    WHERE code COLLATE NOCASE IN (
            trim(substr(NEW.codes, 1, instr(NEW.codes || ',', ',') - 1)),
            trim(substr(substr(NEW.codes, instr(NEW.codes || ',', ',') + 1), 1,
                instr(substr(NEW.codes, instr(NEW.codes || ',', ',') + 1) || ',', ',') - 1)),
            trim(substr(substr(substr(NEW.codes, instr(NEW.codes || ',', ',') + 1),
                instr(substr(NEW.codes, instr(NEW.codes || ',', ',') + 1) || ',', ',') + 1), 1,
                instr(substr(substr(NEW.codes, instr(NEW.codes || ',', ',') + 1),
                instr(substr(NEW.codes, instr(NEW.codes || ',', ',') + 1) || ',', ',') + 1) || ',', ',') - 1)))
      AND (redeemed_order_id IS NULL OR redeemed_order_id = NEW.order_id
        OR (SELECT created_at FROM orders WHERE id = coupons.redeemed_order_id) > NEW.created_at);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER orders_redeem_insert AFTER INSERT ON orders WHEN NEW.discount_code <> '' BEGIN
    INSERT INTO order_discount_codes VALUES (NEW.id, NEW.discount_code, NEW.customer_id, NEW.email, NEW.created_at);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER orders_redeem_update AFTER UPDATE OF discount_code, customer_id, email, created_at ON orders
WHEN NEW.discount_code <> '' BEGIN
    INSERT INTO order_discount_codes VALUES (NEW.id, NEW.discount_code, NEW.customer_id, NEW.email, NEW.created_at);
END;
-- +goose StatementEnd

-- Orders imported before this migration redeem their coupons now (the
-- update trigger does the matching; nothing else watches these columns).
UPDATE orders SET discount_code = discount_code
WHERE discount_code <> '' AND EXISTS (SELECT 1 FROM coupons LIMIT 1);

-- +goose Down
DROP TRIGGER orders_redeem_update;
DROP TRIGGER orders_redeem_insert;
DROP TRIGGER order_discount_codes_redeem;
DROP VIEW order_discount_codes;
DROP TABLE coupon_pool;
DROP VIEW coupon_progress;
DROP INDEX orders_discount_code;
DROP INDEX coupons_redeemed;
DROP INDEX coupons_campaign;
DROP INDEX coupons_rule;
DROP INDEX coupons_code_nocase;
ALTER TABLE coupons DROP COLUMN pooled;
ALTER TABLE coupons DROP COLUMN shared;
ALTER TABLE coupons DROP COLUMN redeemed_order_id;
ALTER TABLE coupons DROP COLUMN campaign_id;
ALTER TABLE coupons DROP COLUMN rule_id;
