-- A customer's export and erasure (issue 13), bound by name. ?1 is the
-- customer id, ?2 the customer's email in lower case ('' for none).

-- name: ExportOrders
SELECT id, source, external_id, name, email, financial_status, fulfillment_status, currency, subtotal, shipping,
    taxes, discount, total, refunded, discount_code, shipping_method, payment_method, risk_level, accepts_marketing,
    tags, note, billing, shipping_address, created_at, paid_at, fulfilled_at, cancelled_at
FROM orders WHERE customer_id = ?1 OR (?2 <> '' AND email = ?2) ORDER BY created_at, id

-- name: ExportLines
SELECT li.order_id, li.position, li.sku, li.name, li.vendor, li.quantity, li.price, li.compare_at_price, li.discount
FROM line_items li WHERE li.order_id IN (SELECT id FROM orders WHERE customer_id = ?1 OR (?2 <> '' AND email = ?2))
ORDER BY li.order_id, li.position

-- name: ExportShipments
SELECT s.id, s.order_id, s.carrier, s.tracking_number, s.tracking_url, s.status, s.shipped_at, s.delivered_at, s.updated_at
FROM shipments s WHERE s.order_id IN (SELECT id FROM orders WHERE customer_id = ?1 OR (?2 <> '' AND email = ?2))
ORDER BY s.shipped_at, s.id

-- name: ExportCarts
SELECT id, source, external_id, email, currency, total, recovery_url, created_at, updated_at, recovered_at
FROM carts WHERE customer_id = ?1 OR (?2 <> '' AND email = ?2) ORDER BY updated_at, id

-- name: ExportCoupons
SELECT code, percent_off, amount_off, currency, free_shipping, issued_at, expires_at, used_at
FROM coupons WHERE customer_id = ?1 ORDER BY issued_at, id

-- name: ExportMessages
SELECT kind, to_addr, subject, text, status, template, created_at, sent_at
FROM messages WHERE customer_id = ?1 OR (?2 <> '' AND lower(to_addr) = ?2) ORDER BY created_at, id

-- name: ExportInbox
SELECT kind, from_addr, subject, detail, received_at
FROM inbox_items WHERE customer_id = ?1 OR (?2 <> '' AND lower(from_addr) = ?2) ORDER BY received_at, uid

-- name: ExportTagChanges
SELECT tag, added, at FROM customer_tag_changes WHERE customer_id = ?1 ORDER BY at, id

-- name: EraseKey
INSERT INTO customer_erasures (key_hash, customer_id, at) VALUES (?, ?, ?) ON CONFLICT (key_hash) DO NOTHING

-- name: EraseOrders
-- Orders stay for the accounts: amounts, lines, dates, statuses and the
-- country and province of each address (tax is owed by country). The
-- person goes: email, name, street, zip, phone, note, and the link to them.
-- row_hash goes too: it was made from the person's details.
UPDATE orders SET email = '', customer_id = NULL, note = '', row_hash = '',
    billing = json_object('country', COALESCE(json_extract(billing, '$.country'), ''),
                          'province', COALESCE(json_extract(billing, '$.province'), '')),
    shipping_address = json_object('country', COALESCE(json_extract(shipping_address, '$.country'), ''),
                                   'province', COALESCE(json_extract(shipping_address, '$.province'), ''))
WHERE customer_id = ?1 OR (?2 <> '' AND email = ?2)

-- name: EraseCarts
UPDATE carts SET email = '', customer_id = NULL, recovery_url = '', row_hash = ''
WHERE customer_id = ?1 OR (?2 <> '' AND email = ?2)

-- name: EraseInboxLinks
UPDATE inbox_items SET related_id = NULL
WHERE related_id IN (SELECT id FROM messages WHERE customer_id = ?1 OR (?2 <> '' AND lower(to_addr) = ?2))

-- name: EraseMessages
DELETE FROM messages WHERE customer_id = ?1 OR (?2 <> '' AND lower(to_addr) = ?2)

-- name: EraseInbox
DELETE FROM inbox_items WHERE customer_id = ?1 OR (?2 <> '' AND lower(from_addr) = ?2)

-- name: EraseSuppression
DELETE FROM suppressions WHERE email = ?1

-- name: EraseSignals
DELETE FROM rule_signals WHERE email = ?1

-- name: EraseTasks
DELETE FROM tasks WHERE customer_id = ?1

-- name: EraseNotes
DELETE FROM customer_notes WHERE customer_id = ?1

-- name: EraseTagChanges
DELETE FROM customer_tag_changes WHERE customer_id = ?1

-- name: EraseScores
DELETE FROM rfm_scores WHERE customer_id = ?1

-- name: EraseMonths
DELETE FROM rfm_months WHERE customer_id = ?1

-- name: EraseRejects
-- A rejected import row keeps the cell it could not read, which may be the
-- address itself.
UPDATE import_rejects SET value = '' WHERE instr(lower(value), ?1) > 0

-- name: EraseCustomer
-- The row stays, emptied, so that its id is never given to someone else
-- (the automations' ledger and events name customers by id). updated_at
-- stays as it was: the automations must not read the emptying as the
-- customer withdrawing consent or losing tags.
UPDATE customers SET email = '', source = 'erased', external_id = CAST(id AS TEXT), first_name = '', last_name = '',
    phone = '', country = '', city = '', accepts_marketing = 0, consent_at = NULL, birthday = '', tags = '',
    note = '', orders_count = 0, total_spent = 0, last_order_at = NULL, row_hash = ''
WHERE id = ?1
