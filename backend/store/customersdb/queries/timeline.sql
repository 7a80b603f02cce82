-- The customer page's timeline (issue 13), bound by name: one page of
-- everything that happened to one customer, newest first. ?1 customer id,
-- ?2 the customer's email (lower case, '' for none), ?3 ?4 ?5 the cursor
-- (at, kind, id of the last item shown; the first page starts above every
-- item), ?6 the page size. Items are ordered by (at, kind, id) descending;
-- each part reads at most ?6 rows through its own index, so a customer with
-- ten thousand orders costs what a customer with ten does.
--
-- kind numbers (customers.TimelineKind): 1 order, 2 order cancelled,
-- 3 cart, 4 coupon issued, 5 coupon used, 6 email sent, 7 email received,
-- 8 tag by the seller, 9 tag by an automation, 10 note, 11 consent,
-- 12 suppression.

-- name: Timeline
SELECT kind, at, id, title, detail, amount, currency, who FROM (
  SELECT * FROM (SELECT 1 AS kind, o.created_at AS at, o.id AS id, o.name AS title,
      o.financial_status || '/' || o.fulfillment_status AS detail, o.total AS amount, o.currency AS currency, o.source AS who
    FROM orders o WHERE o.customer_id = ?1 AND o.created_at <= ?3
      AND (o.created_at < ?3 OR 1 < ?4 OR (1 = ?4 AND o.id < ?5))
    ORDER BY o.created_at DESC, o.id DESC LIMIT ?6)
  UNION ALL
  SELECT * FROM (SELECT 2, o.cancelled_at, o.id, o.name, o.financial_status, o.total, o.currency, o.source
    FROM orders o WHERE o.customer_id = ?1 AND o.cancelled_at IS NOT NULL AND o.cancelled_at <= ?3
      AND (o.cancelled_at < ?3 OR 2 < ?4 OR (2 = ?4 AND o.id < ?5))
    ORDER BY o.cancelled_at DESC, o.id DESC LIMIT ?6)
  UNION ALL
  SELECT * FROM (SELECT 3, c.updated_at, c.id, c.external_id,
      CASE WHEN c.recovered_at IS NULL THEN 'abandoned' ELSE 'recovered' END, c.total, c.currency, c.source
    FROM carts c WHERE (c.customer_id = ?1 OR (?2 <> '' AND c.email = ?2)) AND c.updated_at <= ?3
      AND (c.updated_at < ?3 OR 3 < ?4 OR (3 = ?4 AND c.id < ?5))
    ORDER BY c.updated_at DESC, c.id DESC LIMIT ?6)
  UNION ALL
  SELECT * FROM (SELECT 4, k.issued_at, k.id, k.code,
      CASE WHEN k.percent_off > 0 THEN k.percent_off || '%' ELSE '' END
        || CASE WHEN k.free_shipping = 1 THEN ' free shipping' ELSE '' END, k.amount_off, k.currency,
      COALESCE((SELECT r.name FROM rule_ledger l JOIN rules r ON r.id = l.rule_id WHERE l.key = k.ledger_key), '')
    FROM coupons k WHERE k.customer_id = ?1 AND k.issued_at <= ?3
      AND (k.issued_at < ?3 OR 4 < ?4 OR (4 = ?4 AND k.id < ?5))
    ORDER BY k.issued_at DESC, k.id DESC LIMIT ?6)
  UNION ALL
  SELECT * FROM (SELECT 5, k.used_at, k.id, k.code, '', k.amount_off, k.currency, ''
    FROM coupons k WHERE k.customer_id = ?1 AND k.used_at IS NOT NULL AND k.used_at <= ?3
      AND (k.used_at < ?3 OR 5 < ?4 OR (5 = ?4 AND k.id < ?5))
    ORDER BY k.used_at DESC, k.id DESC LIMIT ?6)
  UNION ALL
  SELECT * FROM (SELECT 6, m.created_at, m.id, m.subject, m.status || '/' || m.kind, 0, '', m.template
    FROM messages m WHERE (m.customer_id = ?1 OR (?2 <> '' AND lower(m.to_addr) = ?2)) AND m.created_at <= ?3
      AND (m.created_at < ?3 OR 6 < ?4 OR (6 = ?4 AND m.id < ?5))
    ORDER BY m.created_at DESC, m.id DESC LIMIT ?6)
  UNION ALL
  SELECT * FROM (SELECT 7, i.received_at, i.rowid, i.subject, i.kind, 0, '', i.from_addr
    FROM inbox_items i WHERE (i.customer_id = ?1 OR (?2 <> '' AND lower(i.from_addr) = ?2)) AND i.received_at <= ?3
      AND (i.received_at < ?3 OR 7 < ?4 OR (7 = ?4 AND i.rowid < ?5))
    ORDER BY i.received_at DESC, i.rowid DESC LIMIT ?6)
  UNION ALL
  SELECT * FROM (SELECT 8, t.at, t.id, t.tag, CASE WHEN t.added = 1 THEN 'added' ELSE 'removed' END, 0, '', ''
    FROM customer_tag_changes t WHERE t.customer_id = ?1 AND t.at <= ?3
      AND (t.at < ?3 OR 8 < ?4 OR (8 = ?4 AND t.id < ?5))
    ORDER BY t.at DESC, t.id DESC LIMIT ?6)
  UNION ALL
  SELECT * FROM (SELECT 9, COALESCE(l.done_at, l.due_at) AS at, l.rowid, l.result, '', 0, '', COALESCE(r.name, '')
    FROM rule_ledger l LEFT JOIN rules r ON r.id = l.rule_id
    WHERE l.subject = 'customer:' || ?1 AND l.status = 'done' AND (l.result LIKE 'tagged %' OR l.result LIKE 'untagged %')
      AND COALESCE(l.done_at, l.due_at) <= ?3
      AND (COALESCE(l.done_at, l.due_at) < ?3 OR 9 < ?4 OR (9 = ?4 AND l.rowid < ?5))
    ORDER BY at DESC, l.rowid DESC LIMIT ?6)
  UNION ALL
  SELECT * FROM (SELECT 10, n.created_at, n.id, n.body, '', 0, '', ''
    FROM customer_notes n WHERE n.customer_id = ?1 AND n.created_at <= ?3
      AND (n.created_at < ?3 OR 10 < ?4 OR (10 = ?4 AND n.id < ?5))
    ORDER BY n.created_at DESC, n.id DESC LIMIT ?6)
  UNION ALL
  SELECT * FROM (SELECT 11, e.at, e.id, e.trigger, e.value, 0, '', ''
    FROM rule_events e WHERE e.customer_id = ?1 AND e.trigger IN ('consent_given', 'consent_withdrawn') AND e.at <= ?3
      AND (e.at < ?3 OR 11 < ?4 OR (11 = ?4 AND e.id < ?5))
    ORDER BY e.at DESC, e.id DESC LIMIT ?6)
  UNION ALL
  SELECT * FROM (SELECT 12, s.at, s.rowid, s.reason, s.detail, 0, '', ''
    FROM suppressions s WHERE ?2 <> '' AND s.email = ?2 AND s.at <= ?3
      AND (s.at < ?3 OR 12 < ?4 OR (12 = ?4 AND s.rowid < ?5))
    LIMIT ?6)
)
ORDER BY at DESC, kind DESC, id DESC LIMIT ?6
