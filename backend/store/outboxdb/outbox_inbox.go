package outboxdb

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store"
)

// Suppressed reports whether email is on the suppression list, and why.
// The planner asks it for every planned email, so the statement is prepared
// once for the life of the Store (like the rule look-ups in rules_stmts.go).
func (s *DB) Suppressed(ctx context.Context, email string) (domain.Suppression, bool, error) {
	sp := domain.Suppression{Email: store.NormEmail(email)}
	var at int64
	err := s.PreparedRow(ctx, q("SuppressionGet"), sp.Email).Scan(&sp.Reason, &sp.Detail, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return sp, false, nil
	}
	if err != nil {
		return sp, false, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the suppression list")
	}
	sp.At = time.Unix(at, 0).UTC()
	return sp, true, nil
}

// Suppress puts email on the suppression list. An address already listed
// keeps its first reason; added is false then.
func (s *DB) Suppress(ctx context.Context, email string, reason domain.SuppressionReason, detail string) (added bool, err error) {
	e := store.NormEmail(email)
	if e == "" || !strings.Contains(e, "@") {
		return false, domain.Errorf(domain.CodeInvalid, "%q is not an email address", email)
	}
	res, err := s.SQL().ExecContext(ctx, q("SuppressionAdd"), e, string(reason), detail, s.Now())
	if err != nil {
		return false, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not update the suppression list")
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// Unsuppress removes email from the list (the seller's decision only).
func (s *DB) Unsuppress(ctx context.Context, email string) error {
	_, err := s.SQL().ExecContext(ctx, q("SuppressionDelete"), store.NormEmail(email))
	return err
}

// ListSuppressions returns a page of the suppression list, newest first.
func (s *DB) ListSuppressions(ctx context.Context, limit, offset int) ([]domain.Suppression, error) {
	rows, err := s.SQL().QueryContext(ctx, q("SuppressionList"), limit, offset)
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the suppression list")
	}
	defer rows.Close()
	out := []domain.Suppression{}
	for rows.Next() {
		var sp domain.Suppression
		var at int64
		if err := rows.Scan(&sp.Email, &sp.Reason, &sp.Detail, &at); err != nil {
			return nil, err
		}
		sp.At = time.Unix(at, 0).UTC()
		out = append(out, sp)
	}
	return out, rows.Err()
}

// InboxState is where the last sync of a mailbox stopped.
type InboxState struct {
	UIDValidity uint32
	LastUID     uint32
}

// GetInboxState returns the sync position of mailbox; ok is false before
// the first sync.
func (s *DB) GetInboxState(ctx context.Context, mailbox string) (InboxState, bool, error) {
	var st InboxState
	err := s.SQL().QueryRowContext(ctx, q("InboxStateGet"), mailbox).Scan(&st.UIDValidity, &st.LastUID)
	if errors.Is(err, sql.ErrNoRows) {
		return st, false, nil
	}
	return st, err == nil, err
}

// SetInboxState records the sync position of mailbox.
func (s *DB) SetInboxState(ctx context.Context, mailbox string, st InboxState) error {
	_, err := s.SQL().ExecContext(ctx, q("InboxStateSet"), mailbox, st.UIDValidity, st.LastUID, s.Now())
	return err
}

// RecordInboxItem stores what the sync made of one message; false means the
// message had been processed before (a re-run after a crash).
func (s *DB) RecordInboxItem(ctx context.Context, it domain.InboxItem) (bool, error) {
	res, err := s.SQL().ExecContext(ctx, q("InboxItemInsert"), it.Mailbox, it.UIDValidity, it.UID, it.MessageID,
		string(it.Kind), it.From, it.Subject, ptrOrNull(it.RelatedID), ptrOrNull(it.CustomerID), it.Detail,
		it.ReceivedAt.Unix(), s.Now())
	if err != nil {
		return false, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not record an inbox message")
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// ListInboxItems returns the most recently processed inbound messages.
func (s *DB) ListInboxItems(ctx context.Context, limit int) ([]domain.InboxItem, error) {
	rows, err := s.SQL().QueryContext(ctx, q("InboxItemList"), limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.InboxItem{}
	for rows.Next() {
		var it domain.InboxItem
		var rel, cust sql.NullInt64
		var at int64
		if err := rows.Scan(&it.Mailbox, &it.UID, &it.MessageID, &it.Kind, &it.From, &it.Subject, &rel, &cust,
			&it.Detail, &at); err != nil {
			return nil, err
		}
		if rel.Valid {
			it.RelatedID = &rel.Int64
		}
		if cust.Valid {
			it.CustomerID = &cust.Int64
		}
		it.ReceivedAt = time.Unix(at, 0).UTC()
		out = append(out, it)
	}
	return out, rows.Err()
}

func ptrOrNull(p *int64) any {
	if p == nil {
		return nil
	}
	return *p
}

// CreateTaskOnce adds an open task for the seller unless a task with the
// same ledger key exists (the inbox may see a reply twice after a crash).
func (s *DB) CreateTaskOnce(ctx context.Context, ledgerKey, title, detail string, customerID, orderID *int64) (int64, error) {
	var id int64
	err := s.SQL().QueryRowContext(ctx, q("TaskByLedger"), ledgerKey).Scan(&id)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	res, err := s.SQL().ExecContext(ctx, q("TaskInsert"), title, detail, ptrOrNull(customerID), ptrOrNull(orderID), s.Now(), ledgerKey)
	if err != nil {
		return 0, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not create the task")
	}
	return res.LastInsertId()
}

// CustomerIDByEmail finds the customer with that email.
func (s *DB) CustomerIDByEmail(ctx context.Context, email string) (*int64, error) {
	var id int64
	err := s.SQL().QueryRowContext(ctx, q("CustomerIDByEmail"), store.NormEmail(email)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &id, nil
}

// LatestOrderByEmail returns the newest order placed with email.
func (s *DB) LatestOrderByEmail(ctx context.Context, email string) (domain.OrderDetail, bool, error) {
	var id int64
	err := s.SQL().QueryRowContext(ctx, q("LatestOrderByEmail"), store.NormEmail(email)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.OrderDetail{}, false, nil
	}
	if err != nil {
		return domain.OrderDetail{}, false, err
	}
	d, err := s.GetOrder(ctx, id)
	return d, err == nil, err
}
