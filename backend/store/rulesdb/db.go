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
	"shopclerk/backend/store/rulesdb/internal/queries"
)

// DB is the shop database seen by the rules engine.
type DB struct {
	*outboxdb.DB
	stmts *txStmts // a run's writes, prepared once (rules_stmts.go)
}

// New wraps an open store.
func New(st *store.Store) *DB { return &DB{DB: outboxdb.New(st), stmts: &txStmts{}} }

//go:embed queries/*.sql
var queryFS embed.FS

// q looks up a query by name for the code binding it by hand: the
// planner's look-ups, kept prepared, the detector's and the facts' batch
// reads. Flows and run history go through the sqlc-generated
// internal/queries (gen).
var q = store.NamedQueries(queryFS)

// gen is the generated queries over the pool.
func (s *DB) gen() *queries.Queries { return queries.New(s.SQL()) }
