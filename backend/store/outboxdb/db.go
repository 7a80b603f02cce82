// Package outboxdb is the store's outbox concern: messages queued, claimed
// and moved through their states, the send journal, suppressions, saved
// email templates and the inbox sync's state. Its queries live in
// queries/*.sql. DB wraps the core handle, so consumers keep calling the
// core's methods (settings, lists) through it.
package outboxdb

import (
	"embed"

	"shopclerk/backend/store"
)

// DB is the shop database seen by the outbox, mail and inbox.
type DB struct{ *store.Store }

// New wraps an open store.
func New(st *store.Store) *DB { return &DB{st} }

//go:embed queries/*.sql
var queryFS embed.FS

var q = store.NamedQueries(queryFS)
