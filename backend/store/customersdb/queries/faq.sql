-- FAQ replies: the seller's saved answers, one row per language.

-- name: FAQList
SELECT a.id, a.topic, a.enabled, a.updated_at, COALESCE(t.lang, ''), COALESCE(t.keywords, ''), COALESCE(t.answer, '')
FROM faq_answers a LEFT JOIN faq_texts t ON t.faq_id = a.id
ORDER BY a.topic COLLATE NOCASE, a.id, t.lang

-- name: FAQInsert
INSERT INTO faq_answers (topic, enabled, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)

-- name: FAQUpdate
UPDATE faq_answers SET topic = ?2, enabled = ?3, updated_at = ?4 WHERE id = ?1

-- name: FAQTextsClear
DELETE FROM faq_texts WHERE faq_id = ?

-- name: FAQTextInsert
INSERT INTO faq_texts (faq_id, lang, keywords, answer) VALUES (?, ?, ?, ?)

-- name: FAQDelete
DELETE FROM faq_answers WHERE id = ?

-- name: FAQCustomer
SELECT email, first_name, last_name, country FROM customers WHERE id = ?

-- The store's SMS marketing consent (migration 00056), for the customer
-- page: Shopclerk sends no SMS.
-- name: CustomerSMSConsent
SELECT accepts_sms, sms_consent_at FROM customers WHERE id = ?
