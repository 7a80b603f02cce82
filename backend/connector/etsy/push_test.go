package etsy_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"shopclerk/backend/clock"
	"shopclerk/backend/connector"
	"shopclerk/backend/domain"
	"shopclerk/backend/store/connectordb"
)

func (r *rig) exec(q string, args ...any) {
	r.t.Helper()
	if _, err := r.db.SQL().ExecContext(context.Background(), q, args...); err != nil {
		r.t.Fatal(err)
	}
}

func (r *rig) push() connector.WriteResult {
	r.t.Helper()
	cs, _ := r.db.StoreByID(context.Background(), r.cs.ID)
	res, err := (&connector.Writer{DB: r.db, Clock: clock.Fixed{T: now}}).Run(context.Background(), cs, r.client())
	if err != nil {
		r.t.Fatal(err)
	}
	return res
}

// storeQty is the quantity the stand-in has for a listing's product i.
func (r *rig) storeQty(listing int64, i int) int {
	l := r.srv.Listing(listing)
	p := l["inventory"].(map[string]any)["products"].([]any)[i].(map[string]any)
	return int(p["offerings"].([]any)[0].(map[string]any)["quantity"].(float64))
}

// sell lands a sale of one in the stand-in (a buyer on etsy.com).
func (r *rig) sell(listing int64, i int) {
	l := r.srv.Listing(listing)
	off := l["inventory"].(map[string]any)["products"].([]any)[i].(map[string]any)["offerings"].([]any)[0].(map[string]any)
	off["quantity"] = off["quantity"].(float64) - 1
	r.srv.Put("listings", l)
}

// Stock received goes to the Etsy product with the SKU by compare-and-set:
// a sale landing between the read and the write makes the write read
// again and add to what is there then; the other products of the listing
// are sent back as they were.
func TestStockWriteComparesAndSets(t *testing.T) {
	r := newRig(t)
	ctx := context.Background()
	r.mustSync(false)
	if err := r.db.SetWrites(ctx, r.cs.ID, domain.StoreWrites{Stock: true}); err != nil {
		t.Fatal(err)
	}
	r.exec(`INSERT INTO stock_changes (sku, location, before, after, reason, at) VALUES ('MUG-BLUE', 'Etsy', 7, 12, 'receive', ?)`, now.Unix())
	gets := 0
	r.srv.Fault = func(n int, w http.ResponseWriter, req *http.Request) bool {
		if req.Method == http.MethodGet && strings.HasSuffix(req.URL.Path, "/1500000001/inventory") {
			if gets++; gets == 2 { // SetStock's read: a sale landed since ReadStock's
				r.sell(1500000001, 0)
			}
		}
		return false
	}
	if res := r.push(); res.Done != 1 || res.Waiting != 0 {
		t.Fatalf("run: %+v", res)
	}
	if got := r.storeQty(1500000001, 0); got != 11 {
		t.Errorf("MUG-BLUE in Etsy %d, want 7 - 1 sold + 5 received = 11", got)
	}
	if got := r.storeQty(1500000001, 1); got != 3 || r.srv.Writes() != 1 {
		t.Errorf("MUG-RED %d (want 3 untouched), %d writes", got, r.srv.Writes())
	}
	if res := r.push(); res.Done != 0 || r.srv.Writes() != 1 {
		t.Errorf("second run wrote again: %+v", res)
	}
}

// A SKU-less product is found by the key made from its product id.
func TestStockWriteToAProductWithoutSKU(t *testing.T) {
	r := newRig(t)
	ctx := context.Background()
	if err := r.db.SetWrites(ctx, r.cs.ID, domain.StoreWrites{Stock: true}); err != nil {
		t.Fatal(err)
	}
	r.exec(`INSERT INTO stock_changes (sku, location, before, after, reason, at) VALUES (?, 'Etsy', 12, 14, 'receive', ?)`, domain.EtsyKey("9100000003"), now.Unix())
	r.exec(`INSERT INTO stock_changes (sku, location, before, after, reason, at) VALUES ('NOT-ON-ETSY', 'Etsy', 0, 4, 'receive', ?)`, now.Unix())
	if res := r.push(); res.Done != 1 || res.Skipped != 1 {
		t.Fatalf("run: %+v", res)
	}
	if got := r.storeQty(1500000002, 0); got != 14 {
		t.Errorf("tea towel %d, want 14", got)
	}
}

// A resumed try finds the quantity it meant to write and does not add twice.
func TestResumedStockWriteLandsOnce(t *testing.T) {
	r := newRig(t)
	c := r.client()
	ctx := context.Background()
	read, err := c.ReadStock(ctx, "MUG-RED", "Etsy")
	if err != nil || read.Quantity != 3 {
		t.Fatalf("read %+v, %v", read, err)
	}
	set := connector.StockSet{SKU: "MUG-RED", From: 3, To: 5, Handle: read.Handle}
	if err := c.SetStock(ctx, set, false); err != nil {
		t.Fatal(err)
	}
	if err := c.SetStock(ctx, set, true); err != nil || r.srv.Writes() != 1 || r.storeQty(1500000001, 1) != 5 {
		t.Fatalf("resumed: %v, %d writes, qty %d", err, r.srv.Writes(), r.storeQty(1500000001, 1))
	}
	if err := c.SetStock(ctx, set, false); err != connector.ErrStale {
		t.Errorf("a set from a quantity no longer there: %v", err)
	}
}

// Coupons, tags and holds cannot be written to Etsy: the switch is refused
// with the sentence the screen shows, and the Pusher says the same.
func TestEtsyRefusesWhatItsAPICannotWrite(t *testing.T) {
	r := newRig(t)
	u := domain.StoreEtsy.Unwritable()
	if u.Coupons == "" || !strings.Contains(u.Coupons, "Shop Manager") || u.Stock != "" {
		t.Fatalf("unwritable %+v", u)
	}
	if got := u.Refused(domain.StoreWrites{Coupons: true, Stock: true}); got != u.Coupons {
		t.Errorf("refused %q", got)
	}
	c := r.client()
	if _, _, err := c.CreateCoupon(context.Background(), connectordb.Coupon{Code: "X"}); domain.CodeOf(err) != domain.CodeInvalid || !strings.Contains(err.Error(), "Shop Manager") {
		t.Errorf("coupon: %v", err)
	}
	r.srv.Scopes = []string{"shops_r", "transactions_r", "listings_r"}
	missing, err := c.CheckWrites(context.Background(), domain.StoreWrites{Stock: true})
	if err != nil || len(missing) != 1 || !strings.Contains(missing[0], "listings_w") {
		t.Errorf("stock without listings_w: %v, %v", missing, err)
	}
}
