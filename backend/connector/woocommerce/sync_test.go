package woocommerce_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/connector"
	"shopclerk/backend/connector/woocommerce"
	"shopclerk/backend/connector/woocommerce/woocommercetest"
	"shopclerk/backend/domain"
	"shopclerk/backend/store/connectordb"
	"shopclerk/backend/store/storetest"
)

var now = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

type rig struct {
	t   *testing.T
	db  *connectordb.DB
	srv *woocommercetest.Server
	cs  domain.ConnectedStore
	cfg woocommerce.Config
}

func newRig(t *testing.T) *rig {
	t.Helper()
	st := storetest.Open(t, storetest.At(now))
	srv := woocommercetest.New()
	t.Cleanup(srv.Close)
	for list, file := range map[string]string{"orders": "wc_v3_orders_list_example.json", "products": "wc_v3_products_list_example.json",
		"customers": "wc_v3_customers_list_example.json"} {
		b, err := os.ReadFile("testdata/" + file)
		if err != nil {
			t.Fatal(err)
		}
		if err := srv.PutJSON(list, b); err != nil {
			t.Fatal(err)
		}
	}
	db := connectordb.New(st)
	cs, err := db.AddStore(context.Background(), domain.ConnectedStore{Name: "woo", Kind: domain.StoreWooCommerce, URL: srv.URL, Auth: domain.AuthKeys, ClientID: srv.Key})
	if err != nil {
		t.Fatal(err)
	}
	noSleep := func(ctx context.Context, d time.Duration) error { return nil }
	return &rig{t: t, db: db, srv: srv, cs: cs, cfg: woocommerce.Config{URL: srv.URL, ConsumerKey: srv.Key, ConsumerSecret: srv.Secret,
		ClientOptions: connector.ClientOptions{Sleep: noSleep, Clock: clock.Fixed{T: now}}}}
}

func (r *rig) sync(full bool) (connector.Result, error) {
	c, err := woocommerce.New(r.cfg)
	if err != nil {
		r.t.Fatal(err)
	}
	return (&connector.Syncer{DB: r.db, FlushRecords: 50}).Sync(context.Background(), r.cs, c, full)
}

func (r *rig) orders() map[string]domain.Order {
	r.t.Helper()
	ctx := context.Background()
	page, err := r.db.ListOrders(ctx, domain.PageRequest{Limit: 1000})
	if err != nil {
		r.t.Fatal(err)
	}
	out := map[string]domain.Order{}
	for _, row := range page.Rows {
		d, err := r.db.GetOrder(ctx, row.ID)
		if err != nil {
			r.t.Fatal(err)
		}
		out[d.Order.ExternalID] = d.Order
	}
	return out
}

func TestSyncTheDocumentedExamples(t *testing.T) {
	r := newRig(t)
	res, err := r.sync(false)
	if err != nil {
		t.Fatal(err)
	}
	got := r.orders()
	o, ok := got["727"]
	if !ok || len(got) != 2 {
		t.Fatalf("orders %v, want the documented 727 and 723", got)
	}
	// 727: processing, total 29.35 with 1.35 tax and 10.00 shipping; its
	// line's price is a JSON number (3).
	if o.Total != 2935 || o.Taxes != 135 || o.Shipping != 1000 || o.FinancialStatus != domain.FinancialPaid || o.Currency != "USD" {
		t.Errorf("727 = %+v", o)
	}
	if len(o.Lines) == 0 || o.Lines[0].Price == 0 {
		t.Errorf("727 lines %+v", o.Lines)
	}
	if res.Counts.Created == 0 {
		t.Errorf("counts %+v", res.Counts)
	}
	// Again: nothing changed, nothing written.
	res, err = r.sync(false)
	if err != nil || res.Counts.Created+res.Counts.Updated != 0 {
		t.Errorf("second sync %+v, %v", res.Counts, err)
	}
}

