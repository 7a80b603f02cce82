package connectordb

import (
	"context"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/customersdb"
	"shopclerk/backend/store/storetest"
)

// movable is a clock the test moves by hand.
type movable struct{ t time.Time }

func (m *movable) Now() time.Time { return m.t }

// store_marks grew by every tag and hold for as long as the shop lived:
// a sweep now prunes the marks no store needs any more (every store
// writing tags back swept past them, no write made from them waits for a
// try) once they are a week old, and keeps every other.
func TestSweepPrunesMarksNoStoreNeeds(t *testing.T) {
	ctx := context.Background()
	clk := &movable{t: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
	db := New(storetest.Open(t, storetest.Clock(clk)))
	exec := func(query string, args ...any) {
		t.Helper()
		if _, err := db.SQL().ExecContext(ctx, query, args...); err != nil {
			t.Fatal(err)
		}
	}
	marks := func() (n int) {
		t.Helper()
		if err := db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM store_marks`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	exec(`INSERT INTO customers (email, source, created_at, updated_at) VALUES ('ann@example.com', 'shopify', 1, 1)`)
	a, err := db.AddStore(ctx, domain.ConnectedStore{Name: "a", Kind: domain.StoreShopify, URL: "https://a.myshopify.com"})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SetWrites(ctx, a.ID, domain.StoreWrites{Tags: true}); err != nil {
		t.Fatal(err)
	}
	tags := customersdb.New(db.Store)
	for _, tag := range []string{"vip", "wholesale"} {
		if _, _, err := tags.SetTag(ctx, 1, tag, true); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Sweep(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	due, err := db.DueWrites(ctx, a.ID, 10)
	if err != nil || len(due) != 2 {
		t.Fatalf("due: %v %v", due, err)
	}
	// vip is written; wholesale's write waits for a retry.
	if err := db.FinishWrite(ctx, due[0].ID, domain.WriteDone, "gid://1", ""); err != nil {
		t.Fatal(err)
	}
	if err := db.WaitWrite(ctx, due[1].ID, "the store is down", clk.t.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	// A second store turned on later has swept nothing yet: what it has
	// not swept is kept for it.
	b, err := db.AddStore(ctx, domain.ConnectedStore{Name: "b", Kind: domain.StoreShopify, URL: "https://b.myshopify.com"})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SetWrites(ctx, b.ID, domain.StoreWrites{Tags: true}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := tags.SetTag(ctx, 1, "gift", true); err != nil {
		t.Fatal(err)
	}

	// Within the week every mark stays.
	clk.t = clk.t.Add(6 * 24 * time.Hour)
	if err := db.Sweep(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if n := marks(); n != 3 {
		t.Fatalf("%d marks after 6 days, want 3", n)
	}
	// A week on: vip's mark goes; wholesale's write still waits, and b has
	// not swept gift's mark (a has, and queued it).
	clk.t = clk.t.Add(2 * 24 * time.Hour)
	if err := db.Sweep(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	var left []string
	rows, _ := db.SQL().QueryContext(ctx, `SELECT value FROM store_marks ORDER BY id`)
	for rows.Next() {
		var v string
		rows.Scan(&v)
		left = append(left, v)
	}
	rows.Close()
	if len(left) != 2 || left[0] != "wholesale" || left[1] != "gift" {
		t.Fatalf("marks left %v, want [wholesale gift]", left)
	}
	// Written at last, and b swept: the sweeps after that prune the rest
	// once a's gift write is done too.
	if err := db.FinishWrite(ctx, due[1].ID, domain.WriteDone, "gid://1", ""); err != nil {
		t.Fatal(err)
	}
	if err := db.Sweep(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	for _, s := range []int64{a.ID, b.ID} {
		d, _ := db.DueWrites(ctx, s, 10)
		for _, w := range d {
			if err := db.FinishWrite(ctx, w.ID, domain.WriteDone, "gid://1", ""); err != nil {
				t.Fatal(err)
			}
		}
	}
	clk.t = clk.t.Add(8 * 24 * time.Hour)
	if err := db.Sweep(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if n := marks(); n != 0 {
		t.Fatalf("%d marks left when no store needs any", n)
	}
}
