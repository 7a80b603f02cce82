package store

import (
	"context"
	"database/sql"
	"sync"
)

// stmtCache keeps hot look-ups (the automation planner's exit checks,
// re-entry, facts read row by row; the outbox's) prepared for the life of
// the Store: a plan asks them thousands of times, and preparing each time
// made parsing SQL about a sixth of a plan's CPU. Keyed by the query text.
type stmtCache struct {
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

// prepared returns query prepared once on the pool, closed with the Store.
func (s *Store) prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	r := s.stmts
	r.mu.Lock()
	defer r.mu.Unlock()
	if st, ok := r.m[query]; ok {
		return st, nil
	}
	st, err := s.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if r.m == nil {
		r.m = map[string]*sql.Stmt{}
	}
	r.m[query] = st
	return st, nil
}

// PreparedRow runs query through its prepared statement for one row; a
// failed prepare comes back from Scan.
func (s *Store) PreparedRow(ctx context.Context, query string, args ...any) Scanner {
	st, err := s.prepared(ctx, query)
	if err != nil {
		return errRow{err}
	}
	return st.QueryRowContext(ctx, args...)
}

// PreparedQuery runs query through its prepared statement.
func (s *Store) PreparedQuery(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := s.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

type errRow struct{ err error }

func (r errRow) Scan(...any) error { return r.err }

func (r *stmtCache) close() {
	if r == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, st := range r.m {
		st.Close()
	}
	r.m = nil
}