// clone makes n copies of the first documented order with other ids.
func clone(t *testing.T, srv *woocommercetest.Server, n int, status string) {
	b, _ := os.ReadFile("testdata/wc_v3_orders_list_example.json")
	var list []map[string]any
	json.Unmarshal(b, &list)
	for i := 0; i < n; i++ {
		var o map[string]any
		raw, _ := json.Marshal(list[0])
		json.Unmarshal(raw, &o)
		id := 1000 + i
		o["id"], o["number"] = float64(id), itoa(id)
		if status != "" {
			o["status"] = status
		}
		srv.Put("orders", o)
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestManyPagesByTotalPagesHeader(t *testing.T) {
	r := newRig(t)
	clone(t, r.srv, 250, "")
	res, err := r.sync(false)
	if err != nil {
		t.Fatal(err)
	}
	counts, err := r.db.Imports().RowCounts(context.Background())
	if err != nil || counts["orders"] != 252 {
		t.Fatalf("%d orders, want 252 (%v)", counts["orders"], err)
	}
	for _, rr := range res.Resources {
		if rr.Resource == connector.ResourceOrders && rr.Pages != 3 {
			t.Errorf("orders read in %d pages, want 3 of 100", rr.Pages)
		}
	}
}

func TestPluginStatusIsKeptAsText(t *testing.T) {
	r := newRig(t)
	clone(t, r.srv, 1, "awaiting-shipment")
	clone(t, r.srv, 0, "")
	if _, err := r.sync(false); err != nil {
		t.Fatal(err)
	}
	if o := r.orders()["1000"]; o.FinancialStatus != "awaiting-shipment" {
		t.Errorf("plugin status became %q", o.FinancialStatus)
	}
}

func TestSiteAnswersThatAreNotTheAPI(t *testing.T) {
	for _, tc := range []struct {
		name   string
		fault  func(w http.ResponseWriter, r *http.Request) bool
		code   domain.Code
		saying string
	}{
		{"permalinks off", func(w http.ResponseWriter, r *http.Request) bool {
			w.Header().Set("Content-Type", "text/html; charset=UTF-8")
			w.WriteHeader(http.StatusNotFound)
			io.WriteString(w, "<html><body>Oops! That page can't be found.</body></html>")
			return true
		}, domain.CodeInvalid, "Settings > Permalinks"},
		{"security plugin", func(w http.ResponseWriter, r *http.Request) bool {
			if r.URL.Path == "/wp-json/" {
				return false
			}
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(http.StatusForbidden)
			io.WriteString(w, "<html><title>Wordfence</title><body>Your access to this site has been limited</body></html>")
			return true
		}, domain.CodeInvalid, "security plugin"},
		{"WooCommerce missing", func(w http.ResponseWriter, r *http.Request) bool {
			if r.URL.Path == "/wp-json/" {
				return false
			}
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusNotFound)
			io.WriteString(w, `{"code":"rest_no_route","message":"No route was found matching the URL and request method.","data":{"status":404}}`)
			return true
		}, domain.CodeNotFound, "WooCommerce (3.5 or newer) is active"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newRig(t)
			r.srv.Fault = func(n int, w http.ResponseWriter, req *http.Request) bool { return tc.fault(w, req) }
			_, err := r.sync(false)
			if domain.CodeOf(err) != tc.code || !strings.Contains(err.Error(), tc.saying) {
				t.Fatalf("got %v (%s), want %s saying %q", err, domain.CodeOf(err), tc.code, tc.saying)
			}
		})
	}
	r := newRig(t)
	r.cfg.ConsumerSecret = "cs_wrong"
	if _, err := r.sync(false); domain.CodeOf(err) != domain.CodeAuthFailed || !strings.Contains(err.Error(), "Consumer key is invalid") {
		t.Errorf("wrong secret: %v", err)
	}
}

func TestKeysOnlyOverHTTPS(t *testing.T) {
	for _, bad := range []string{"http://shop.example.com", "ftp://shop.example.com"} {
		if _, err := woocommerce.New(woocommerce.Config{URL: bad, ConsumerKey: "ck_x", ConsumerSecret: "cs_x"}); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
	for _, good := range []string{"https://shop.example.com", "shop.example.com", "http://127.0.0.1:8080", "http://[::1]:9"} {
		if _, err := woocommerce.New(woocommerce.Config{URL: good, ConsumerKey: "ck_x", ConsumerSecret: "cs_x"}); err != nil {
			t.Errorf("%s: %v", good, err)
		}
	}
}

func TestDeletedOrderKeptAndMarkedByAFullSync(t *testing.T) {
	r := newRig(t)
	if _, err := r.sync(true); err != nil {
		t.Fatal(err)
	}
	r.srv.Delete("orders", 723)
	res, err := r.sync(true)
	if err != nil || res.Deleted != 1 {
		t.Fatalf("full sync: %+v deleted, %v", res.Deleted, err)
	}
	if _, ok := r.orders()["723"]; !ok {
		t.Error("the deleted order left the shop")
	}
}

// A record stamped in the future (a store's clock that was ahead, then put
// back) must not carry the high-water mark past what comes next: the next
// incremental sync still reads an order changed a minute ago.
func TestFutureStampDoesNotHideLaterOrders(t *testing.T) {
	r := newRig(t)
	copyOf := func(id int64, modified string) map[string]any {
		var recs []map[string]any
		b, _ := os.ReadFile("testdata/wc_v3_orders_list_example.json")
		json.Unmarshal(b, &recs)
		rec := recs[0]
		rec["id"], rec["number"], rec["date_modified_gmt"] = id, fmt.Sprint(id), modified
		return rec
	}
	r.srv.Put("orders", copyOf(800, "2099-01-01T00:00:00"))
	if _, err := r.sync(false); err != nil {
		t.Fatal(err)
	}
	r.srv.Put("orders", copyOf(801, now.Add(-time.Minute).Format("2006-01-02T15:04:05")))
	res, err := r.sync(false)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := r.orders()["801"]; !ok {
		t.Fatalf("the order changed after the future stamp was not read: %+v", res.Resources)
	}
}

// Two products with one SKU: the sync says so, naming both.
func TestSyncSaysWhenTwoProductsShareASKU(t *testing.T) {
	r := newRig(t)
	for i, name := range []string{"Mug", "Mug (old)"} {
		r.srv.Put("products", map[string]any{"id": float64(901 + i), "name": name, "sku": "MUG-1", "type": "simple", "status": "publish",
			"manage_stock": true, "stock_quantity": float64(10), "date_modified_gmt": "2026-02-01T00:00:00", "meta_data": []any{}})
	}
	res, err := r.sync(true)
	if err != nil {
		t.Fatal(err)
	}
	want := `woo has the SKU MUG-1 on two products ("Mug" and "Mug (old)")`
	if !strings.Contains(strings.Join(res.Notes, "\n"), want) {
		t.Errorf("notes %q, want %q", res.Notes, want)
	}
}
