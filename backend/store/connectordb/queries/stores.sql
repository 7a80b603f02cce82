-- name: StoreInsert :one
INSERT INTO connector_stores (name, kind, url, auth, client_id, created_at)
VALUES (@name, @kind, @url, @auth, @client_id, @created_at)
RETURNING id;

-- name: StoreList :many
SELECT s.*, CAST(COALESCE((SELECT MAX(r.finished_at) FROM connector_runs r WHERE r.store_id = s.id AND r.status = 'done'), 0) AS INTEGER) AS last_sync
FROM connector_stores s ORDER BY s.name;

-- name: StoreByName :one
SELECT s.*, CAST(COALESCE((SELECT MAX(r.finished_at) FROM connector_runs r WHERE r.store_id = s.id AND r.status = 'done'), 0) AS INTEGER) AS last_sync
FROM connector_stores s WHERE s.name = @name;

-- name: StoreDelete :execrows
DELETE FROM connector_stores WHERE id = @id;

-- name: StoreSetShop :exec
UPDATE connector_stores SET currency = @currency, time_zone = @time_zone WHERE id = @id;

-- name: MarkGet :one
SELECT high_water FROM connector_marks WHERE store_id = @store_id AND resource = @resource;

-- name: MarkPut :exec
INSERT INTO connector_marks (store_id, resource, high_water, synced_at)
VALUES (@store_id, @resource, @high_water, @synced_at)
ON CONFLICT (store_id, resource) DO UPDATE SET high_water = MAX(high_water, excluded.high_water), synced_at = excluded.synced_at;

-- name: MarksClear :exec
DELETE FROM connector_marks WHERE store_id = @store_id;

-- name: RunStart :one
INSERT INTO connector_runs (store_id, full, status, started_at) VALUES (@store_id, @full, 'running', @started_at)
RETURNING id;

-- name: RunFinish :exec
UPDATE connector_runs SET status = @status, created = @created, updated = @updated, unchanged = @unchanged,
    deleted = @deleted, message = @message, finished_at = @finished_at
WHERE id = @id;

-- name: RunList :many
SELECT r.*, s.name AS store_name FROM connector_runs r JOIN connector_stores s ON s.id = r.store_id
WHERE (CAST(@store_id AS INTEGER) = 0 OR r.store_id = @store_id)
ORDER BY r.started_at DESC, r.id DESC LIMIT @max_rows;

-- name: DeletionPut :execrows
INSERT INTO connector_deletions (source, kind, external_id, store_id, deleted_at)
VALUES (@source, @kind, @external_id, @store_id, @deleted_at)
ON CONFLICT (source, kind, external_id) DO NOTHING;

-- name: DeletionList :many
SELECT source, kind, external_id, store_id, deleted_at FROM connector_deletions
WHERE store_id = @store_id ORDER BY deleted_at, external_id;

-- name: ShipmentUpsert :exec
INSERT INTO shipments (order_id, carrier, tracking_number, tracking_url, status, shipped_at, delivered_at, updated_at)
SELECT o.id, @carrier, @tracking_number, @tracking_url, @status, @shipped_at, @delivered_at, @updated_at
FROM orders o WHERE o.source = @source AND o.external_id = @external_id
ON CONFLICT (order_id, tracking_number) DO UPDATE SET carrier = excluded.carrier, tracking_url = excluded.tracking_url,
    status = excluded.status, shipped_at = excluded.shipped_at, delivered_at = excluded.delivered_at, updated_at = excluded.updated_at
WHERE shipments.status <> excluded.status OR shipments.tracking_url <> excluded.tracking_url OR shipments.carrier <> excluded.carrier
    OR shipments.delivered_at IS NOT excluded.delivered_at;

-- name: SeenPut :exec
INSERT INTO connector_seen (store_id, kind, external_id, run_id) VALUES (@store_id, @kind, @external_id, @run_id)
ON CONFLICT (store_id, kind, external_id) DO UPDATE SET run_id = excluded.run_id;

-- name: DeletionsFromUnseen :execrows
INSERT INTO connector_deletions (source, kind, external_id, store_id, deleted_at)
SELECT @source, s.kind, s.external_id, s.store_id, @deleted_at FROM connector_seen s
WHERE s.store_id = @store_id AND s.kind = @kind AND s.run_id < @run_id
ON CONFLICT (source, kind, external_id) DO NOTHING;

-- name: DeletionClear :exec
DELETE FROM connector_deletions WHERE source = @source AND kind = @kind AND external_id = @external_id;

-- name: CartRecoveryURL :one
SELECT recovery_url FROM carts WHERE source = @source AND external_id = @external_id;

-- name: StoreByID :one
SELECT s.*, CAST(COALESCE((SELECT MAX(r.finished_at) FROM connector_runs r WHERE r.store_id = s.id AND r.status = 'done'), 0) AS INTEGER) AS last_sync
FROM connector_stores s WHERE s.id = @id;

-- name: RunsInterrupted :exec
-- A run still 'running' when a new one starts was cut off: the shop file is
-- open in one process at a time, and one process syncs a store at a time.
UPDATE connector_runs SET status = 'failed', finished_at = @finished_at,
    message = 'interrupted (Shopclerk was closed or stopped during the sync); what it read before is kept'
WHERE store_id = @store_id AND status = 'running';
