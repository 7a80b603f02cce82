-- name: StoreSetWrites :exec
-- Turning stock, tags or holds on starts after the receipts booked and the
-- marks made so far.
UPDATE connector_stores SET push_coupons = @push_coupons,
    stock_swept = CASE WHEN push_stock = 0 AND @push_stock = 1 THEN (SELECT CAST(COALESCE(MAX(sc.id), 0) AS INTEGER) FROM stock_changes sc) ELSE stock_swept END,
    push_stock = @push_stock,
    tags_swept = CASE WHEN push_tags = 0 AND @push_tags = 1 THEN (SELECT CAST(COALESCE(MAX(m.id), 0) AS INTEGER) FROM store_marks m) ELSE tags_swept END,
    push_tags = @push_tags,
    holds_swept = CASE WHEN push_holds = 0 AND @push_holds = 1 THEN (SELECT CAST(COALESCE(MAX(m.id), 0) AS INTEGER) FROM store_marks m) ELSE holds_swept END,
    push_holds = @push_holds
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

-- name: MarksHeldNow :exec
-- Orders held when a store's holds switch goes on: the store is told too.
INSERT INTO store_marks (kind, order_id, value, added, at)
SELECT 'hold', h.order_id, h.reason, 1, @now FROM rule_holds h WHERE h.released_at IS NULL ORDER BY h.order_id;

-- name: WritesSweepTags :exec
-- A customer's tag goes to any store (it finds the customer by email); a
-- hold's tag ("held for review") to the store the order came from: one of
-- the store's platform that this store synced, or that no store synced (an
-- order from the platform's export file).
INSERT INTO connector_writes (store_id, kind, source_id, subject, next_at, created_at)
SELECT s.id, 'tag', m.id,
    CASE WHEN m.added = 1 THEN 'add ' ELSE 'remove ' END || CASE WHEN m.kind = 'hold' THEN 'held for review on ' || o.name ELSE m.value || ' on ' || c.email END,
    @now, @now
FROM connector_stores s JOIN store_marks m ON m.id > s.tags_swept
LEFT JOIN customers c ON c.id = m.customer_id LEFT JOIN orders o ON o.id = m.order_id
WHERE s.id = @store_id AND s.push_tags = 1 AND (
    (m.kind = 'customer_tag' AND COALESCE(c.email, '') <> '')
    OR (m.kind = 'hold' AND o.source = s.kind AND (
        EXISTS (SELECT 1 FROM connector_seen cs WHERE cs.store_id = s.id AND cs.kind = 'order' AND cs.external_id = o.external_id)
        OR NOT EXISTS (SELECT 1 FROM connector_seen cs WHERE cs.kind = 'order' AND cs.external_id = o.external_id))))
ON CONFLICT DO NOTHING;

-- name: StoreTagsSwept :exec
UPDATE connector_stores SET tags_swept = (SELECT CAST(COALESCE(MAX(m.id), 0) AS INTEGER) FROM store_marks m)
WHERE connector_stores.id = @store_id AND push_tags = 1;

-- name: WritesSweepHolds :exec
INSERT INTO connector_writes (store_id, kind, source_id, subject, next_at, created_at)
SELECT s.id, 'hold', m.id, CASE WHEN m.added = 1 THEN 'hold ' ELSE 'release ' END || o.name, @now, @now
FROM connector_stores s JOIN store_marks m ON m.id > s.holds_swept JOIN orders o ON o.id = m.order_id
WHERE s.id = @store_id AND s.push_holds = 1 AND m.kind = 'hold' AND o.source = s.kind AND (
    EXISTS (SELECT 1 FROM connector_seen cs WHERE cs.store_id = s.id AND cs.kind = 'order' AND cs.external_id = o.external_id)
    OR NOT EXISTS (SELECT 1 FROM connector_seen cs WHERE cs.kind = 'order' AND cs.external_id = o.external_id))
ON CONFLICT DO NOTHING;

-- name: StoreHoldsSwept :exec
UPDATE connector_stores SET holds_swept = (SELECT CAST(COALESCE(MAX(m.id), 0) AS INTEGER) FROM store_marks m)
WHERE connector_stores.id = @store_id AND push_holds = 1;

-- name: WriteMark :one
-- A mark to write, with what Shopclerk holds now (a write that lost its
-- turn to a later one is not made: the later one says what is so).
SELECT m.kind, m.value, m.added,
    CAST(COALESCE(c.email, '') AS TEXT) AS email, CAST(COALESCE(c.tags, '') AS TEXT) AS tags,
    CAST(COALESCE((SELECT r.segment FROM rfm_scores r WHERE r.customer_id = m.customer_id), '') AS TEXT) AS segment,
    CAST(EXISTS (SELECT 1 FROM segment_members sm JOIN segments sg ON sg.id = sm.segment_id
        WHERE sm.customer_id = m.customer_id AND m.value = 'segment: ' || sg.name) AS INTEGER) AS in_segment,
    CAST(COALESCE(o.name, '') AS TEXT) AS order_name, CAST(COALESCE(o.external_id, '') AS TEXT) AS order_external_id,
    CAST(EXISTS (SELECT 1 FROM rule_holds h WHERE h.order_id = m.order_id AND h.released_at IS NULL) AS INTEGER) AS held
FROM store_marks m LEFT JOIN customers c ON c.id = m.customer_id LEFT JOIN orders o ON o.id = m.order_id
WHERE m.id = @id;

-- name: MarksPrune :execrows
-- Marks no store needs any more: every store writing tags or holds back has
-- swept past them, no write made from them waits (a pending or begun write
-- reads its mark when it is tried, again after any number of retries), and
-- they are older than @before, kept a while to say what was written.
DELETE FROM store_marks
WHERE at < @before
    AND NOT EXISTS (SELECT 1 FROM connector_stores s
        WHERE (s.push_tags = 1 AND store_marks.id > s.tags_swept) OR (s.push_holds = 1 AND store_marks.id > s.holds_swept))
    AND NOT EXISTS (SELECT 1 FROM connector_writes w
        WHERE w.kind IN ('tag', 'hold') AND w.source_id = store_marks.id AND w.status IN ('pending', 'applying'));
