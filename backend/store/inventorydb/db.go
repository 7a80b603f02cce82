// Package inventorydb is the store's inventory concern: suppliers and
// their offers, SKU policies, sales and stock history for forecasts,
// purchase orders and receiving, and the low-stock digest's reads. Its
// queries live in queries/*.sql. DB wraps the outbox's handle: purchase
// orders and the digest go out as messages.
package inventorydb

import (
	"embed"

	"shopclerk/backend/store"
	"shopclerk/backend/store/outboxdb"
)

// DB is the shop database seen by the inventory service.
type DB struct{ *outboxdb.DB }

// New wraps an open store.
func New(st *store.Store) *DB { return &DB{outboxdb.New(st)} }

//go:embed queries/*.sql
var queryFS embed.FS

var q = store.NamedQueries(queryFS)
