// Package importdb is the store's import concern: the batch Writer (one
// transaction per batch, natural-key upserts, row hashes, the bulk path's
// multi-row statements and index rebuilds), import batches, rejects and
// column mappings, and the Applier that takes an import's records from
// backend/importer. Its queries live in queries/*.sql.
package importdb

import (
	"embed"

	"shopclerk/backend/store"
)

// DB is the shop database seen by imports.
type DB struct{ *store.Store }

// New wraps an open store.
func New(st *store.Store) *DB { return &DB{st} }

//go:embed queries/*.sql
var queryFS embed.FS

var q = store.NamedQueries(queryFS)
