package importdb

import (
	"regexp"
	"strconv"
	"strings"
)

// importBulkTables are the tables a large orders import fills; their plain
// secondary indexes are dropped during the load and rebuilt before commit.
var importBulkTables = []string{"orders", "line_items", "customers"}

// bulkTouchedMin is how many customers the batch did not create (so whose
// aggregates must be read back from orders) make one pass over all orders
// cheaper than refreshing each through the orders_customer index.
const bulkTouchedMin = 50000

// BulkIndexes is the state of an import batch that loads with the bulk
// tables' secondary indexes dropped (see Writer.DropIndexesForBulk).
type BulkIndexes struct {
	w         *Writer
	defs      []string
	cacheSize int64
	threads   int64
	tempStore int64 // the connection's temp_store, when Rebuild changed it (-1: not changed)
	done      bool
}

// TableRows estimates how many rows a bulk table holds (its largest rowid),
// cheaply, to decide whether a batch is large relative to it.
func (w *Writer) TableRows(table string) (int64, error) {
	var n int64
	err := w.tx.QueryRowContext(w.ctx, "SELECT COALESCE(MAX(rowid), 0) FROM "+quoteIdent(table)).Scan(&n)
	return n, err
}

// Written is how many rows the batch has created or updated so far.
func (w *Writer) Written() int { return w.counts.Created + w.counts.Updated }

// DropIndexesForBulk drops the non-unique secondary indexes of orders,
// line_items and customers for an import batch that is large relative to
// those tables: building an index once from sorted rows costs a fraction of
// keeping it up to date through a million random inserts, and the inserts
// then append to the tables' rowid order. Unique indexes stay, so every
// natural-key lookup of the batch (orders, customers by email) still works,
// and so do partial indexes that hold few rows (partialIndexSmall).
// The page cache of the connection is set to cacheKiB for the load.
//
// The caller must call Rebuild (or Restore on failure) before the batch's
// function returns; a rollback restores the indexes in any case.
func (w *Writer) DropIndexesForBulk(cacheKiB int64) (*BulkIndexes, error) {
	b := &BulkIndexes{w: w, tempStore: -1}
	if err := w.tx.QueryRowContext(w.ctx, "PRAGMA cache_size").Scan(&b.cacheSize); err != nil {
		return nil, err
	}
	if err := w.tx.QueryRowContext(w.ctx, "PRAGMA threads").Scan(&b.threads); err != nil {
		return nil, err
	}
	if cacheKiB > 0 {
		if _, err := w.tx.ExecContext(w.ctx, "PRAGMA cache_size = -"+strconv.FormatInt(cacheKiB, 10)); err != nil {
			return nil, err
		}
	}
	in := "'" + strings.Join(importBulkTables, "', '") + "'"
	all, err := w.secondaryIndexes(in, " AND sql NOT LIKE 'CREATE UNIQUE%'")
	if err != nil {
		b.Restore()
		return nil, err
	}
	var names []string
	for _, ix := range all {
		small, err := w.partialIndexSmall(ix.table, ix.def)
		if err != nil {
			b.Restore()
			return nil, err
		}
		if small {
			continue
		}
		names = append(names, ix.name)
		b.defs = append(b.defs, ix.def)
	}
	for _, n := range names {
		if err := w.dropIndex(n); err != nil {
			b.Restore()
			return nil, err
		}
	}
	return b, nil
}

// partialSample is how many of a table's newest rows tell whether a partial
// index covers few rows; partialSmall is the share under which it does.
const (
	partialSample = 1000
	partialSmall  = 0.1
)

// partialWhere finds the WHERE clause of a partial index's definition.
var partialWhere = regexp.MustCompile(`(?is)\)\s+WHERE\s+(.+)$`)

