package store

import (
	"context"
	"database/sql"

	"shopclerk/backend/clock"
)

// Execer is a *sql.Tx (or *sql.DB) as a write that joins another concern's
// transaction takes it: a hook such as customersdb.HoldQueue, which the
// write-back queue fills, is typed with it so that packages above the store
// pass it along without importing database/sql.
type Execer interface {
	Queryer
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// Clock is the store's source of "now" (pinned in tests and with --now),
// for a service built over the store alone, such as the automations'
// customer facts.
func (s *Store) Clock() clock.Clock { return s.clock }
