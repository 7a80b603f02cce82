//go:build unix

package etsy_test

import (
	"context"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/connector"
	"shopclerk/backend/connector/etsy"
	"shopclerk/backend/domain"
	"shopclerk/backend/store"
	"shopclerk/backend/store/connectordb"
	"shopclerk/backend/store/storetest"
)

// The child process of TestKillNineMidSync: it syncs the stand-in at
// $SYNC_URL into the shop at $SYNC_DB, two receipts a page, and is killed
// while it waits for a page.
func syncChild() {
	ctx := context.Background()
	st, err := store.Open(ctx, os.Getenv("SYNC_DB"), store.Options{Clock: clock.Fixed{T: now}, Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		panic(err)
	}
	db := connectordb.New(st)
	cs, _, err := db.StoreByName(ctx, "etsy")
	if err != nil {
		panic(err)
	}
	c, err := etsy.New(etsy.Config{URL: os.Getenv("SYNC_URL"), Keystring: os.Getenv("SYNC_KEY"), ClientOptions: connector.ClientOptions{PageSize: 2, Clock: clock.Fixed{T: now}},
		Secret: etsy.Secret{SharedSecret: os.Getenv("SYNC_SHARED"), RefreshToken: os.Getenv("SYNC_TOKEN")}})
	if err != nil {
		panic(err)
	}
	(&connector.Syncer{DB: db, FlushRecords: 2}).Sync(ctx, cs, c, false)
	os.Exit(3) // never reached: the parent kills us first
}

func TestMain(m *testing.M) {
	if os.Getenv("SYNC_CHILD") == "1" {
		syncChild()
	}
	os.Exit(m.Run())
}

// twelve puts twelve receipts in the stand-in, one changed an hour after
// the other from 02-10 on.
func twelve(t *testing.T, r *rig) {
	base := receipts(t)[0]
	for i := range 12 {
		rec := map[string]any{}
		for k, v := range base {
			rec[k] = v
		}
		rec["receipt_id"] = float64(3100000000 + i)
		rec["update_timestamp"] = float64(1770717600 + i*3600)
		r.srv.Put("receipts", rec)
	}
}

// kill -9 in the middle of an Etsy sync, then sync again: what was
// committed stays with its mark, and the next sync brings the rest and
// what changed meanwhile, with no receipt twice and none missing.
func TestKillNineMidSync(t *testing.T) {
	r := newRig(t)
	twelve(t, r)
	dbPath := filepath.Join(t.TempDir(), "shop.db")
	st, err := store.Open(context.Background(), dbPath, store.Options{Clock: clock.Fixed{T: now}, Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	cs, err := connectordb.New(st).AddStore(context.Background(), domain.ConnectedStore{Name: "etsy", Kind: domain.StoreEtsy, URL: r.srv.URL, Auth: domain.AuthOAuth, ClientID: r.srv.Keystring})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	r.cs = cs
	reached, release := make(chan struct{}), make(chan struct{})
	pages := 0
	r.srv.SetFault(func(n int, w http.ResponseWriter, req *http.Request) bool {
		if !strings.HasSuffix(req.URL.Path, "/receipts") {
			return false
		}
		if pages++; pages == 4 {
			close(reached)
			<-release // hang until the child is dead
			return true
		}
		return false
	})
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "SYNC_CHILD=1", "SYNC_DB="+dbPath, "SYNC_URL="+r.srv.URL, "SYNC_KEY="+r.srv.Keystring,
		"SYNC_SHARED="+r.srv.SharedSecret, "SYNC_TOKEN="+r.srv.RefreshToken())
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-reached:
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		t.Fatal("the child never reached the fourth page of receipts")
	}
	if err := cmd.Process.Kill(); err != nil { // SIGKILL
		t.Fatal(err)
	}
	cmd.Wait()
	close(release) // later pages are answered as usual (pages > 4)
	r.db = connectordb.New(storetest.Open(t, storetest.Path(dbPath), storetest.Clock(clock.Fixed{T: now})))

	// Three pages of two were committed, each with its mark.
	if n := len(r.orders()); n != 6 {
		t.Fatalf("%d orders after the kill, want the 6 of the three committed pages", n)
	}
	if mark, _ := r.db.Mark(context.Background(), cs.ID, string(connector.ResourceOrders)); mark.IsZero() {
		t.Fatal("no mark after three committed pages")
	}
	// While the sync was dead, a receipt already synced was shipped.
	rec := r.srv.Receipt(3100000001)
	rec["is_shipped"], rec["update_timestamp"] = true, float64(now.Unix())
	r.srv.Put("receipts", rec)

	res := r.mustSync(false)
	got := r.orders()
	if len(got) != 15 {
		t.Fatalf("%d orders after the second sync, want the 12 and the 3 documented", len(got))
	}
	if got["3100000001"].Order.FulfillmentStatus != domain.FulfillmentFulfilled {
		t.Error("the change made while the sync was dead was missed")
	}
	if res.Counts.Created != 9 {
		t.Errorf("second sync: %+v, want the 9 not committed created", res.Counts)
	}
}
