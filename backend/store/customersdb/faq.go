package customersdb

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"shopclerk/backend/domain"
)

// FAQ is one saved answer with its texts per language.
type FAQ struct {
	ID        int64     `json:"id"`
	Topic     string    `json:"topic"`
	Enabled   bool      `json:"enabled"`
	UpdatedAt time.Time `json:"updatedAt"`
	Texts     []FAQText `json:"texts"`
}

// FAQText is an answer's words and text in one language.
type FAQText struct {
	Lang     string `json:"lang"`
	Keywords string `json:"keywords"`
	Answer   string `json:"answer"`
}

// FAQs lists the saved answers, by topic.
func (s *DB) FAQs(ctx context.Context) ([]FAQ, error) {
	rows, err := s.SQL().QueryContext(ctx, q("FAQList"))
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the saved answers")
	}
	defer rows.Close()
	out := []FAQ{}
	for rows.Next() {
		var f FAQ
		var t FAQText
		var updated int64
		if err := rows.Scan(&f.ID, &f.Topic, &f.Enabled, &updated, &t.Lang, &t.Keywords, &t.Answer); err != nil {
			return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the saved answers")
		}
		if n := len(out); n == 0 || out[n-1].ID != f.ID {
			f.UpdatedAt, f.Texts = time.Unix(updated, 0).UTC(), []FAQText{}
			out = append(out, f)
		}
		if t.Lang != "" {
			out[len(out)-1].Texts = append(out[len(out)-1].Texts, t)
		}
	}
	return out, rows.Err()
}

// SaveFAQ inserts (ID 0) or replaces an answer and its texts in one
// transaction, and returns its id.
func (s *DB) SaveFAQ(ctx context.Context, f FAQ, now time.Time) (int64, error) {
	id := f.ID
	err := s.InTx(ctx, func(tx *sql.Tx) error {
		if id == 0 {
			res, err := tx.ExecContext(ctx, q("FAQInsert"), f.Topic, f.Enabled, now.Unix())
			if err != nil {
				return err
			}
			id, err = res.LastInsertId()
			if err != nil {
				return err
			}
		} else {
			res, err := tx.ExecContext(ctx, q("FAQUpdate"), id, f.Topic, f.Enabled, now.Unix())
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return domain.Errorf(domain.CodeNotFound, "There is no saved answer %d.", id)
			}
			if _, err := tx.ExecContext(ctx, q("FAQTextsClear"), id); err != nil {
				return err
			}
		}
		for _, t := range f.Texts {
			if _, err := tx.ExecContext(ctx, q("FAQTextInsert"), id, t.Lang, t.Keywords, t.Answer); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil && domain.CodeOf(err) == domain.CodeInternal {
		return 0, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not save the answer")
	}
	return id, err
}

// DeleteFAQ removes an answer with its texts.
func (s *DB) DeleteFAQ(ctx context.Context, id int64) error {
	if _, err := s.SQL().ExecContext(ctx, q("FAQDelete"), id); err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not delete the answer")
	}
	return nil
}

// FAQCustomer is what an answer's template reads of the customer (ok false
// when there is no such customer).
func (s *DB) FAQCustomer(ctx context.Context, id int64) (email, first, last, country string, ok bool, err error) {
	err = s.SQL().QueryRowContext(ctx, q("FAQCustomer"), id).Scan(&email, &first, &last, &country)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", "", "", false, nil
	}
	return email, first, last, country, err == nil, err
}
