-- name: DiscountCodeEnsure
INSERT INTO coupons (code, currency, issued_at) VALUES (?, ?, ?) ON CONFLICT (code) DO NOTHING;

-- name: OrderStored
SELECT id, name, email, financial_status, fulfillment_status, currency, subtotal, shipping, taxes, discount, total,
    refunded, discount_code, shipping_method, payment_method, risk_level, accepts_marketing, tags, note, billing,
    shipping_address, created_at, paid_at, fulfilled_at, cancelled_at
FROM orders WHERE source = ? AND external_id = ?;

-- name: OrderStoredLines
SELECT position, sku, name, vendor, quantity, price, compare_at_price, discount, requires_shipping, fulfillment_status
FROM line_items WHERE order_id = ? ORDER BY position;

-- name: ImportBulkAggregates
-- The customers of the orders a bulk import batch wrote (?1), refreshed in
-- one pass while orders has no secondary index: two scans of orders and a
-- sort, instead of five index probes per customer. The same values as
-- CustomerAggregatesOne; the currency is the latest order's (the lone MAX
-- picks the row its bare column comes from).
UPDATE customers SET orders_count = a.n, total_spent = a.spent, last_order_at = a.last_at,
    created_at = MIN(customers.created_at, a.first_at), currency = COALESCE(l.currency, customers.currency)
FROM (SELECT customer_id, COUNT(*) FILTER (WHERE cancelled_at IS NULL) AS n,
             COALESCE(SUM(total - refunded) FILTER (WHERE cancelled_at IS NULL), 0) AS spent,
             MAX(created_at) AS last_at, MIN(created_at) AS first_at
      FROM orders WHERE customer_id IN (SELECT customer_id FROM orders WHERE batch_id = ?1)
      GROUP BY customer_id) AS a,
     (SELECT customer_id, currency, MAX(created_at)
      FROM orders WHERE customer_id IN (SELECT customer_id FROM orders WHERE batch_id = ?1)
      GROUP BY customer_id) AS l
WHERE customers.id = a.customer_id AND l.customer_id = a.customer_id;

-- name: ImportOrdersByKeys
-- Every stored order among the keys of an UpsertOrders call (?2, a JSON
-- array of external ids of source ?1), through the unique key's index.
SELECT o.external_id, o.id, o.row_hash
FROM json_each(?2) AS k CROSS JOIN orders o
WHERE o.source = ?1 AND o.external_id = k.value;

-- name: ImportOrderInsert
-- OrderInsert with the id given: UpsertOrders repeats the VALUES tuple to
-- insert many orders in one statement, and their lines need the ids.
INSERT INTO orders (id, customer_id, source, external_id, name, email, financial_status, fulfillment_status,
    currency, subtotal, shipping, taxes, discount, total, refunded, discount_code, shipping_method, payment_method,
    risk_level, accepts_marketing, tags, note, billing, shipping_address, created_at, paid_at, fulfilled_at,
    cancelled_at, updated_at, batch_id, row_hash)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: ImportLineItemInsert
-- LineItemInsert, whose VALUES tuple UpsertOrders repeats.
INSERT INTO line_items (order_id, position, sku, name, vendor, quantity, price, compare_at_price, discount,
    requires_shipping, fulfillment_status)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: ImportCustomerAggregatesAdd
-- Adds what UpsertOrders summed in memory for a customer the batch created
-- (?1): the same values CustomerAggregatesOne reads from orders, added so
-- that a customer may be flushed more than once. SET sees the old row.
UPDATE customers SET orders_count = orders_count + ?2, total_spent = total_spent + ?3,
    currency = CASE WHEN last_order_at IS NULL OR ?4 >= last_order_at THEN ?5 ELSE currency END,
    last_order_at = MAX(COALESCE(last_order_at, ?4), ?4),
    created_at = MIN(created_at, ?6)
WHERE id = ?1;

-- name: ImportBatchSetHash
UPDATE import_batches SET file_hash = ? WHERE id = ?;

-- name: ImportProductEnsure
-- ProductEnsure for a stock row: its handle and whether its key is generated
-- (?7) are kept; a product that exists is left alone.
INSERT INTO products (sku, handle, title, vendor, currency, updated_at, sku_generated) VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (sku) DO NOTHING;

-- name: ImportProductSKUGenerated
SELECT sku_generated FROM products WHERE sku = ?;

-- name: ImportGeneratedSKUNames
-- Products whose key Shopclerk generated, through their partial index, and
-- those whose generated key a real SKU took over (sku_renames): old orders'
-- SKU-less lines keep reaching them.
SELECT sku, title, variant_title FROM products WHERE sku_generated = 1
UNION ALL
SELECT p.sku, p.title, p.variant_title FROM sku_renames r JOIN products p ON p.sku = r.sku
ORDER BY sku;

-- name: ImportGeneratedKeys
-- The generated keys a products or inventory import may meet: those stored
-- (sku = '') and those a real SKU took over (sku set).
SELECT sku, '' FROM products WHERE sku_generated = 1
UNION ALL
SELECT generated_sku, sku FROM sku_renames;

-- name: ImportSKUInUse
-- Whether a SKU keys anything yet: a product, or a row of a table whose key
-- includes the SKU, which a take-over could not move a key into.
SELECT EXISTS (SELECT 1 FROM products WHERE sku = ?1)
    OR EXISTS (SELECT 1 FROM stock_levels WHERE sku = ?1)
    OR EXISTS (SELECT 1 FROM sku_policies WHERE sku = ?1)
    OR EXISTS (SELECT 1 FROM supplier_products WHERE sku = ?1)
    OR EXISTS (SELECT 1 FROM purchase_order_lines WHERE sku = ?1);

-- name: ImportTakeOverProduct
-- A generated key (?1) becomes the real SKU (?2) the seller gave its variant.
UPDATE products SET sku = ?2, sku_generated = 0, updated_at = ?3 WHERE sku = ?1 AND sku_generated = 1;

-- name: ImportTakeOverStock
-- Right away, so the row's own stock level compares with the moved one.
UPDATE stock_levels SET sku = ?2 WHERE sku = ?1;

-- name: ImportTakeOverRecord
INSERT INTO sku_renames (generated_sku, sku, batch_id, at) VALUES (?1, ?2, ?3, ?4)
ON CONFLICT (generated_sku) DO UPDATE SET sku = ?2, batch_id = ?3, at = ?4;

-- name: ImportTakeOverSKUs
-- Moves the rest of what refers to a SKU in the table sku_table (each of
-- takeOverTables in turn), once per batch (?1): one statement per table
-- whatever the number of keys taken over, since cart_lines,
-- supplier_products and purchase_order_lines have no index on sku and a
-- statement per key would read them whole each time.
UPDATE sku_table SET sku = (SELECT r.sku FROM sku_renames r WHERE r.generated_sku = sku_table.sku)
WHERE sku IN (SELECT generated_sku FROM sku_renames WHERE batch_id = ?1);

-- name: ImportTakeOverLedger
-- A flow that acts "once per SKU" (re-entry) keeps its memory of the
-- variant. Only the subject moves: ledger keys stay as written (invariant 2),
-- and a sequence finds its steps by occurrence, which is not the SKU.
UPDATE rule_ledger SET subject = 'sku:' || (SELECT r.sku FROM sku_renames r WHERE r.generated_sku = substr(rule_ledger.subject, 5))
WHERE rule_id IN (SELECT id FROM rules)
  AND subject IN (SELECT 'sku:' || generated_sku FROM sku_renames WHERE batch_id = ?1);
