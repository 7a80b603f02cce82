package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"shopclerk/backend/domain"
)

// MessageStatus is a state of the outbox state machine (invariant 3):
// queued -> sending -> sent | deferred | failed | in_doubt, plus cancelled and
// draft (a reply the seller has not approved yet).
type MessageStatus string

const (
	MsgDraft     MessageStatus = "draft"
	MsgQueued    MessageStatus = "queued"
	MsgSending   MessageStatus = "sending"
	MsgSent      MessageStatus = "sent"
	MsgDeferred  MessageStatus = "deferred"
	MsgFailed    MessageStatus = "failed"
	MsgInDoubt   MessageStatus = "in_doubt"
	MsgCancelled MessageStatus = "cancelled"
)

// MessageKind decides what a message may carry: only marketing mail gets
// List-Unsubscribe headers and a footer link, and only to opted-in customers.
type MessageKind string

const (
	KindTransactional MessageKind = "transactional"
	KindMarketing     MessageKind = "marketing"
	KindSupplier      MessageKind = "supplier"
)

// SuppressionReason says why an address must not be mailed.
type SuppressionReason string

const (
	SuppressUnsubscribed SuppressionReason = "unsubscribed"
	SuppressHardBounce   SuppressionReason = "hard_bounce"
	SuppressComplaint    SuppressionReason = "complaint"
	SuppressManual       SuppressionReason = "manual"
)

// Attachment is a file sent with a message (purchase orders as xlsx).
type Attachment struct {
	Name        string `json:"name"`
	ContentType string `json:"contentType"`
	Data        []byte `json:"data"`
}

// OutboxMessage is one row of the outbox.
type OutboxMessage struct {
	ID            int64             `json:"id"`
	MessageID     string            `json:"messageId"`
	Kind          MessageKind       `json:"kind"`
	ToAddr        string            `json:"toAddr"`
	ToName        string            `json:"toName"`
	Subject       string            `json:"subject"`
	HTML          string            `json:"html"`
	Text          string            `json:"text"`
	Headers       map[string]string `json:"headers"`
	Attachments   []Attachment      `json:"attachments"`
	Status        MessageStatus     `json:"status"`
	Attempts      int               `json:"attempts"`
	LastError     string            `json:"lastError"`
	NextAttemptAt *time.Time        `json:"nextAttemptAt"`
	CustomerID    *int64            `json:"customerId"`
	LedgerKey     string            `json:"ledgerKey"`
	CreatedAt     time.Time         `json:"createdAt"`
	SentAt        *time.Time        `json:"sentAt"`
	SendingAt     *time.Time        `json:"sendingAt"`
	ServerReply   string            `json:"serverReply"`
	DeliveredTo   string            `json:"deliveredTo"`
	Filed         bool              `json:"filed"`
	Template      string            `json:"template"`
}

// Suppression is one address on the do-not-mail list.
type Suppression struct {
	Email  string            `json:"email"`
	Reason SuppressionReason `json:"reason"`
	Detail string            `json:"detail"`
	At     time.Time         `json:"at"`
}

