-- The seller's "where is my order" reply parts (00062), bound by name.

-- name: ReplyTemplateTexts
SELECT part, body FROM reply_templates WHERE lang = ?1

-- name: ReplyTemplateDelete
DELETE FROM reply_templates WHERE lang = ?1

-- name: ReplyTemplatePut
INSERT INTO reply_templates (lang, part, body, updated_at) VALUES (?1, ?2, ?3, ?4)
