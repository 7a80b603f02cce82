package outboxdb

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store"
)

// OutboxBatch is the send loop's hold on the database for one run: the
// statements it runs per message are prepared once, on one connection,
// instead of being parsed again for every message.
type OutboxBatch struct {
	conn                                     *sql.Conn
	due, claimIDs, transition, begin, commit *sql.Stmt
	// Stamp is written on every message the batch claims.
	Stamp ClaimStamp
}

// ClaimStamp is what a claim fixes about a message from the account it is
// sent with, so a later change of the account does not change how the
// message is settled: the proofs of delivery it carries (see the proofs
// column) and whether Shopclerk owes its Sent folder a copy.
type ClaimStamp struct {
	Proofs   string
	SentCopy bool
}

// BeginOutboxBatch prepares the send loop's statements. Close it when the
// run ends.
func (s *DB) BeginOutboxBatch(ctx context.Context) (*OutboxBatch, error) {
	conn, err := s.SQL().Conn(ctx)
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeTemporary, "the shop database is busy; try again in a moment")
	}
	b := &OutboxBatch{conn: conn}
	for _, p := range []struct {
		st    **sql.Stmt
		query string
	}{
		{&b.due, q("MsgDueBatch")},
		{&b.claimIDs, q("MsgClaimIDs")},
		{&b.transition, q("MsgTransition")},
		{&b.begin, "BEGIN IMMEDIATE"},
		{&b.commit, "COMMIT"},
	} {
		if *p.st, err = conn.PrepareContext(ctx, p.query); err != nil {
			b.Close()
			return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the outbox")
		}
	}
	return b, nil
}

// Close releases the statements and the connection.
func (b *OutboxBatch) Close() error {
	for _, st := range []*sql.Stmt{b.due, b.claimIDs, b.transition, b.begin, b.commit} {
		if st != nil {
			st.Close()
		}
	}
	return b.conn.Close()
}

// Claimed is a message the batch claimed, with the suppression check
// made by the same statement.
type Claimed struct {
	Msg domain.OutboxMessage
	// Suppression is the recipient's entry on the suppression list, when
	// SuppressionKnown; the statement matches the stored address as it is,
	// so for an address not stored in normal form (lower case, trimmed)
	// the caller asks Suppressed instead.
	Suppression      *domain.Suppression
	SuppressionKnown bool
}

// scanClaimed reads a claimed message with its suppression entry.
func scanClaimed(r store.Scanner) (Claimed, error) {
	var c Claimed
	var reason, detail sql.NullString
	var at sql.NullInt64
	m, err := scanMessage(extraScanner{r, []any{&reason, &detail, &at}})
	if err != nil {
		return c, err
	}
	c.Msg = m
	if store.NormEmail(m.ToAddr) == m.ToAddr {
		c.SuppressionKnown = true
		if reason.Valid {
			c.Suppression = &domain.Suppression{Email: m.ToAddr, Reason: domain.SuppressionReason(reason.String), Detail: detail.String,
				At: time.Unix(at.Int64, 0).UTC()}
		}
	}
	return c, nil
}

// claimMany claims up to n due messages with two statements (which are
// due, then mark them), in claim order; inside Apply's transaction.
func (b *OutboxBatch) claimMany(ctx context.Context, now time.Time, n int) ([]Claimed, error) {
	busy := func(err error) error {
		return domain.Wrap(err, domain.CodeTemporary, "the shop database is busy; try again in a moment")
	}
	ids, err := scanIDs(b.due.QueryContext(ctx, now.Unix(), n))
	if err != nil {
		return nil, busy(err)
	}
	if len(ids) == 0 {
		return nil, nil
	}
	order := make(map[int64]int, len(ids))
	for i, id := range ids {
		order[id] = i
	}
	list, _ := json.Marshal(ids)
	rows, err := b.claimIDs.QueryContext(ctx, now.Unix(), string(list), b.Stamp.Proofs, b.Stamp.SentCopy)
	if err != nil {
		return nil, busy(err)
	}
	defer rows.Close()
	claimed := make([]Claimed, len(ids))
	got := 0
	for rows.Next() {
		c, err := scanClaimed(rows)
		if err != nil {
			return nil, busy(err)
		}
		claimed[order[c.Msg.ID]] = c
		got++
	}
	if err := rows.Err(); err != nil {
		return nil, busy(err)
	}
	if got != len(ids) {
		// Cannot happen inside the transaction that picked them.
		return nil, domain.Errorf(domain.CodeInternal, "Shopclerk could not claim the outbox's next messages")
	}
	return claimed, nil
}

