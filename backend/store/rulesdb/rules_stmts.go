package rulesdb

import (
	"context"
	"database/sql"

	"shopclerk/backend/store"
)

type rowScanner = store.Scanner

// namedRower runs a named query for one row: the Store through its prepared
// statements, a transaction (txRows) directly.
type namedRower interface {
	namedRow(ctx context.Context, name string, args ...any) rowScanner
}

func (s *DB) namedRow(ctx context.Context, name string, args ...any) rowScanner {
	return s.PreparedRow(ctx, q(name), args...)
}

func (s *DB) namedQuery(ctx context.Context, name string, args ...any) (*sql.Rows, error) {
	return s.PreparedQuery(ctx, q(name), args...)
}

type txRows struct{ tx *sql.Tx }

func (t txRows) namedRow(ctx context.Context, name string, args ...any) rowScanner {
	return t.tx.QueryRowContext(ctx, q(name), args...)
}
