package store

import (
	"context"
	"database/sql"
	"sync"
)

// ruleStmts keeps the planner's per-occurrence look-ups (exit checks,
// re-entry, facts read row by row) prepared for the life of the Store: a
// plan asks them thousands of times, and preparing each time made parsing
// SQL about a sixth of a plan's CPU.
type ruleStmts struct {
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

type rowScanner interface{ Scan(dest ...any) error }

type errRow struct{ err error }

func (r errRow) Scan(...any) error { return r.err }

// namedRower runs a named query for one row: the Store through its prepared
// statements, a transaction (txRows) directly.
type namedRower interface {
	namedRow(ctx context.Context, name string, args ...any) rowScanner
}

func (s *Store) prepared(ctx context.Context, name string) (*sql.Stmt, error) {
	r := s.ruleStmts
	r.mu.Lock()
	defer r.mu.Unlock()
	if st, ok := r.m[name]; ok {
		return st, nil
	}
	st, err := s.db.PrepareContext(ctx, q(name))
	if err != nil {
		return nil, err
	}
	if r.m == nil {
		r.m = map[string]*sql.Stmt{}
	}
	r.m[name] = st
	return st, nil
}

func (s *Store) namedRow(ctx context.Context, name string, args ...any) rowScanner {
	st, err := s.prepared(ctx, name)
	if err != nil {
		return errRow{err}
	}
	return st.QueryRowContext(ctx, args...)
}

func (s *Store) namedQuery(ctx context.Context, name string, args ...any) (*sql.Rows, error) {
	st, err := s.prepared(ctx, name)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

func (r *ruleStmts) close() {
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

type txRows struct{ tx *sql.Tx }

func (t txRows) namedRow(ctx context.Context, name string, args ...any) rowScanner {
	return t.tx.QueryRowContext(ctx, q(name), args...)
}
