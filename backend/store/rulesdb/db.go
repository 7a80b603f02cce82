// Package rulesdb is the store's automation concern: rules and their runs,
// the ledger of planned actions, the facts and occurrences the planner
// reads, the change detector and the effects a run applies in one
// transaction. Its queries live in queries/*.sql; the planner's hot
// look-ups run through the core's prepared statements. DB wraps the
// outbox's handle: a run queues messages and checks suppressions.
package rulesdb

import (
	"embed"

	"shopclerk/backend/store"
	"shopclerk/backend/store/outboxdb"
)

// DB is the shop database seen by the rules engine.
type DB struct{ *outboxdb.DB }

// New wraps an open store.
func New(st *store.Store) *DB { return &DB{outboxdb.New(st)} }

//go:embed queries/*.sql
var queryFS embed.FS

var q = store.NamedQueries(queryFS)
