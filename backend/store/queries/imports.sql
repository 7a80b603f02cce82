-- name: MappingGet
SELECT kind, mapping FROM column_mappings WHERE header_hash = ?;

-- name: MappingPut
INSERT INTO column_mappings (header_hash, kind, mapping, updated_at) VALUES (?1, ?2, ?3, ?4)
ON CONFLICT (header_hash) DO UPDATE SET kind = ?2, mapping = ?3, updated_at = ?4;

-- name: BatchList
SELECT id, file_name, file_hash, file_size, preset, kind, status, rows_total, created, updated, unchanged, rejected,
    message, started_at, finished_at
FROM import_batches WHERE kind <> 'demo' OR ?3 = 1
ORDER BY id DESC LIMIT ?1 OFFSET ?2;

-- name: BatchesByHash
SELECT id, file_name, file_hash, file_size, preset, kind, status, rows_total, created, updated, unchanged, rejected,
    message, started_at, finished_at
FROM import_batches WHERE file_hash = ? ORDER BY id DESC;

-- name: BatchRejects
SELECT file, row_no, col, value, reason FROM import_rejects WHERE batch_id = ? ORDER BY rowid;

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
