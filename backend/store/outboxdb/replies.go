package outboxdb

import (
	"context"
	"database/sql"
	"time"

	"shopclerk/backend/domain"
)

// ReplyTemplateTexts returns the parts of lang's "where is my order" reply
// the seller rewrote, by part; an empty map means Shopclerk's own text.
func (s *DB) ReplyTemplateTexts(ctx context.Context, lang string) (map[string]string, error) {
	rows, err := s.SQL().QueryContext(ctx, q("ReplyTemplateTexts"), lang)
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read your reply templates")
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var part, body string
		if err := rows.Scan(&part, &body); err != nil {
			return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read your reply templates")
		}
		out[part] = body
	}
	if err := rows.Err(); err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read your reply templates")
	}
	return out, nil
}

// SaveReplyTemplate replaces lang's saved parts with parts, in one
// transaction: the language's reply is the new one whole, or the old one.
// An empty parts is the reset to Shopclerk's text.
func (s *DB) SaveReplyTemplate(ctx context.Context, lang string, parts map[string]string, now time.Time) error {
	err := s.InTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, q("ReplyTemplateDelete"), lang); err != nil {
			return err
		}
		for part, body := range parts {
			if _, err := tx.ExecContext(ctx, q("ReplyTemplatePut"), lang, part, body, now.Unix()); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not save the reply template")
	}
	return nil
}