// extraScanner scans a row that has more columns after the usual ones.
type extraScanner struct {
	r     store.Scanner
	extra []any
}

func (e extraScanner) Scan(dest ...any) error { return e.r.Scan(append(dest, e.extra...)...) }

// Transition is Store.TransitionMessage on the batch's prepared statement.
func (b *OutboxBatch) Transition(ctx context.Context, id int64, t domain.Transition) error {
	return execTransition(ctx, b.transition, id, t)
}

func execTransition(ctx context.Context, st *sql.Stmt, id int64, t domain.Transition) error {
	return transition(ctx, st.ExecContext, id, t)
}

// transition runs MsgTransition through exec (the pool, or a prepared
// statement of a batch or the journal), so every way of moving a message
// checks its state and words a lost race the same.
func transition(ctx context.Context, exec func(context.Context, ...any) (sql.Result, error), id int64, t domain.Transition) error {
	var at any
	if !t.At.IsZero() {
		at = t.At.Unix()
	}
	res, err := exec(ctx, id, string(t.From), string(t.To), t.Reason,
		store.UnixOrNull(t.NextAttempt), at, t.ServerReply, t.DeliveredTo, t.Unclaim)
	if err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not update the outbox")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.Errorf(domain.CodeConflict, "message %d is no longer %s", id, strings.ReplaceAll(string(t.From), "_", " "))
	}
	return nil
}

// MessageMove is a transition of message ID recorded by Apply.
type MessageMove struct {
	ID int64
	T  domain.Transition
}

// Apply records moves and then claims up to claim due messages, all in one
// transaction: one commit both finishes the messages the send loop is done
// with and marks the next ones 'sending'. Moves are applied in order;
// errs[i] is moves[i]'s conflict, if any. The claimed messages come back in
// claim order (fewer when fewer are due). When err is set nothing was
// written.
//
// A crash leaves every claimed message 'sending', including those never
// handed to the server; the send journal (SendJournal) tells
// RecoverSending which ones those are.
func (b *OutboxBatch) Apply(ctx context.Context, moves []MessageMove, claim int, now time.Time) (claimed []Claimed, errs []error, err error) {
	if len(moves) == 0 && claim <= 0 {
		return nil, nil, nil
	}
	// The batch's connection is its own, so its prepared statements run
	// inside a transaction begun on it (database/sql's Tx would prepare
	// them again).
	if _, err = b.begin.ExecContext(ctx); err != nil {
		return nil, nil, domain.Wrap(err, domain.CodeTemporary, "the shop database is busy; try again in a moment")
	}
	defer func() {
		if err != nil {
			b.conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
		}
	}()
	errs = make([]error, len(moves))
	for i, mv := range moves {
		if errs[i] = execTransition(ctx, b.transition, mv.ID, mv.T); errs[i] != nil && domain.CodeOf(errs[i]) != domain.CodeConflict {
			return nil, nil, errs[i]
		}
	}
	if claim > 0 {
		if claimed, err = b.claimMany(ctx, now, claim); err != nil {
			return nil, nil, err
		}
	}
	if _, err = b.commit.ExecContext(ctx); err != nil {
		return nil, nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not update the outbox")
	}
	return claimed, errs, nil
}
