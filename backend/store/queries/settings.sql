-- name: SettingGet
SELECT value FROM settings WHERE key = ?

-- name: SettingSet
INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2

-- name: DashCurrency
SELECT currency FROM orders ORDER BY created_at DESC LIMIT 1

-- name: DashTotals
SELECT (SELECT COUNT(*) FROM orders), (SELECT COUNT(*) FROM customers),
    (SELECT COUNT(*) FROM carts WHERE recovered_at IS NULL),
    (SELECT COALESCE(SUM(total), 0) FROM carts WHERE recovered_at IS NULL),
    (SELECT COUNT(*) FROM messages WHERE status IN ('queued', 'deferred', 'in_doubt'))

-- name: DashOrdersSince
SELECT created_at, total - refunded FROM orders
WHERE created_at >= ? AND currency = ? AND cancelled_at IS NULL

-- name: DashShipments
SELECT status, COUNT(*) FROM shipments GROUP BY status

-- name: SettingDelete
DELETE FROM settings WHERE key = ?

-- name: ShopSettings
SELECT key, value FROM settings WHERE key LIKE 'shop.%'

-- name: ShopLogoType
SELECT type FROM shop_logo WHERE id = 1

-- name: ShopLogoGet
SELECT type, data FROM shop_logo WHERE id = 1

-- name: ShopLogoSet
INSERT INTO shop_logo (id, type, data, updated_at) VALUES (1, ?1, ?2, ?3)
ON CONFLICT (id) DO UPDATE SET type = ?1, data = ?2, updated_at = ?3

-- name: ShopLogoDelete
DELETE FROM shop_logo WHERE id = 1
