package rulesdb

import (
	"context"
	"database/sql"
	"sync"

	"shopclerk/backend/store"
)

type rowScanner = store.Scanner

// namedRower runs a named query for one row: the Store through its prepared
// statements, a transaction (txRows) through the ones kept for it.
type namedRower interface {
	namedRow(ctx context.Context, name string, args ...any) rowScanner
}

func (s *DB) namedRow(ctx context.Context, name string, args ...any) rowScanner {
	return s.PreparedRow(ctx, q(name), args...)
}

func (s *DB) namedQuery(ctx context.Context, name string, args ...any) (*sql.Rows, error) {
	return s.PreparedQuery(ctx, q(name), args...)
}

// txStmts keeps the statements a run's steps write with prepared on the
// pool for the life of the DB. A run applies every step in a transaction of
// its own, thousands of them: parsing each statement again in each one was
// about an eighth of a run's CPU. A transaction runs them through
// tx.StmtContext, which reuses the statement prepared on its connection.
type txStmts struct {
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

// get is query prepared on db, once.
func (c *txStmts) get(ctx context.Context, db *sql.DB, query string) (*sql.Stmt, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.m[query]; ok {
		return st, nil
	}
	st, err := db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if c.m == nil {
		c.m = map[string]*sql.Stmt{}
	}
	c.m[query] = st
	return st, nil
}

// txRows runs named statements in tx; db keeps them prepared (nil: each is
// prepared in tx, as database/sql does for a query's text).
type txRows struct {
	tx *sql.Tx
	db *DB
}

// stmt is the named statement bound to tx.
func (t txRows) stmt(ctx context.Context, name string) (*sql.Stmt, error) {
	if t.db == nil || t.db.stmts == nil {
		return t.tx.PrepareContext(ctx, q(name))
	}
	st, err := t.db.stmts.get(ctx, t.db.SQL(), q(name))
	if err != nil {
		return nil, err
	}
	return t.tx.StmtContext(ctx, st), nil
}

func (t txRows) namedRow(ctx context.Context, name string, args ...any) rowScanner {
	st, err := t.stmt(ctx, name)
	if err != nil {
		return errRow{err}
	}
	return st.QueryRowContext(ctx, args...)
}

func (t txRows) namedExec(ctx context.Context, name string, args ...any) (sql.Result, error) {
	st, err := t.stmt(ctx, name)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// errRow is a row whose statement could not be prepared: Scan says why.
type errRow struct{ err error }

func (r errRow) Scan(...any) error { return r.err }
