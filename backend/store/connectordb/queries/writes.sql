-- name: StoreSetWrites :exec
-- Turning stock on starts after the receipts booked so far.
UPDATE connector_stores SET push_coupons = @push_coupons,
    stock_swept = CASE WHEN push_stock = 0 AND @push_stock = 1 THEN (SELECT CAST(COALESCE(MAX(sc.id), 0) AS INTEGER) FROM stock_changes sc) ELSE stock_swept END,
    push_stock = @push_stock
WHERE connector_stores.id = @id;

-- name: WritesSweepCoupons :exec
INSERT INTO connector_writes (store_id, kind, source_id, subject, next_at, created_at)
SELECT s.id, 'coupon', c.id, c.code, @now, @now FROM connector_stores s JOIN coupons c ON c.id > s.coupons_swept
WHERE s.id = @store_id AND s.push_coupons = 1 AND c.used_at IS NULL AND (c.expires_at IS NULL OR c.expires_at > @now)
ON CONFLICT DO NOTHING;

-- name: StoreCouponsSwept :exec
UPDATE connector_stores SET coupons_swept = (SELECT CAST(COALESCE(MAX(k.id), 0) AS INTEGER) FROM coupons k)
WHERE connector_stores.id = @store_id AND push_coupons = 1;

-- name: WritesSweepStock :exec
INSERT INTO connector_writes (store_id, kind, source_id, subject, next_at, created_at)
SELECT s.id, 'stock', sc.id, sc.sku, @now, @now FROM connector_stores s JOIN stock_changes sc ON sc.id > s.stock_swept
WHERE s.id = @store_id AND s.push_stock = 1 AND sc.reason = 'receive' AND sc.after <> COALESCE(sc.before, 0)
ON CONFLICT DO NOTHING;

-- name: StoreStockSwept :exec
UPDATE connector_stores SET stock_swept = (SELECT CAST(COALESCE(MAX(sc.id), 0) AS INTEGER) FROM stock_changes sc)
WHERE connector_stores.id = @store_id AND push_stock = 1;

-- name: WritesDue :many
SELECT id, kind, source_id, subject, status, attempt, tries FROM connector_writes
WHERE store_id = @store_id AND status IN ('pending', 'applying') AND next_at <= @now
ORDER BY id LIMIT @max_rows;

-- name: WriteCoupon :one
SELECT c.code, c.percent_off, c.amount_off, c.currency, c.free_shipping, c.min_spend, c.issued_at, c.expires_at,
    CAST(COALESCE(cu.email, '') AS TEXT) AS email, CAST(COALESCE(cu.source, '') AS TEXT) AS customer_source,
    CAST(COALESCE(cu.external_id, '') AS TEXT) AS customer_external_id
FROM coupons c LEFT JOIN customers cu ON cu.id = c.customer_id
WHERE c.id = @id;

-- name: WriteStockChange :one
SELECT sku, location, before, after FROM stock_changes WHERE id = @id;

-- name: WriteBegin :exec
UPDATE connector_writes SET status = 'applying', attempt = @attempt, tries = tries + 1 WHERE id = @id;

-- name: WriteFinish :exec
UPDATE connector_writes SET status = @status, remote_id = @remote_id, note = @note, last_error = '', done_at = @done_at
WHERE id = @id;

-- name: WriteWait :exec
UPDATE connector_writes SET status = 'pending', last_error = @last_error, next_at = @next_at WHERE id = @id;

-- name: WritesRetryNow :exec
UPDATE connector_writes SET next_at = @now WHERE store_id = @store_id AND status IN ('pending', 'applying');

-- name: CouponWaits :many
-- The stores a message's coupon (the newest issued under its ledger key
-- prefix, the one its email shows) must still be written to.
SELECT c.code, s.name AS store_name, CAST(COALESCE(w.last_error, '') AS TEXT) AS last_error
FROM coupons c JOIN connector_stores s ON s.push_coupons = 1
LEFT JOIN connector_writes w ON w.store_id = s.id AND w.kind = 'coupon' AND w.source_id = c.id
WHERE c.id = (SELECT k.id FROM coupons k WHERE k.ledger_key >= @prefix AND k.ledger_key < @prefix || X'FF' ORDER BY k.ledger_key DESC LIMIT 1)
    AND (c.expires_at IS NULL OR c.expires_at > @now)
    AND (w.status IS NULL OR w.status NOT IN ('done', 'skipped'))
ORDER BY s.name;

-- name: WriteList :many
SELECT w.*, s.name AS store_name FROM connector_writes w JOIN connector_stores s ON s.id = w.store_id
WHERE (CAST(@store_id AS INTEGER) = 0 OR w.store_id = @store_id)
ORDER BY w.id DESC LIMIT @max_rows;

-- name: WritesWaiting :one
SELECT CAST(COUNT(*) AS INTEGER) AS waiting,
    CAST(COALESCE((SELECT w2.last_error FROM connector_writes w2 WHERE w2.store_id = @store_id AND w2.status IN ('pending', 'applying')
        AND w2.last_error <> '' ORDER BY w2.id DESC LIMIT 1), '') AS TEXT) AS last_error
FROM connector_writes WHERE store_id = @store_id AND status IN ('pending', 'applying');
