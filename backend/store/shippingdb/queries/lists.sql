-- The Shipments screen's list, filtered; bound by name (shippingdb.go).
-- ?1 status ('' any), ?2 stuck: last activity before (0 off), ?3 problems
-- only (exception, failed attempt), ?4 in transit and shipped before (0
-- off), ?5 search ('' off; an order name or a tracking number), ?6 limit,
-- ?7 offset, ?8 one shipment (0 all).

-- name: ShipmentRows
SELECT s.id, s.order_id, o.name, COALESCE(o.customer_id, 0), COALESCE(c.first_name, ''), COALESCE(c.last_name, ''),
    o.email, s.carrier, s.carrier_id, s.tracking_number, s.tracking_url, s.status, s.shipped_at, s.delivered_at,
    s.status_at, s.last_event, s.last_event_at, s.check_error
FROM shipments s
JOIN orders o ON o.id = s.order_id
LEFT JOIN customers c ON c.id = o.customer_id
WHERE (?1 = '' OR s.status = ?1)
  AND (?2 = 0 OR (s.status NOT IN ('delivered', 'returned', 'expired') AND COALESCE(s.last_event_at, s.status_at, s.shipped_at) < ?2))
  AND (?3 = 0 OR s.status IN ('exception', 'failed_attempt'))
  AND (?4 = 0 OR (s.status NOT IN ('delivered', 'returned', 'expired') AND s.shipped_at < ?4))
  AND (?5 = '' OR s.tracking_number = upper(?5) OR o.name = ?5 COLLATE NOCASE OR o.name = ('#' || ?5) COLLATE NOCASE)
  AND (?8 = 0 OR s.id = ?8)
-- Newest first by id: shipments are written in the order they come, and
-- paging by the primary key needs no index of its own on a large shop.
ORDER BY s.id DESC
LIMIT ?6 OFFSET ?7;

-- name: ShipmentRowsCount
SELECT COUNT(*)
FROM shipments s
JOIN orders o ON o.id = s.order_id
WHERE (?1 = '' OR s.status = ?1)
  AND (?2 = 0 OR (s.status NOT IN ('delivered', 'returned', 'expired') AND COALESCE(s.last_event_at, s.status_at, s.shipped_at) < ?2))
  AND (?3 = 0 OR s.status IN ('exception', 'failed_attempt'))
  AND (?4 = 0 OR (s.status NOT IN ('delivered', 'returned', 'expired') AND s.shipped_at < ?4))
  AND (?5 = '' OR s.tracking_number = upper(?5) OR o.name = ?5 COLLATE NOCASE OR o.name = ('#' || ?5) COLLATE NOCASE);
