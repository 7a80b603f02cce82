package store

import (
	"context"
	"database/sql"
)

// Execer is a *sql.Tx (or *sql.DB) as a write that joins another concern's
// transaction takes it: a hook such as customersdb.HoldQueue, which the
// write-back queue fills, is typed with it so that packages above the store
// pass it along without importing database/sql.
type Execer interface {
	Queryer
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}
