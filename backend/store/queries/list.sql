-- name: OrderRows
SELECT o.id, o.name, o.email, COALESCE(TRIM(c.first_name || ' ' || c.last_name), ''), o.created_at,
    o.financial_status, o.fulfillment_status, o.total, o.currency,
    (SELECT COALESCE(SUM(quantity), 0) FROM line_items li WHERE li.order_id = o.id), o.cancelled_at,
    EXISTS (SELECT 1 FROM rule_holds h WHERE h.order_id = o.id AND h.released_at IS NULL)
FROM orders o LEFT JOIN customers c ON c.id = o.customer_id

-- name: OrderGet
SELECT id, source, external_id, name, email, customer_id, financial_status, fulfillment_status, currency,
    subtotal, shipping, taxes, discount, total, refunded, discount_code, shipping_method, payment_method,
    risk_level, accepts_marketing, tags, note, billing, shipping_address, created_at, paid_at, fulfilled_at,
    cancelled_at
FROM orders WHERE id = ?

-- name: OrderLines
SELECT position, sku, name, vendor, quantity, price, compare_at_price, discount, requires_shipping,
    fulfillment_status
FROM line_items WHERE order_id = +? ORDER BY position

-- name: OrderShipments
SELECT id, order_id, carrier, tracking_number, tracking_url, status, shipped_at, delivered_at, updated_at
FROM shipments WHERE order_id = +? ORDER BY shipped_at

-- name: CustomerRows
SELECT c.id, c.email, c.source, c.external_id, c.first_name, c.last_name, c.phone, c.country, c.city,
    c.accepts_marketing, c.consent_at, c.birthday, c.tags, c.note, c.created_at, c.orders_count,
    c.total_spent, c.currency, c.last_order_at
FROM customers c

-- name: CustomerGet
SELECT c.id, c.email, c.source, c.external_id, c.first_name, c.last_name, c.phone, c.country, c.city,
    c.accepts_marketing, c.consent_at, c.birthday, c.tags, c.note, c.created_at, c.orders_count,
    c.total_spent, c.currency, c.last_order_at
FROM customers c WHERE c.id = ?

-- name: StockRows
SELECT s.sku, s.location, s.on_hand, s.committed, s.available, s.incoming, s.stocked, s.updated_at,
    COALESCE(p.title, ''), p.reorder_point, COALESCE(sup.name, ''), COALESCE(p.sku_generated, 0)
FROM stock_levels s
LEFT JOIN products p ON p.sku = s.sku
LEFT JOIN suppliers sup ON sup.id = p.supplier_id

-- name: CartRows
SELECT c.id, c.external_id, c.email, c.total, c.currency,
    (SELECT COALESCE(SUM(quantity), 0) FROM cart_lines cl WHERE cl.cart_id = c.id),
    c.created_at, c.updated_at, c.recovered_at
FROM carts c

