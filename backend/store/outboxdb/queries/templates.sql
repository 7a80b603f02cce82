-- name: EmailTemplatesAll :many
SELECT name, subject, html, text, updated_at FROM email_templates ORDER BY name;

-- name: EmailTemplateGet :one
SELECT name, subject, html, text, updated_at FROM email_templates WHERE name = ?;

-- name: EmailTemplatePut :exec
INSERT INTO email_templates (name, subject, html, text, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
ON CONFLICT (name) DO UPDATE SET subject = ?2, html = ?3, text = ?4, updated_at = ?5;

-- name: EmailTemplateDelete :exec
DELETE FROM email_templates WHERE name = ?;
