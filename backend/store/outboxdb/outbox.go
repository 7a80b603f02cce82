package outboxdb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store"
)

// EnqueueMessage stores a message as queued (or draft) with its Message-ID
// already set, so the ID exists before any byte goes to a server. A message
// whose ledger key is already in the outbox is not added twice: the existing
// id is returned with created=false.
func (s *DB) EnqueueMessage(ctx context.Context, m *domain.OutboxMessage) (id int64, created bool, err error) {
	if m.MessageID == "" || m.ToAddr == "" {
		return 0, false, domain.Errorf(domain.CodeInvalid, "a message needs a Message-ID and a recipient")
	}
	if m.Status == "" {
		m.Status = domain.MsgQueued
	}
	headers, _ := json.Marshal(nonNilMap(m.Headers))
	atts, _ := json.Marshal(nonNilAtts(m.Attachments))
	var ledger any
	if m.LedgerKey != "" {
		ledger = m.LedgerKey
	}
	var cust any
	if m.CustomerID != nil {
		cust = *m.CustomerID
	}
	now := s.Now()
	res, err := s.SQL().ExecContext(ctx, q("MsgInsert"), m.MessageID, string(m.Kind), m.ToAddr, m.ToName, m.Subject,
		m.HTML, m.Text, string(headers), string(atts), string(m.Status), cust, ledger, m.Template,
		store.UnixOrNull(m.NextAttemptAt), now)
	if err != nil {
		return 0, false, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not add the message to the outbox")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		err = s.SQL().QueryRowContext(ctx, q("MsgIDByLedger"), m.LedgerKey).Scan(&id)
		return id, false, err
	}
	id, err = res.LastInsertId()
	return id, true, err
}

func nonNilMap(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}

func nonNilAtts(a []domain.Attachment) []domain.Attachment {
	if a == nil {
		return []domain.Attachment{}
	}
	return a
}

func scanMessage(r store.Scanner) (domain.OutboxMessage, error) {
	var m domain.OutboxMessage
	var headers, atts string
	var next, sent, sending, cust sql.NullInt64
	var created int64
	err := r.Scan(&m.ID, &m.MessageID, &m.Kind, &m.ToAddr, &m.ToName, &m.Subject, &m.HTML, &m.Text, &headers,
		&atts, &m.Status, &m.Attempts, &m.LastError, &next, &cust, &m.LedgerKey, &created, &sent, &sending,
		&m.ServerReply, &m.DeliveredTo, &m.Filed, &m.Template)
	if err != nil {
		return m, err
	}
	// Most messages carry no extra headers and no attachments: the empty
	// encodings are decoded by hand (to what the JSON decoder gives, so the
	// UI sees the same), skipping the decoder and its allocations.
	switch headers {
	case "", "null":
	case "{}":
		m.Headers = map[string]string{}
	default:
		json.Unmarshal([]byte(headers), &m.Headers)
	}
	switch atts {
	case "", "null":
	case "[]":
		m.Attachments = []domain.Attachment{}
	default:
		json.Unmarshal([]byte(atts), &m.Attachments)
	}
	m.NextAttemptAt, m.SentAt, m.SendingAt = store.FromUnix(next), store.FromUnix(sent), store.FromUnix(sending)
	if cust.Valid {
		m.CustomerID = &cust.Int64
	}
	m.CreatedAt = time.Unix(created, 0).UTC()
	return m, nil
}

