package importdb

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/storetest"
)

func indexDefs(t *testing.T, s *DB) []string {
	t.Helper()
	rows, err := s.SQL().Query(`SELECT sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var d string
		rows.Scan(&d)
		out = append(out, d)
	}
	return out
}

// TestBulkIndexes: a batch that loads with the plain indexes dropped ends
// with every index back and the same rows, counts and aggregates as a
// normal batch; a failed one leaves the shop, indexes included, as before.
func TestBulkIndexes(t *testing.T) {
	ctx := context.Background()
	cust := &domain.Customer{Source: domain.SourceShopify, Email: "ann@example.com", FirstName: "Ann"}
	load := func(bulk bool, fail bool) func(w *Writer) error {
		return func(w *Writer) error {
			return inBulk(w, bulk, func() error {
				for _, o := range []domain.Order{sampleOrder("#1001", 1000, "ann@example.com"), sampleOrder("#1002", 3000, "ann@example.com")} {
					if err := w.UpsertOrder(o, cust); err != nil {
						return err
					}
				}
				if fail {
					return errors.New("cancelled")
				}
				return nil
			})
		}
	}
	plain := New(storetest.Open(t, storetest.At(testNow)))
	bulk := New(storetest.Open(t, storetest.At(testNow)))
	defs := indexDefs(t, bulk)
	if _, _, err := bulk.WriteBatch(ctx, domain.BatchMeta{FileName: "t.csv"}, WriteOptions{}, load(true, true)); err == nil {
		t.Fatal("failing batch succeeded")
	}
	if got := indexDefs(t, bulk); !reflect.DeepEqual(got, defs) {
		t.Fatalf("indexes after a failed bulk batch:\n%v\nwant\n%v", got, defs)
	}
	if n, _ := bulk.RowCounts(ctx); n["orders"] != 0 || n["customers"] != 0 {
		t.Fatalf("failed batch left rows: %v", n)
	}
	want := write(t, plain, load(false, false))
	got := write(t, bulk, load(true, false))
	if got != want {
		t.Errorf("bulk counts %+v, plain %+v", got, want)
	}
	if got := indexDefs(t, bulk); !reflect.DeepEqual(got, defs) {
		t.Errorf("indexes after a bulk batch:\n%v\nwant\n%v", got, defs)
	}
	var cache int64
	bulk.SQL().QueryRow(`PRAGMA cache_size`).Scan(&cache)
	if cache != -32000 {
		t.Errorf("cache_size after the batch = %d, want the shop's -32000", cache)
	}
	q := `SELECT orders_count, total_spent FROM customers WHERE email = 'ann@example.com'`
	var pn, ps, bn, bs int64
	plain.SQL().QueryRow(q).Scan(&pn, &ps)
	bulk.SQL().QueryRow(q).Scan(&bn, &bs)
	if pn != 2 || bn != pn || bs != ps {
		t.Errorf("aggregates bulk (%d, %d), plain (%d, %d)", bn, bs, pn, ps)
	}
	if again := write(t, bulk, load(true, false)); again.Unchanged != 2 || again.Created+again.Updated != 0 {
		t.Errorf("same batch again: %+v, want all unchanged", again)
	}
}

// inBulk runs fn the way a large import does when bulk is set: non-unique
// indexes dropped first and rebuilt after, or put back as they were when fn
// fails.
func inBulk(w *Writer, bulk bool, fn func() error) error {
	if !bulk {
		return fn()
	}
	b, err := w.DropIndexesForBulk(2000)
	if err != nil {
		return err
	}
	defer b.Restore()
	if err := fn(); err != nil {
		return err
	}
	return b.Rebuild()
}

// A bulk import on a connection whose temporary database is already open:
// SQLite then refuses to switch temp_store to FILE inside the transaction,
// which used to fail the import at its index rebuild. The rebuild now sorts
// in memory instead, and the connection keeps the pool's temp_store.
func TestBulkImportOnAConnectionWithItsTempDatabaseOpen(t *testing.T) {
	ctx := context.Background()
	s := New(storetest.Open(t, storetest.At(testNow)))
	// One connection, with its temporary database open: the batch gets it.
	s.SQL().SetMaxOpenConns(1)
	if _, err := s.SQL().ExecContext(ctx, `CREATE TEMP TABLE scratch (x)`); err != nil {
		t.Fatal(err)
	}
	cust := &domain.Customer{Source: domain.SourceShopify, Email: "ann@example.com"}
	_, _, err := s.ApplyBatch(ctx, domain.BatchMeta{FileName: "orders.csv"}, func(rs domain.RecordSink) error {
		w := rs.(*sink).Writer
		return inBulk(w, true, func() error {
			return w.UpsertOrder(sampleOrder("#1001", 1000, "ann@example.com"), cust)
		})
	})
	if err != nil {
		t.Fatalf("import on a connection with its temp database open: %v", err)
	}
	var v int
	if err := s.SQL().QueryRowContext(ctx, `PRAGMA temp_store`).Scan(&v); err != nil || v != 2 {
		t.Errorf("temp_store after the import %d (%v), want the pool's MEMORY (2)", v, err)
	}
	var n int
	s.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM orders`).Scan(&n)
	if n != 1 {
		t.Errorf("%d orders", n)
	}
}