// EnqueueMessage stores a message as queued (or draft) with its Message-ID
// already set, so the ID exists before any byte goes to a server. A message
// whose ledger key is already in the outbox is not added twice: the existing
// id is returned with created=false.
func (s *Store) EnqueueMessage(ctx context.Context, m *OutboxMessage) (id int64, created bool, err error) {
	if m.MessageID == "" || m.ToAddr == "" {
		return 0, false, domain.Errorf(domain.CodeInvalid, "a message needs a Message-ID and a recipient")
	}
	if m.Status == "" {
		m.Status = MsgQueued
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
	now := s.now()
	res, err := s.db.ExecContext(ctx, q("MsgInsert"), m.MessageID, string(m.Kind), m.ToAddr, m.ToName, m.Subject,
		m.HTML, m.Text, string(headers), string(atts), string(m.Status), cust, ledger, m.Template,
		unixOrNull(m.NextAttemptAt), now)
	if err != nil {
		return 0, false, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not add the message to the outbox")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		err = s.db.QueryRowContext(ctx, q("MsgIDByLedger"), m.LedgerKey).Scan(&id)
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

func nonNilAtts(a []Attachment) []Attachment {
	if a == nil {
		return []Attachment{}
	}
	return a
}

func scanMessage(r scanner) (OutboxMessage, error) {
	var m OutboxMessage
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
		m.Attachments = []Attachment{}
	default:
		json.Unmarshal([]byte(atts), &m.Attachments)
	}
	m.NextAttemptAt, m.SentAt, m.SendingAt = fromUnix(next), fromUnix(sent), fromUnix(sending)
	if cust.Valid {
		m.CustomerID = &cust.Int64
	}
	m.CreatedAt = time.Unix(created, 0).UTC()
	return m, nil
}

// GetMessage returns one outbox message.
func (s *Store) GetMessage(ctx context.Context, id int64) (OutboxMessage, error) {
	m, err := scanMessage(s.db.QueryRowContext(ctx, q("MsgColumns")+" WHERE id = ?", id))
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
func (s *Store) MessageByMessageID(ctx context.Context, messageID string) (id int64, ok bool, err error) {
	mid := "<" + strings.Trim(strings.TrimSpace(messageID), "<>") + ">"
	err = s.db.QueryRowContext(ctx, q("MsgByMessageID"), mid).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return id, err == nil, err
}

// ListMessages returns the newest messages, optionally of one status.
func (s *Store) ListMessages(ctx context.Context, status MessageStatus, limit, offset int) ([]OutboxMessage, error) {
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
func (s *Store) MessagesWithStatus(ctx context.Context, status MessageStatus, limit int) ([]OutboxMessage, error) {
	return s.queryMessages(ctx, q("MsgColumns")+" WHERE status = ? ORDER BY id LIMIT ?", string(status), limit)
}

func (s *Store) queryMessages(ctx context.Context, query string, args ...any) ([]OutboxMessage, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the outbox")
	}
	defer rows.Close()
	out := []OutboxMessage{}
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
func (s *Store) ClaimNext(ctx context.Context, now time.Time) (OutboxMessage, bool, error) {
	b, err := s.BeginOutboxBatch(ctx)
	if err != nil {
		return OutboxMessage{}, false, err
	}
	defer b.Close()
	c, _, err := b.Apply(ctx, nil, 1, now)
	if err != nil || len(c) == 0 {
		return OutboxMessage{}, false, err
	}
	return c[0].Msg, true, nil
}

// Transition describes one move of the state machine.
type Transition struct {
	From, To    MessageStatus
	Reason      string
	NextAttempt *time.Time
	At          time.Time // sent_at when To is sent
	ServerReply string
	DeliveredTo string
	// Unclaim gives back the attempt counted by the claim (a quota pause or
	// a suppressed address is not a delivery attempt).
	Unclaim bool
}

// TransitionMessage moves message id from t.From to t.To. It fails with a
// conflict when the message is no longer in t.From, so two hands (the send
// loop and a seller's click) can never both act on one message.
func (s *Store) TransitionMessage(ctx context.Context, id int64, t Transition) error {
	return transition(ctx, func(ctx context.Context, args ...any) (sql.Result, error) {
		return s.db.ExecContext(ctx, q("MsgTransition"), args...)
	}, id, t)
}

// CountMessagesByStatus returns how many messages are in each status.
func (s *Store) CountMessagesByStatus(ctx context.Context) (map[MessageStatus]int, error) {
	rows, err := s.db.QueryContext(ctx, q("MsgCountByStatus"))
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not count the outbox")
	}
	defer rows.Close()
	out := map[MessageStatus]int{}
	for rows.Next() {
		var st MessageStatus
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, err
		}
		out[st] = n
	}
	return out, rows.Err()
}

// CountSentSince counts messages sent at or after t (throttle windows).
func (s *Store) CountSentSince(ctx context.Context, t time.Time) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, q("MsgCountSentSince"), t.Unix()).Scan(&n)
	return n, err
}

// UnfiledSent lists sent messages with no copy in the Sent folder yet.
func (s *Store) UnfiledSent(ctx context.Context, limit int) ([]int64, error) {
	return scanIDs(s.db.QueryContext(ctx, q("MsgUnfiled"), limit))
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

// SetFiled records that a copy of message id is in the Sent folder.
func (s *Store) SetFiled(ctx context.Context, id int64) error {
	_, err := s.db.ExecContext(ctx, q("MsgSetFiled"), id)
	return err
}
