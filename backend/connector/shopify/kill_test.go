//go:build unix

package shopify_test

import (
	"context"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/connector"
	"shopclerk/backend/connector/shopify"
	"shopclerk/backend/domain"
	"shopclerk/backend/store"
	"shopclerk/backend/store/connectordb"
	"shopclerk/backend/store/storetest"
)

// child opens what a child process works on: the shop at $SYNC_DB, its
// store "standin", and a client for the stand-in at $SYNC_URL.
func child(pageSize int) (*connectordb.DB, domain.ConnectedStore, *shopify.Client) {
	ctx := context.Background()
	st, err := store.Open(ctx, os.Getenv("SYNC_DB"), store.Options{Clock: clock.Fixed{T: now}, Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		panic(err)
	}
	db := connectordb.New(st)
	cs, _, err := db.StoreByName(ctx, "standin")
	if err != nil {
		panic(err)
	}
	c, err := shopify.New(shopify.Config{URL: os.Getenv("SYNC_URL"), Auth: domain.AuthToken, Token: "shpat_standin", Bulk: -1,
		ClientOptions: connector.ClientOptions{PageSize: pageSize}})
	if err != nil {
		panic(err)
	}
	return db, cs, c
}

// The child process of TestKillNineMidSync: it syncs the stand-in into the
// shop and is killed while it waits for a page.
func syncChild() {
	db, cs, c := child(3)
	(&connector.Syncer{DB: db, FlushRecords: 3}).Sync(context.Background(), cs, c, false)
	os.Exit(3) // never reached: the parent kills us first
}

func TestMain(m *testing.M) {
	if os.Getenv("SYNC_CHILD") == "1" {
		syncChild()
	}
	if os.Getenv("PUSH_CHILD") == "1" {
		pushChild()
	}
	os.Exit(m.Run())
}

// kill -9 in the middle of a sync, then sync again: what was committed
// stays, the mark covers exactly it, and the next sync brings the rest and
// what changed meanwhile, with no order twice and none missing.
func TestKillNineMidSync(t *testing.T) {
	r := newRig(t)
	// The child opens the shop itself: it is made, and closed, first.
	dbPath := filepath.Join(t.TempDir(), "shop.db")
	st, err := store.Open(context.Background(), dbPath, store.Options{Clock: r.clock, Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	cs, err := connectordb.New(st).AddStore(context.Background(), domain.ConnectedStore{Name: "standin", Kind: domain.StoreShopify, URL: r.srv.URL, Auth: domain.AuthToken})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	r.cs = cs
	reached := make(chan struct{})
	release := make(chan struct{})
	orderPages := 0
	r.srv.Fault = func(n int, w http.ResponseWriter, req *http.Request) bool {
		if req.URL.Path == "/admin/oauth/access_token" || n < 5 {
			return false
		}
		orderPages++ // requests 5.. are the orders' pages
		if orderPages == 5 {
			close(reached)
			<-release // hang until the child is dead
			return true
		}
		return false
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "SYNC_CHILD=1", "SYNC_DB="+dbPath, "SYNC_URL="+r.srv.URL)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-reached:
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		t.Fatal("the child never reached the fifth page")
	}
	if err := cmd.Process.Kill(); err != nil { // SIGKILL
		t.Fatal(err)
	}
	cmd.Wait()
	close(release)
	r.srv.Fault = nil
	r.db = connectordb.New(storetest.Open(t, storetest.Path(dbPath), storetest.Clock(r.clock)))

	// Four pages of three were committed, each with its mark.
	if n := len(r.orders()); n != 12 {
		t.Fatalf("%d orders after the kill, want the 12 of the four committed pages", n)
	}
	mark, _ := r.db.Mark(context.Background(), cs.ID, string(connector.ResourceOrders))
	if mark.IsZero() {
		t.Fatal("no mark after four committed pages")
	}
	// While the sync was dead, the store changed an order already synced
	// and one not yet synced.
	later := now.Add(time.Hour)
	r.srv.Update("orders", "gid://shopify/Order/6295486857475", later, func(o map[string]any) { o["note"] = "changed while the sync was dead" })
	r.srv.Update("orders", "gid://shopify/Order/6322413502723", later, func(o map[string]any) { o["note"] = "also changed" })

	res := r.mustSync(false)
	got := r.orders()
	if len(got) != 20 {
		t.Fatalf("%d orders after the second sync, want 20", len(got))
	}
	if got["#1058"].Order.Note != "changed while the sync was dead" {
		t.Errorf("#1058's change was missed: note %q", got["#1058"].Order.Note)
	}
	if got["#1109"].Order.Note != "also changed" {
		t.Errorf("#1109's change was missed: note %q", got["#1109"].Order.Note)
	}
	if res.Counts.Created != 8 || res.Counts.Updated != 1 {
		t.Errorf("second sync: %+v, want the 8 not committed created and #1058 updated", res.Counts)
	}
	after, _ := r.db.Mark(context.Background(), cs.ID, string(connector.ResourceOrders))
	if !after.Equal(later.Truncate(time.Second)) {
		t.Errorf("mark %v after the second sync, want %v", after, later)
	}
}
