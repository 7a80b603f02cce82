-- The Coupons screen's list, bound by name (couponsdb.go). ?1 now, ?2
-- status ('' any), ?3 flow (0 any), ?4 campaign (0 any), ?5 search ('' off:
-- the start of a code or of a customer's email, any case), ?6 limit, ?7 offset. A coupon's status is
-- its progress (the coupon_progress view, 00049), or expired once its
-- expiry has passed unredeemed.

-- name: CouponRows
SELECT * FROM (
SELECT k.id, k.code, COALESCE(k.rule_id, 0), COALESCE(r.name, ''), COALESCE(k.campaign_id, 0), COALESCE(k.customer_id, 0),
    COALESCE(c.first_name, ''), COALESCE(c.last_name, ''), COALESCE(c.email, ''), k.percent_off, k.amount_off, k.currency,
    k.free_shipping, k.issued_at, k.expires_at,
    CASE WHEN p.progress <> 'redeemed' AND k.expires_at IS NOT NULL AND k.expires_at <= ?1 THEN 'expired' ELSE p.progress END AS st,
    COALESCE(o.id, 0), COALESCE(o.name, ''), k.used_at, k.shared, k.pooled
FROM coupons k
JOIN coupon_progress p ON p.id = k.id
LEFT JOIN rules r ON r.id = k.rule_id
LEFT JOIN customers c ON c.id = k.customer_id
LEFT JOIN orders o ON o.id = k.redeemed_order_id
WHERE (?3 = 0 OR k.rule_id = ?3) AND (?4 = 0 OR k.campaign_id = ?4)
  AND (?5 = '' OR k.code LIKE ?5 || '%' OR c.email LIKE lower(?5) || '%')
) WHERE (?2 = '' OR st = ?2)
ORDER BY id DESC
LIMIT ?6 OFFSET ?7;

-- name: CouponStatusCounts
SELECT CASE WHEN p.progress <> 'redeemed' AND k.expires_at IS NOT NULL AND k.expires_at <= ?1 THEN 'expired' ELSE p.progress END AS st,
    COUNT(*)
FROM coupons k
JOIN coupon_progress p ON p.id = k.id
LEFT JOIN customers c ON c.id = k.customer_id
WHERE (?3 = 0 OR k.rule_id = ?3) AND (?4 = 0 OR k.campaign_id = ?4)
  AND (?5 = '' OR k.code LIKE ?5 || '%' OR c.email LIKE lower(?5) || '%')
GROUP BY st;
