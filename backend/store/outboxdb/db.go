// Package outboxdb is the store's outbox concern: messages queued, claimed
// and moved through their states, the send journal, suppressions, saved
// email templates and the inbox sync's state. Its queries live in
// queries/*.sql. DB wraps the core handle, so consumers keep calling the
// core's methods (settings, lists) through it.
package outboxdb

import (
	"embed"

	"shopclerk/backend/store"
	"shopclerk/backend/store/outboxdb/internal/queries"
)

// DB is the shop database seen by the outbox, mail and inbox.
type DB struct{ *store.Store }

// New wraps an open store.
func New(st *store.Store) *DB { return &DB{st} }

//go:embed queries/*.sql
var queryFS embed.FS

// q looks up a query by name for the code binding it by hand (the send
// path's statements, which sqlc cannot parse or which stay prepared); the
// rest goes through the sqlc-generated internal/queries (gen).
var q = store.NamedQueries(queryFS)

// gen is the generated queries over the pool.
func (s *DB) gen() *queries.Queries { return queries.New(s.SQL()) }
