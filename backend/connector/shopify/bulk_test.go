package shopify_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"reflect"
	"testing"
	"time"

	"shopclerk/backend/connector"
	"shopclerk/backend/domain"
)

// copies puts k copies of the fixture's orders in the stand-in, each
// copy's orders updated an hour later than the one before.
func (r *rig) copies(k int) {
	r.t.Helper()
	raw, err := os.ReadFile("testdata/orders_2025-04_CAD.json")
	if err != nil {
		r.t.Fatal(err)
	}
	var base []map[string]any
	json.Unmarshal(raw, &base)
	for i := 1; i < k; i++ { // the rig holds copy 0 already
		for _, o := range base {
			var c map[string]any
			json.Unmarshal(mustJSON(o), &c)
			c["id"] = fmt.Sprintf("%s%d", c["id"], i)
			c["name"] = fmt.Sprintf("%s-%d", c["name"], i)
			c["updatedAt"] = now.Add(-time.Duration(k-i) * time.Hour).Format(time.RFC3339)
			r.srv.Put("orders", c)
		}
	}
}

// A first sync of a large shop reads its orders through one bulk
// operation: it waits for Shopify to finish (polling, longer each time),
// streams the JSONL file with each line item after its order, never sends
// the token to the file's address, and stores exactly what pages would
// have: the same orders, lines and totals. The mark is the newest order of
// all; the next sync reads pages from there.
func TestFirstSyncOfALargeShopReadsInBulk(t *testing.T) {
	paged := newRig(t)
	paged.copies(30)
	paged.mustSync(false)
	want := paged.orders()

	r := newRig(t)
	r.srv = paged.srv
	r.srv.BulkPolls = 2
	cs, _ := r.db.AddStore(context.Background(), domain.ConnectedStore{Name: "bulk", Kind: domain.StoreShopify, URL: r.srv.URL, Auth: domain.AuthToken})
	r.cs = cs
	r.cfg.URL, r.cfg.Bulk = r.srv.URL, 100
	res := r.mustSync(false)
	if r.srv.BulkRuns() != 1 {
		t.Fatalf("%d bulk operations, want 1", r.srv.BulkRuns())
	}
	got := r.orders()
	if len(got) != 600 || len(got) != len(want) || res.Counts.Created < 600 {
		t.Fatalf("%d orders from the bulk file, %d from pages (%+v)", len(got), len(want), res.Counts)
	}
	for name, w := range want {
		g := got[name]
		if g.Order.Total != w.Order.Total || len(g.Order.Lines) != len(w.Order.Lines) || g.Order.FinancialStatus != w.Order.FinancialStatus ||
			!reflect.DeepEqual(lineNames(g), lineNames(w)) {
			t.Fatalf("%s from the bulk file differs from pages:\n%+v\n%+v", name, g.Order, w.Order)
		}
	}
	var polls []time.Duration
	for _, d := range r.sleeps.all() {
		if d >= time.Second {
			polls = append(polls, d)
		}
	}
	if !reflect.DeepEqual(polls, []time.Duration{time.Second, 2 * time.Second}) {
		t.Errorf("waits for the bulk operation %v, want 1s then 2s", polls)
	}
	mark, _ := r.db.Mark(context.Background(), cs.ID, string(connector.ResourceOrders))
	if !mark.Equal(now.Add(-time.Hour).Truncate(time.Second)) {
		t.Errorf("mark %v, want the newest order's %v", mark, now.Add(-time.Hour))
	}
	again := r.mustSync(false)
	if r.srv.BulkRuns() != 1 || again.Counts.Created != 0 {
		t.Errorf("second sync: %d bulk runs, %+v", r.srv.BulkRuns(), again.Counts)
	}
}

func lineNames(d domain.OrderDetail) []string {
	var out []string
	for _, l := range d.Order.Lines {
		out = append(out, fmt.Sprintf("%s×%d@%d", l.Name, l.Quantity, l.Price))
	}
	return out
}

// A bulk file whose download breaks off fails the sync with a plain
// reason and keeps what was committed; the mark does not move, so the
// next sync reads everything again and nothing is missing or twice.
func TestBulkDownloadBrokenOff(t *testing.T) {
	r := newRig(t)
	r.copies(30)
	r.cfg.Bulk = 100
	broken := true
	r.srv.Fault = func(n int, w http.ResponseWriter, req *http.Request) bool {
		if broken && req.Method == http.MethodGet {
			w.Header().Set("Content-Length", "100000")
			w.WriteHeader(http.StatusOK)
			fmt.Fprintln(w, `{"id":"gid://shopify/Order/1","name":"#1"`) // cut mid-line
			return true
		}
		return false
	}
	if _, err := r.sync(false); domain.CodeOf(err) != domain.CodeTemporary {
		t.Fatalf("broken download: %v", err)
	}
	if mark, _ := r.db.Mark(context.Background(), r.cs.ID, string(connector.ResourceOrders)); !mark.IsZero() {
		t.Fatalf("the mark moved to %v on a broken bulk read", mark)
	}
	broken = false
	r.mustSync(false)
	if got := r.orders(); len(got) != 600 {
		t.Fatalf("%d orders after the retry, want 600", len(got))
	}
}
