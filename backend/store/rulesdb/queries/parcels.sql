-- The shipping flows' facts (issue 12): an order's parcels, and parcels
-- that have gone quiet.

-- name: RuleOrderParcels
SELECT id, status, delivered_at, last_event, last_event_at, carrier_id, tracking_number FROM shipments
WHERE order_id = +? ORDER BY id

-- name: OccStuckShipments
-- Only parcels not final, read through the status index; quiet is the
-- newest thing the carrier said (or the status, or the shipping day).
SELECT s.id, s.order_id, COALESCE(o.customer_id, 0), o.email, COALESCE(s.last_event_at, s.status_at, s.shipped_at) AS quiet
FROM shipments s JOIN orders o ON o.id = s.order_id
WHERE s.status IN ('label_created', 'in_transit', 'out_for_delivery', 'available_for_pickup', 'failed_attempt', 'exception')
    AND COALESCE(s.last_event_at, s.status_at, s.shipped_at) BETWEEN ?1 AND ?2
