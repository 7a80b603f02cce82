// Package importdb is the store's import concern: the batch Writer (one
// transaction per batch, natural-key upserts, row hashes, the bulk path's
// multi-row statements and index rebuilds), import batches, rejects and
// column mappings, and the Applier that takes an import's records from
// backend/importer. Its queries live in queries/*.sql.
package importdb

import (
	"embed"

	"shopclerk/backend/store"
	"shopclerk/backend/store/importdb/internal/queries"
)

// DB is the shop database seen by imports.
type DB struct{ *store.Store }

// New wraps an open store.
func New(st *store.Store) *DB { return &DB{st} }

//go:embed queries/*.sql
var queryFS embed.FS

// q looks up a query by name for the Writer's statements, prepared per
// batch and partly built at run time (multi-row inserts); the import
// history and mappings go through the sqlc-generated internal/queries.
var q = store.NamedQueries(queryFS)

// gen is the generated queries over the pool.
func (s *DB) gen() *queries.Queries { return queries.New(s.SQL()) }
