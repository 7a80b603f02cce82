-- name: BatchInsert
INSERT INTO import_batches (file_name, file_hash, file_size, preset, kind, status, started_at)
VALUES (?, ?, ?, ?, ?, 'running', ?);

-- name: BatchFinish
UPDATE import_batches
SET status = ?, rows_total = ?, created = ?, updated = ?, unchanged = ?, rejected = ?, finished_at = ?
WHERE id = ?;

-- name: RejectInsert
INSERT INTO import_rejects (batch_id, file, row_no, col, value, reason) VALUES (?, ?, ?, ?, ?, ?);

-- name: CustomerByEmail
-- The literal email <> '' lets SQLite use the partial index customers_email;
-- without it every lookup scans the whole table.
SELECT id, row_hash FROM customers WHERE email = ?1 AND email <> '';

-- name: CustomerByExternal
SELECT id, row_hash FROM customers WHERE email = '' AND source = ? AND external_id = ?;

-- name: CustomerByEtsyID
-- An Etsy buyer the API gave an email, met again by user id alone (the
-- literals let SQLite use the partial index customers_etsy_emailed).
SELECT id, row_hash FROM customers WHERE external_id = ? AND email <> '' AND source = 'etsy';

-- name: CustomerSetEmail
-- A buyer known so far by the store's id only now has an email.
UPDATE customers SET email = ?2 WHERE id = ?1 AND email = '';