// GetMessage returns one outbox message.
func (s *DB) GetMessage(ctx context.Context, id int64) (domain.OutboxMessage, error) {
	m, err := scanMessage(s.SQL().QueryRowContext(ctx, q("MsgColumns")+" WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return m, domain.Errorf(domain.CodeNotFound, "message %d is not in the outbox", id)
	}
	if err != nil {
		return m, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the outbox")
	}
	return m, nil
}

// MessageByMessageID finds our message with that Message-ID (angle brackets
// optional); ok is false when the ID is not one of ours.
func (s *DB) MessageByMessageID(ctx context.Context, messageID string) (id int64, ok bool, err error) {
	mid := "<" + strings.Trim(strings.TrimSpace(messageID), "<>") + ">"
	err = s.SQL().QueryRowContext(ctx, q("MsgByMessageID"), mid).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return id, err == nil, err
}

// ListMessages returns the newest messages, optionally of one status.
func (s *DB) ListMessages(ctx context.Context, status domain.MessageStatus, limit, offset int) ([]domain.OutboxMessage, error) {
	if limit <= 0 || limit > 1000 {
		limit = 100
	}
	query, args := q("MsgColumns"), []any{}
	if status != "" {
		query += " WHERE status = ?"
		args = append(args, string(status))
	}
	query += " ORDER BY id DESC LIMIT ? OFFSET ?"
	args = append(args, limit, offset)
	return s.queryMessages(ctx, query, args...)
}

// MessagesWithStatus returns every message of one status, oldest first (the
// in-doubt resolver needs them all, and there are few).
func (s *DB) MessagesWithStatus(ctx context.Context, status domain.MessageStatus, limit int) ([]domain.OutboxMessage, error) {
	return s.queryMessages(ctx, q("MsgColumns")+" WHERE status = ? ORDER BY id LIMIT ?", string(status), limit)
}

func (s *DB) queryMessages(ctx context.Context, query string, args ...any) ([]domain.OutboxMessage, error) {
	rows, err := s.SQL().QueryContext(ctx, query, args...)
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the outbox")
	}
	defer rows.Close()
	out := []domain.OutboxMessage{}
	for rows.Next() {
		m, err := scanMessage(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// ClaimNext claims the next due message (marked 'sending' and committed)
// the way a send run's batch does, one message at a time. ok is false when
// nothing is due.
func (s *DB) ClaimNext(ctx context.Context, now time.Time) (domain.OutboxMessage, bool, error) {
	b, err := s.BeginOutboxBatch(ctx)
	if err != nil {
		return domain.OutboxMessage{}, false, err
	}
	defer b.Close()
	c, _, err := b.Apply(ctx, nil, 1, now)
	if err != nil || len(c) == 0 {
		return domain.OutboxMessage{}, false, err
	}
	return c[0].Msg, true, nil
}

// TransitionMessage moves message id from t.From to t.To. It fails with a
// conflict when the message is no longer in t.From, so two hands (the send
// loop and a seller's click) can never both act on one message.
func (s *DB) TransitionMessage(ctx context.Context, id int64, t domain.Transition) error {
	return transition(ctx, func(ctx context.Context, args ...any) (sql.Result, error) {
		return s.SQL().ExecContext(ctx, q("MsgTransition"), args...)
	}, id, t)
}

// CountMessagesByStatus returns how many messages are in each status.
func (s *DB) CountMessagesByStatus(ctx context.Context) (map[domain.MessageStatus]int, error) {
	rows, err := s.SQL().QueryContext(ctx, q("MsgCountByStatus"))
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not count the outbox")
	}
	defer rows.Close()
	out := map[domain.MessageStatus]int{}
	for rows.Next() {
		var st domain.MessageStatus
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, err
		}
		out[st] = n
	}
	return out, rows.Err()
}

// CountSentSince counts messages sent at or after t (throttle windows).
func (s *DB) CountSentSince(ctx context.Context, t time.Time) (int, error) {
	var n int
	err := s.SQL().QueryRowContext(ctx, q("MsgCountSentSince"), t.Unix()).Scan(&n)
	return n, err
}

// scanIDs reads a query's rows of one id each, in order; it takes the
// query's own results, so it serves databases, transactions and statements.
func scanIDs(rows *sql.Rows, err error) ([]int64, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// SentTimesSince lists when messages were sent at or after t, oldest
// first (the per-minute throttle's window: a few rows).
func (s *DB) SentTimesSince(ctx context.Context, t time.Time) ([]time.Time, error) {
	rows, err := s.SQL().QueryContext(ctx, q("MsgSentTimesSince"), t.Unix())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []time.Time
	for rows.Next() {
		var at int64
		if err := rows.Scan(&at); err != nil {
			return nil, err
		}
		out = append(out, time.Unix(at, 0).UTC())
	}
	return out, rows.Err()
}

// CountMarketingDueBy counts the queued or deferred marketing messages due
// by t: inside the quiet hours, those waiting for their end.
func (s *DB) CountMarketingDueBy(ctx context.Context, t time.Time) (int, error) {
	var n int
	if err := s.SQL().QueryRowContext(ctx, q("MsgCountMarketingDueBy"), t.Unix()).Scan(&n); err != nil {
		return 0, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not count the outbox")
	}
	return n, nil
}

// NextDue tells when the earliest queued or deferred message is due; nil
// when none waits.
func (s *DB) NextDue(ctx context.Context) (*time.Time, error) {
	var at sql.NullInt64
	if err := s.SQL().QueryRowContext(ctx, q("MsgNextDue")).Scan(&at); err != nil {
		return nil, err
	}
	return store.FromUnix(at), nil
}
