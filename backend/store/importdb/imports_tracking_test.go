package importdb

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"shopclerk/backend/domain"

	"shopclerk/backend/store/storetest"
)

// The tracking file's look-ups run once per row: each must use an index,
// or a 100,000-line file onto a shop of as many orders scans 10^10 rows (a
// COLLATE on the wrong side of IN did exactly that).
func TestTrackingQueriesUseIndexes(t *testing.T) {
	db := New(storetest.Open(t))
	// A shop of some size with the planner's statistics, as after a real
	// import (WriteBatch runs PRAGMA optimize): with them SQLite preferred
	// walking orders_created to sorting two rows.
	_, _, err := db.WriteBatch(context.Background(), domain.BatchMeta{FileName: "orders", Kind: "orders"}, WriteOptions{}, func(w *Writer) error {
		for i := range 3000 {
			name := fmt.Sprintf("#%d", 1000+i)
			if err := w.UpsertOrder(storetest.Order(name, 1000, fmt.Sprintf("b%d@example.com", i%300), testNow.Add(time.Duration(i)*time.Minute)), nil); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().ExecContext(context.Background(), "ANALYZE"); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"TrackingOrderByName", "TrackingOrderByID", "TrackingOtherOrders", "TrackingShipmentGet", "TrackingUnmatchedGet"} {
		rows, err := db.SQL().QueryContext(context.Background(), "EXPLAIN QUERY PLAN "+q(name), "1001", 1)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, notused int
			var detail string
			if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		for _, step := range plan {
			// "SCAN t USING INDEX i" reads the whole index: a scan all the same.
			if strings.HasPrefix(step, "SCAN ") {
				t.Errorf("%s scans a table: %s", name, strings.Join(plan, "; "))
			}
		}
	}
}
