// Package inventorydb is the store's inventory concern: suppliers and
// their offers, SKU policies, sales and stock history for forecasts,
// purchase orders and receiving, and the low-stock digest's reads. Its
// queries live in queries/*.sql. DB wraps the outbox's handle: purchase
// orders and the digest go out as messages.
package inventorydb

import (
	"context"
	"database/sql"
	"embed"

	"shopclerk/backend/store"
	"shopclerk/backend/store/inventorydb/internal/queries"
	"shopclerk/backend/store/outboxdb"
)

// DB is the shop database seen by the inventory service.
type DB struct{ *outboxdb.DB }

// New wraps an open store.
func New(st *store.Store) *DB { return &DB{outboxdb.New(st)} }

//go:embed queries/*.sql
var queryFS embed.FS

// q looks up a query by name for the code still binding it by hand; the
// rest goes through the sqlc-generated internal/queries (gen).
var q = store.NamedQueries(queryFS)

// gen is the generated queries over the pool.
func (s *DB) gen() *queries.Queries { return queries.New(s.SQL()) }

// prepared is gen with its reads through the store's prepared statements,
// for the per-SKU reads an Advisor repeats hundreds of times a plan
// (parsing each again would cost more than running it).
func (s *DB) prepared() *queries.Queries { return queries.New(preparedDB{s.SQL(), s}) }

type preparedDB struct {
	*sql.DB
	s *DB
}

func (p preparedDB) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return p.s.PreparedQuery(ctx, query, args...)
}
