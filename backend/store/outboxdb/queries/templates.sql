-- name: EmailTemplatesAll :many
SELECT name, subject, html, text, updated_at, blocks FROM email_templates ORDER BY name;

-- name: EmailTemplateGet :one
SELECT name, subject, html, text, updated_at, blocks FROM email_templates WHERE name = ?;

-- name: EmailTemplatePut :exec
INSERT INTO email_templates (name, subject, html, text, blocks, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
ON CONFLICT (name) DO UPDATE SET subject = ?2, html = ?3, text = ?4, blocks = ?5, updated_at = ?6;

-- name: EmailTemplateDelete :exec
DELETE FROM email_templates WHERE name = ?;
