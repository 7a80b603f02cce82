package etsy_test

import (
	"context"
	"os"
	"testing"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/connector"
	"shopclerk/backend/connector/etsy"
	"shopclerk/backend/connector/etsy/etsytest"
	"shopclerk/backend/domain"
	"shopclerk/backend/store/connectordb"
	"shopclerk/backend/store/storetest"
)

var now = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

type rig struct {
	t     *testing.T
	db    *connectordb.DB
	srv   *etsytest.Server
	cs    domain.ConnectedStore
	cfg   etsy.Config
	saved []string // secrets handed to Config.Save
	waits []time.Duration
}

func newRig(t *testing.T) *rig {
	t.Helper()
	st := storetest.Open(t, storetest.At(now))
	srv := etsytest.New()
	t.Cleanup(srv.Close)
	for list, file := range map[string]string{"receipts": "getShopReceipts.json", "listings": "getListingsByShop.json"} {
		b, err := os.ReadFile("testdata/" + file)
		if err != nil {
			t.Fatal(err)
		}
		if err := srv.PutJSON(list, b); err != nil {
			t.Fatal(err)
		}
	}
	db := connectordb.New(st)
	cs, err := db.AddStore(context.Background(), domain.ConnectedStore{Name: "etsy", Kind: domain.StoreEtsy, URL: srv.URL, Auth: domain.AuthOAuth, ClientID: srv.Keystring})
	if err != nil {
		t.Fatal(err)
	}
	r := &rig{t: t, db: db, srv: srv, cs: cs}
	r.cfg = etsy.Config{URL: srv.URL, Keystring: srv.Keystring, Secret: etsy.Secret{SharedSecret: srv.SharedSecret, RefreshToken: srv.RefreshToken()},
		Save:          func(s string) error { r.saved = append(r.saved, s); return nil },
		ClientOptions: connector.ClientOptions{Sleep: func(ctx context.Context, d time.Duration) error { r.waits = append(r.waits, d); return nil }, Clock: clock.Fixed{T: now}}}
	return r
}

func (r *rig) client() *etsy.Client {
	r.t.Helper()
	c, err := etsy.New(r.cfg)
	if err != nil {
		r.t.Fatal(err)
	}
	return c
}

func (r *rig) sync(full bool) (connector.Result, error) {
	return (&connector.Syncer{DB: r.db, FlushRecords: 50}).Sync(context.Background(), r.cs, r.client(), full)
}

func (r *rig) mustSync(full bool) connector.Result {
	r.t.Helper()
	res, err := r.sync(full)
	if err != nil {
		r.t.Fatalf("sync: %v", err)
	}
	return res
}

func (r *rig) orders() map[string]domain.OrderDetail {
	r.t.Helper()
	ctx := context.Background()
	page, err := r.db.ListOrders(ctx, domain.PageRequest{Limit: 1000})
	if err != nil {
		r.t.Fatal(err)
	}
	out := map[string]domain.OrderDetail{}
	for _, row := range page.Rows {
		d, err := r.db.GetOrder(ctx, row.ID)
		if err != nil {
			r.t.Fatal(err)
		}
		out[d.Order.ExternalID] = d
	}
	return out
}

// stock is a SKU's available quantity at the Etsy location (-1: none).
func (r *rig) stock(sku string) int {
	r.t.Helper()
	n := -1
	row := r.db.SQL().QueryRowContext(context.Background(), `SELECT available FROM stock_levels WHERE sku = ? AND location = ?`, sku, etsy.Location)
	row.Scan(&n)
	return n
}