// partialIndexSmall says whether def is a partial index that holds few of
// the table's newest rows (cancelled, pending or refunded orders, say). Such
// an index stays during a bulk load: keeping it up to date costs a test of
// its WHERE clause per row and an insert for the few that match, while
// rebuilding it costs a scan of the whole table (a quarter of a second per
// index at 550k orders, as much as loading the orders' lines).
func (w *Writer) partialIndexSmall(table, def string) (bool, error) {
	m := partialWhere.FindStringSubmatch(def)
	if m == nil {
		return false, nil
	}
	var matched, sampled int64
	// The table names are importBulkTables, the clause the index's own.
	err := w.tx.QueryRowContext(w.ctx, "SELECT COUNT(*) FILTER (WHERE "+m[1]+"), COUNT(*) FROM (SELECT * FROM "+quoteIdent(table)+
		" ORDER BY rowid DESC LIMIT "+strconv.Itoa(partialSample)+")").Scan(&matched, &sampled)
	if err != nil {
		// A WITHOUT ROWID table, or a clause that does not read as an
		// expression on its own: rebuild the index as before.
		return false, nil
	}
	return sampled > 0 && float64(matched) <= partialSmall*float64(sampled), nil
}

// Rebuild writes the aggregates UpsertOrders summed for the customers the
// batch created (while the customers' indexes are still dropped); refreshes
// the other customers of the batch in one pass when there are many of them
// (two scans of orders and a sort, instead of five index probes each; few
// are left to finish, which probes the rebuilt indexes); then it recreates
// the dropped indexes from their own definitions, with one sorter thread on
// the core the parser has left; and it restores the connection's pragmas.
// The sorter keeps up to cache_size bytes in memory per thread (in
// power-of-two blocks), so the cache is 2 MB meanwhile: the index builds read
// the tables once in order and append, so it costs no time (1M line items:
// the rebuild takes 4.6 s with 2 MB and one sorter thread, 5.8 s and 10 MB
// more with 8 MB, 5.6 s with no sorter thread, 4.6 s with two). Sorts spill to
// temporary files (temp_store = FILE meanwhile; with MEMORY SQLite sorts a
// whole index, or the aggregates' GROUP BY, in RAM). Only meanwhile: the
// load itself is faster with the pool's MEMORY. SQLite refuses the change
// inside a transaction once the connection's temporary database is open;
// the rebuild then sorts in memory rather than fail the import.
func (b *BulkIndexes) Rebuild() error {
	w := b.w
	for _, p := range []string{"PRAGMA threads = 1", "PRAGMA cache_size = -2048"} {
		if _, err := w.tx.ExecContext(w.ctx, p); err != nil {
			return err
		}
	}
	var prev int64
	if err := w.tx.QueryRowContext(w.ctx, "PRAGMA temp_store").Scan(&prev); err != nil {
		return err
	}
	if _, err := w.tx.ExecContext(w.ctx, "PRAGMA temp_store = FILE"); err == nil {
		b.tempStore = prev
	}
	if err := w.flushAggregates(); err != nil {
		return err
	}
	if len(w.touched) >= bulkTouchedMin {
		if _, err := w.tx.ExecContext(w.ctx, q("ImportBulkAggregates"), w.batchID); err != nil {
			return err
		}
		clear(w.touched)
	}
	for _, def := range b.defs {
		if _, err := w.tx.ExecContext(w.ctx, def); err != nil {
			return err
		}
	}
	b.defs = nil
	return b.Restore()
}

// Restore puts the connection's pragmas back; the indexes come back with
// Rebuild or with the batch's rollback. (After a cancellation the
// transaction may already be gone: the connection then keeps the smaller
// page cache, which costs nothing but a little speed.)
func (b *BulkIndexes) Restore() error {
	if b.done {
		return nil
	}
	b.done = true
	w := b.w
	_, err1 := w.tx.ExecContext(w.ctx, "PRAGMA threads = "+strconv.FormatInt(b.threads, 10))
	_, err2 := w.tx.ExecContext(w.ctx, "PRAGMA cache_size = "+strconv.FormatInt(b.cacheSize, 10))
	var err3 error
	if b.tempStore >= 0 {
		_, err3 = w.tx.ExecContext(w.ctx, "PRAGMA temp_store = "+strconv.FormatInt(b.tempStore, 10))
	}
	for _, err := range []error{err1, err2, err3} {
		if err != nil {
			return err
		}
	}
	return nil
}
