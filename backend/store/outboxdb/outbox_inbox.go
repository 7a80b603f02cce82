package outboxdb

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store"
	"shopclerk/backend/store/outboxdb/internal/queries"
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
	res, err := s.gen().SuppressionAdd(ctx, queries.SuppressionAddParams{Email: e, Reason: string(reason), Detail: detail, At: s.Now()})
	if err != nil {
		return false, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not update the suppression list")
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// Unsuppress removes email from the list (the seller's decision only).
func (s *DB) Unsuppress(ctx context.Context, email string) error {
	return s.gen().SuppressionDelete(ctx, store.NormEmail(email))
}

// ListSuppressions returns a page of the suppression list, newest first.
func (s *DB) ListSuppressions(ctx context.Context, limit, offset int) ([]domain.Suppression, error) {
	rows, err := s.gen().SuppressionList(ctx, queries.SuppressionListParams{Limit: int64(limit), Offset: int64(offset)})
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the suppression list")
	}
	out := make([]domain.Suppression, len(rows))
	for i, r := range rows {
		out[i] = domain.Suppression{Email: r.Email, Reason: domain.SuppressionReason(r.Reason), Detail: r.Detail, At: time.Unix(r.At, 0).UTC()}
	}
	return out, nil
}

// InboxState is where the last sync of a mailbox stopped.
type InboxState struct {
	UIDValidity uint32
	LastUID     uint32
}

// GetInboxState returns the sync position of mailbox; ok is false before
// the first sync.
func (s *DB) GetInboxState(ctx context.Context, mailbox string) (InboxState, bool, error) {
	r, err := s.gen().InboxStateGet(ctx, mailbox)
	if errors.Is(err, sql.ErrNoRows) {
		return InboxState{}, false, nil
	}
	if err != nil {
		return InboxState{}, false, err
	}
	return InboxState{UIDValidity: uint32(r.Uidvalidity), LastUID: uint32(r.LastUid)}, true, nil
}

// SetInboxState records the sync position of mailbox.
func (s *DB) SetInboxState(ctx context.Context, mailbox string, st InboxState) error {
	return s.gen().InboxStateSet(ctx, queries.InboxStateSetParams{Mailbox: mailbox, Uidvalidity: int64(st.UIDValidity),
		LastUid: int64(st.LastUID), SyncedAt: s.Now()})
}

// RecordInboxItem stores what the sync made of one message; false means the
// message had been processed before (a re-run after a crash).
func (s *DB) RecordInboxItem(ctx context.Context, it domain.InboxItem) (bool, error) {
	res, err := s.gen().InboxItemInsert(ctx, queries.InboxItemInsertParams{Mailbox: it.Mailbox, Uidvalidity: int64(it.UIDValidity),
		Uid: int64(it.UID), MessageID: it.MessageID, Kind: string(it.Kind), FromAddr: it.From, Subject: it.Subject,
		RelatedID: nullID(it.RelatedID), CustomerID: nullID(it.CustomerID), Detail: it.Detail,
		ReceivedAt: it.ReceivedAt.Unix(), ProcessedAt: s.Now()})
	if err != nil {
		return false, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not record an inbox message")
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// ListInboxItems returns the most recently processed inbound messages.
func (s *DB) ListInboxItems(ctx context.Context, limit int) ([]domain.InboxItem, error) {
	rows, err := s.gen().InboxItemList(ctx, int64(limit))
	if err != nil {
		return nil, err
	}
	out := make([]domain.InboxItem, len(rows))
	for i, r := range rows {
		out[i] = domain.InboxItem{Mailbox: r.Mailbox, UID: uint32(r.Uid), MessageID: r.MessageID, Kind: domain.InboxKind(r.Kind),
			From: r.FromAddr, Subject: r.Subject, RelatedID: idOf(r.RelatedID), CustomerID: idOf(r.CustomerID), Detail: r.Detail,
			ReceivedAt: time.Unix(r.ReceivedAt, 0).UTC()}
	}
	return out, nil
}

// nullID and idOf convert an optional id to and from its stored form.
func nullID(p *int64) sql.NullInt64 {
	if p == nil {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: *p, Valid: true}
}

func idOf(v sql.NullInt64) *int64 {
	if !v.Valid {
		return nil
	}
	return &v.Int64
}

// CreateTaskOnce adds an open task for the seller unless a task with the
// same ledger key exists (the inbox may see a reply twice after a crash).
func (s *DB) CreateTaskOnce(ctx context.Context, ledgerKey, title, detail string, customerID, orderID *int64) (int64, error) {
	key := sql.NullString{String: ledgerKey, Valid: true}
	id, err := s.gen().TaskByLedger(ctx, key)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	res, err := s.gen().TaskInsert(ctx, queries.TaskInsertParams{Title: title, Detail: detail, CustomerID: nullID(customerID),
		OrderID: nullID(orderID), CreatedAt: s.Now(), LedgerKey: key})
	if err != nil {
		return 0, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not create the task")
	}
	return res.LastInsertId()
}

// CustomerIDByEmail finds the customer with that email.
func (s *DB) CustomerIDByEmail(ctx context.Context, email string) (*int64, error) {
	id, err := s.gen().CustomerIDByEmail(ctx, store.NormEmail(email))
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
	id, err := s.gen().LatestOrderByEmail(ctx, store.NormEmail(email))
	if errors.Is(err, sql.ErrNoRows) {
		return domain.OrderDetail{}, false, nil
	}
	if err != nil {
		return domain.OrderDetail{}, false, err
	}
	d, err := s.GetOrder(ctx, id)
	return d, err == nil, err
}