-- name: CustomerInsert
INSERT INTO customers (email, source, external_id, first_name, last_name, phone, country, city,
    accepts_marketing, consent_at, birthday, tags, note, created_at, updated_at, row_hash, accepts_sms, sms_consent_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: CustomerUpdate
UPDATE customers SET email = CASE WHEN ?2 = '' THEN email ELSE ?2 END, source = ?3, external_id = ?4, first_name = ?5, last_name = ?6, phone = ?7,
    country = ?8, city = ?9, accepts_marketing = ?10, consent_at = ?11, birthday = ?12, tags = ?13, note = ?14,
    created_at = MIN(created_at, ?15), updated_at = ?16, row_hash = ?17, accepts_sms = ?18, sms_consent_at = ?19
WHERE id = ?1;

-- name: CustomerFillBlanks
UPDATE customers SET
    first_name = CASE WHEN first_name = '' THEN ?2 ELSE first_name END,
    last_name  = CASE WHEN last_name  = '' THEN ?3 ELSE last_name  END,
    phone      = CASE WHEN phone      = '' THEN ?4 ELSE phone      END,
    country    = CASE WHEN country    = '' THEN ?5 ELSE country    END,
    city       = CASE WHEN city       = '' THEN ?6 ELSE city       END
WHERE id = ?1;

-- name: CustomerAggregatesOne
UPDATE customers SET
    orders_count  = (SELECT COUNT(*) FROM orders o WHERE o.customer_id = customers.id AND o.cancelled_at IS NULL),
    total_spent   = (SELECT COALESCE(SUM(o.total - o.refunded), 0) FROM orders o WHERE o.customer_id = customers.id AND o.cancelled_at IS NULL),
    currency      = COALESCE((SELECT o.currency FROM orders o WHERE o.customer_id = customers.id ORDER BY o.created_at DESC LIMIT 1), currency),
    last_order_at = (SELECT MAX(o.created_at) FROM orders o WHERE o.customer_id = customers.id),
    created_at    = MIN(created_at, COALESCE((SELECT MIN(o.created_at) FROM orders o WHERE o.customer_id = customers.id), created_at))
WHERE id = ?;

-- name: CustomerAggregatesAll
UPDATE customers SET orders_count = a.n, total_spent = a.spent, currency = a.currency, last_order_at = a.last_at,
    created_at = MIN(customers.created_at, a.first_at)
FROM (SELECT customer_id, COUNT(*) FILTER (WHERE cancelled_at IS NULL) AS n,
             COALESCE(SUM(total - refunded) FILTER (WHERE cancelled_at IS NULL), 0) AS spent,
             MAX(currency) AS currency, MAX(created_at) AS last_at, MIN(created_at) AS first_at
      FROM orders WHERE customer_id IS NOT NULL GROUP BY customer_id) AS a
WHERE customers.id = a.customer_id;

-- name: ProductBySKU
SELECT id, row_hash FROM products WHERE sku = ?;

-- name: ProductUpsert
INSERT INTO products (sku, handle, title, variant_title, vendor, type, barcode, currency, price, cost, status, tags,
    supplier_id, row_hash, updated_at, sku_generated)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
ON CONFLICT (sku) DO UPDATE SET handle = ?2, title = ?3, variant_title = ?4, vendor = ?5, type = ?6,
    barcode = ?7, currency = ?8, price = ?9, cost = CASE WHEN ?10 = 0 THEN cost ELSE ?10 END, status = ?11,
    tags = ?12, supplier_id = COALESCE(?13, supplier_id), row_hash = ?14, updated_at = ?15;

-- name: ProductEnsure
INSERT INTO products (sku, title, vendor, currency, price, updated_at) VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (sku) DO NOTHING;

-- name: OrderByKey
SELECT id, row_hash FROM orders WHERE source = ? AND external_id = ?;

-- name: OrderInsert
INSERT INTO orders (source, external_id, name, email, customer_id, financial_status, fulfillment_status, currency,
    subtotal, shipping, taxes, discount, total, refunded, discount_code, shipping_method, payment_method, risk_level,
    accepts_marketing, tags, note, billing, shipping_address, created_at, paid_at, fulfilled_at, cancelled_at,
    updated_at, batch_id, row_hash)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: OrderUpdate
-- A file that names no buyer (Etsy's items file) keeps the order's buyer
-- and email from the file or store that did.
UPDATE orders SET source = ?1, external_id = ?2, name = ?3, email = CASE WHEN ?4 = '' THEN email ELSE ?4 END,
    customer_id = COALESCE(?5, customer_id), financial_status = ?6,
    fulfillment_status = ?7, currency = ?8, subtotal = ?9, shipping = ?10, taxes = ?11, discount = ?12, total = ?13,
    refunded = ?14, discount_code = ?15, shipping_method = ?16, payment_method = ?17, risk_level = ?18,
    accepts_marketing = ?19, tags = ?20, note = ?21, billing = ?22, shipping_address = ?23, created_at = ?24,
    paid_at = ?25, fulfilled_at = ?26, cancelled_at = ?27, updated_at = ?28, batch_id = ?29, row_hash = ?30
WHERE id = ?31;

-- name: LineItemsDelete
DELETE FROM line_items WHERE order_id = ?;

-- name: LineItemInsert
INSERT INTO line_items (order_id, position, sku, name, vendor, quantity, price, compare_at_price, discount,
    requires_shipping, fulfillment_status)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: CartByKey
SELECT id, row_hash FROM carts WHERE source = ? AND external_id = ?;

-- name: CartInsert
INSERT INTO carts (source, external_id, email, customer_id, currency, total, recovery_url, created_at, updated_at,
    recovered_at, batch_id, row_hash)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: CartUpdate
UPDATE carts SET source = ?1, external_id = ?2, email = ?3, customer_id = ?4, currency = ?5, total = ?6,
    -- A spreadsheet has no recovery link: it keeps the one a store sync brought.
    recovery_url = CASE WHEN ?7 = '' THEN recovery_url ELSE ?7 END,
    created_at = ?8, updated_at = ?9, recovered_at = ?10, batch_id = ?11, row_hash = ?12
WHERE id = ?13;

-- name: CartLinesDelete
DELETE FROM cart_lines WHERE cart_id = ?;

-- name: CartLineInsert
INSERT INTO cart_lines (cart_id, position, sku, name, quantity, price) VALUES (?, ?, ?, ?, ?, ?);

-- name: StockGet
SELECT available, on_hand, committed, incoming, stocked FROM stock_levels WHERE sku = ? AND location = ?;

-- name: StockUpsert
INSERT INTO stock_levels (sku, location, on_hand, committed, available, incoming, stocked, updated_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
ON CONFLICT (sku, location) DO UPDATE SET on_hand = ?3, committed = ?4, available = ?5, incoming = ?6,
    stocked = ?7, updated_at = ?8;

-- name: StockChangeInsert
INSERT INTO stock_changes (sku, location, before, after, batch_id, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?);

-- name: SupplierUpsert
INSERT INTO suppliers (name, email, currency, lead_time_days, lead_time_std_days, min_order_qty, pack_size)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
ON CONFLICT (name) DO UPDATE SET email = ?2, currency = ?3, lead_time_days = ?4, lead_time_std_days = ?5,
    min_order_qty = ?6, pack_size = ?7
RETURNING id;

-- name: ShipmentUpsert
INSERT INTO shipments (order_id, carrier, tracking_number, tracking_url, status, shipped_at, delivered_at, updated_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
ON CONFLICT (order_id, tracking_number) DO UPDATE SET carrier = ?2, tracking_url = ?4, status = ?5,
    shipped_at = ?6, delivered_at = ?7, updated_at = ?8;

-- name: ErasedKeys
SELECT key_hash FROM customer_erasures
