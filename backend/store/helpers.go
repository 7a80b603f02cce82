package store

import (
	"context"
	"database/sql"
	"strings"
)

// The helpers below are what the concern packages (outboxdb, rulesdb,
// inventorydb, importdb) share; each wraps the core handle and reaches the
// database only through these.

// SQL is the pooled database handle, for the concern packages' queries.
func (s *Store) SQL() *sql.DB { return s.db }

// Now is the pinned clock's time in the stored form.
func (s *Store) Now() int64 { return s.clock.Now().Unix() }

// Scanner is a *sql.Row or *sql.Rows.
type Scanner interface{ Scan(dest ...any) error }

// Queryer is a *sql.DB, *sql.Conn or *sql.Tx.
type Queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// JoinTags is how tags are stored: one comma-separated column.
func JoinTags(tags []string) string { return strings.Join(tags, ", ") }

// BoolInt is SQLite's form of a bool.
func BoolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// NormEmail is the form an address is compared and stored in.
func NormEmail(e string) string { return strings.ToLower(strings.TrimSpace(e)) }
