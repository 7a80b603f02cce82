package importdb

import (
	"context"
	"database/sql"
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

// An import's batch sorts through temporary files (temp_store = FILE) from
// its first row to its rebuilt indexes, set on its connection before the
// transaction: SQLite refuses the change inside one once the connection's
// temporary database is open, which made the bulk rebuild fail on such a
// connection. Afterwards the connection is the pool's again (MEMORY).
func TestImportSortsThroughTempFiles(t *testing.T) {
	ctx := context.Background()
	s := New(storetest.Open(t, storetest.At(testNow)))
	// One connection, with its temporary database open: the batch gets it.
	s.SQL().SetMaxOpenConns(1)
	if _, err := s.SQL().ExecContext(ctx, `CREATE TEMP TABLE scratch (x)`); err != nil {
		t.Fatal(err)
	}
	tempStore := func(q interface {
		QueryRowContext(context.Context, string, ...any) *sql.Row
	}) int {
		t.Helper()
		var v int
		if err := q.QueryRowContext(ctx, `PRAGMA temp_store`).Scan(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	var during []int
	cust := &domain.Customer{Source: domain.SourceShopify, Email: "ann@example.com"}
	_, _, err := s.ApplyBatch(ctx, domain.BatchMeta{FileName: "orders.csv"}, func(rs domain.RecordSink) error {
		w := rs.(*sink).Writer
		during = append(during, tempStore(w.tx))
		return inBulk(w, true, func() error {
			during = append(during, tempStore(w.tx))
			return w.UpsertOrder(sampleOrder("#1001", 1000, "ann@example.com"), cust)
		})
	})
	if err != nil {
		t.Fatalf("import on a connection with its temp database open: %v", err)
	}
	if len(during) != 2 || during[0] != 1 || during[1] != 1 {
		t.Errorf("temp_store during the import %v, want FILE (1) throughout", during)
	}
	if v := tempStore(s.SQL()); v != 2 {
		t.Errorf("temp_store after the import %d, want the pool's MEMORY (2)", v)
	}
}
