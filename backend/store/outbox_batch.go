package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"shopclerk/backend/domain"
)

// OutboxBatch is the send loop's hold on the database for one run: the
// statements it runs per message are prepared once, on one connection,
// instead of being parsed again for every message.
type OutboxBatch struct {
	conn                          *sql.Conn
	claim, suppressed, transition *sql.Stmt
}

// BeginOutboxBatch prepares the send loop's statements. Close it when the
// run ends.
func (s *Store) BeginOutboxBatch(ctx context.Context) (*OutboxBatch, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeTemporary, "the shop database is busy; try again in a moment")
	}
	b := &OutboxBatch{conn: conn}
	for _, p := range []struct {
		st    **sql.Stmt
		query string
	}{
		{&b.claim, q("MsgClaimRow")},
		{&b.suppressed, q("SuppressionGet")},
		{&b.transition, q("MsgTransition")},
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
	for _, st := range []*sql.Stmt{b.claim, b.suppressed, b.transition} {
		if st != nil {
			st.Close()
		}
	}
	return b.conn.Close()
}

// ClaimNext is Store.ClaimNext in one statement: the next due message is
// marked 'sending' (committed before this returns) and read back by the
// same UPDATE ... RETURNING.
func (b *OutboxBatch) ClaimNext(ctx context.Context, now time.Time) (OutboxMessage, bool, error) {
	m, err := scanMessage(b.claim.QueryRowContext(ctx, now.Unix()))
	if errors.Is(err, sql.ErrNoRows) {
		return OutboxMessage{}, false, nil
	}
	if err != nil {
		return OutboxMessage{}, false, domain.Wrap(err, domain.CodeTemporary, "the shop database is busy; try again in a moment")
	}
	return m, true, nil
}

// Suppressed is Store.Suppressed on the batch's prepared statement.
func (b *OutboxBatch) Suppressed(ctx context.Context, email string) (Suppression, bool, error) {
	sp := Suppression{Email: normEmail(email)}
	var at int64
	err := b.suppressed.QueryRowContext(ctx, sp.Email).Scan(&sp.Reason, &sp.Detail, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return sp, false, nil
	}
	if err != nil {
		return sp, false, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the suppression list")
	}
	sp.At = time.Unix(at, 0).UTC()
	return sp, true, nil
}

// Transition is Store.TransitionMessage on the batch's prepared statement.
func (b *OutboxBatch) Transition(ctx context.Context, id int64, t Transition) error {
	return execTransition(ctx, b.transition, id, t)
}

func execTransition(ctx context.Context, st *sql.Stmt, id int64, t Transition) error {
	var at any
	if !t.At.IsZero() {
		at = t.At.Unix()
	}
	res, err := st.ExecContext(ctx, id, string(t.From), string(t.To), t.Reason,
		unixOrNull(t.NextAttempt), at, t.ServerReply, t.DeliveredTo, t.Unclaim)
	if err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not update the outbox")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.Errorf(domain.CodeConflict, "message %d is no longer %s", id, strings.ReplaceAll(string(t.From), "_", " "))
	}
	return nil
}
