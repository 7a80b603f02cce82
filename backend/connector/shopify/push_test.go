package shopify_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"shopclerk/backend/connector"
	"shopclerk/backend/domain"
	"shopclerk/backend/store/connectordb"
	"shopclerk/backend/store/inventorydb"
)

// pushRig is the sync rig with its orders synced (so their buyers are the
// shop's customers, with their Shopify ids) and write-back switched on.
func pushRig(t *testing.T) *rig {
	t.Helper()
	r := newRig(t)
	r.mustSync(false)
	if err := r.db.SetWrites(context.Background(), r.cs.ID, domain.StoreWrites{Coupons: true, Stock: true}); err != nil {
		t.Fatal(err)
	}
	cs, _ := r.db.StoreByID(context.Background(), r.cs.ID)
	r.cs = cs
	return r
}

// exec runs SQL on the rig's shop (coupons and receipts come from other
// concerns; the tests make them directly).
func (r *rig) exec(q string, args ...any) int64 {
	r.t.Helper()
	res, err := r.db.SQL().ExecContext(context.Background(), q, args...)
	if err != nil {
		r.t.Fatal(err)
	}
	id, _ := res.LastInsertId()
	return id
}

// coupon issues a coupon to the customer with this email.
func (r *rig) coupon(code, email string, percent int, amount int64, free bool, minSpend int64, ledger string) int64 {
	exp := now.Add(30 * 24 * time.Hour).Unix()
	return r.exec(`INSERT INTO coupons (code, customer_id, percent_off, amount_off, currency, free_shipping, issued_at, expires_at, ledger_key, min_spend)
		VALUES (?, (SELECT id FROM customers WHERE email = ?), ?, ?, 'CAD', ?, ?, ?, ?, ?)`,
		code, email, percent, amount, free, now.Unix(), exp, ledger, minSpend)
}

func (r *rig) writer() *connector.Writer { return &connector.Writer{DB: r.db, Clock: r.clock} }

func (r *rig) push() connector.WriteResult {
	r.t.Helper()
	res, err := r.writer().Run(context.Background(), r.cs, r.client())
	if err != nil {
		r.t.Fatal(err)
	}
	return res
}

func (r *rig) writes() map[string]domain.StoreWrite {
	r.t.Helper()
	list, err := r.db.Writes(context.Background(), r.cs.ID, 100)
	if err != nil {
		r.t.Fatal(err)
	}
	out := map[string]domain.StoreWrite{}
	for _, w := range list {
		out[w.Subject] = w
	}
	return out
}

// Coupons become discount codes as the Admin API documents them: value,
// dates, minimum, single use, the customer; a coupon giving only free
// shipping is a free-shipping code; a customer Shopify does not know
// leaves the code open (still single use); an amount in another currency
// is not written. A second run writes nothing again.
func TestCouponsBecomeDiscountCodes(t *testing.T) {
	r := pushRig(t)
	r.coupon("SC-TEN", "customer001@example.com", 10, 0, false, 5000, "1/c1/o1/0")
	r.coupon("SC-SHIP", "customer001@example.com", 0, 0, true, 0, "1/c1/o2/0")
	r.coupon("SC-FIVE", "", 0, 500, true, 0, "1/c1/o3/0")
	r.coupon("SC-EUR", "", 0, 500, false, 0, "1/c1/o4/0")
	r.exec(`UPDATE coupons SET currency = 'EUR' WHERE code = 'SC-EUR'`)
	r.exec(`INSERT INTO customers (email, source, external_id, created_at, updated_at) VALUES ('woo@example.com', 'woocommerce', '42', 0, 0)`)
	r.coupon("SC-WOO", "woo@example.com", 15, 0, false, 0, "1/c2/o1/0")

	res := r.push()
	if res.Done != 4 || res.Skipped != 1 || res.Waiting != 0 {
		t.Fatalf("first run: %+v", res)
	}
	byCode := map[string]map[string]any{}
	kinds := map[string]string{}
	for _, d := range r.srv.Discounts() {
		byCode[d.Code], kinds[d.Code] = d.Input, d.Kind
	}
	ten := byCode["SC-TEN"]
	if ten["usageLimit"] != float64(1) || ten["appliesOncePerCustomer"] != true || !strings.HasPrefix(ten["endsAt"].(string), "2026-03-31") {
		t.Errorf("SC-TEN: %v", ten)
	}
	if v := ten["customerGets"].(map[string]any)["value"].(map[string]any)["percentage"]; v != 0.1 {
		t.Errorf("SC-TEN value %v", v)
	}
	if m := ten["minimumRequirement"].(map[string]any)["subtotal"].(map[string]any)["greaterThanOrEqualToSubtotal"]; m != "50.00" {
		t.Errorf("SC-TEN minimum %v", m)
	}
	if add := ten["context"].(map[string]any)["customers"].(map[string]any)["add"].([]any); len(add) != 1 || add[0] != "gid://shopify/Customer/700000" {
		t.Errorf("SC-TEN customer %v", ten["context"])
	}
	if kinds["SC-SHIP"] != "free_shipping" || kinds["SC-FIVE"] != "basic" {
		t.Errorf("kinds %v", kinds)
	}
	if amt := byCode["SC-FIVE"]["customerGets"].(map[string]any)["value"].(map[string]any)["discountAmount"].(map[string]any)["amount"]; amt != "5.00" {
		t.Errorf("SC-FIVE amount %v", amt)
	}
	if ctx := byCode["SC-WOO"]["context"].(map[string]any); ctx["all"] != "ALL" {
		t.Errorf("SC-WOO: a customer Shopify does not know must leave the code open: %v", ctx)
	}
	w := r.writes()
	if w["SC-FIVE"].Status != domain.WriteDone || !strings.Contains(w["SC-FIVE"].Note, "free shipping") {
		t.Errorf("SC-FIVE write: %+v", w["SC-FIVE"])
	}
	if w["SC-WOO"].Status != domain.WriteDone || !strings.Contains(w["SC-WOO"].Note, "no customer woo@example.com") {
		t.Errorf("SC-WOO write: %+v", w["SC-WOO"])
	}
	if w["SC-EUR"].Status != domain.WriteSkipped || !strings.Contains(w["SC-EUR"].Note, "EUR") {
		t.Errorf("SC-EUR write: %+v", w["SC-EUR"])
	}
	if w["SC-TEN"].RemoteID == "" {
		t.Error("no remote id kept")
	}
	if res := r.push(); res.Done+res.Skipped+res.Waiting != 0 || len(r.srv.Discounts()) != 4 {
		t.Fatalf("second run: %+v, %d codes", res, len(r.srv.Discounts()))
	}
}

// A store that cannot be reached delays the write, which says why; one
// that already has the code (made by hand, or by a try whose answer was
// lost) is read back, not made twice; a try that began and never reported
// is read back before anything is sent.
func TestCouponWriteWaitsAndReadsBack(t *testing.T) {
	r := pushRig(t)
	r.coupon("SC-DOWN", "customer001@example.com", 10, 0, false, 0, "1/c1/o1/0")
	r.srv.Fault = func(n int, w http.ResponseWriter, req *http.Request) bool {
		w.WriteHeader(http.StatusServiceUnavailable)
		return true
	}
	res := r.push()
	if res.Waiting != 1 || !strings.Contains(res.Error, "server error") {
		t.Fatalf("store down: %+v", res)
	}
	if w := r.writes()["SC-DOWN"]; w.Status != domain.WritePending || w.LastError == "" || !w.NextAt.After(now) {
		t.Fatalf("waiting write: %+v", w)
	}
	r.srv.Fault = nil
	if res := r.push(); res.Done != 0 {
		t.Fatalf("a write was retried before its time: %+v", res)
	}
	r.clock.add(2 * time.Minute)
	if res := r.push(); res.Done != 1 {
		t.Fatalf("after the wait: %+v", res)
	}

	// The store has SC-HAND already (TAKEN): read back, done, one code.
	r.coupon("SC-HAND", "", 5, 0, false, 0, "1/c1/o2/0")
	ctx := context.Background()
	if _, _, err := r.client().CreateCoupon(ctx, connectordb.Coupon{Code: "SC-HAND", PercentOff: 5, IssuedAt: now}); err != nil {
		t.Fatal(err)
	}
	// A try of SC-BEGUN began (recorded) and the process died before the call.
	id := r.coupon("SC-BEGUN", "", 5, 0, false, 0, "1/c1/o3/0")
	if err := r.db.Sweep(ctx, r.cs.ID); err != nil {
		t.Fatal(err)
	}
	due, _ := r.db.DueWrites(ctx, r.cs.ID, 10)
	for _, d := range due {
		if d.SourceID == id {
			r.db.BeginWrite(ctx, d.ID, "")
		}
	}
	before := len(r.srv.Discounts())
	res = r.push()
	if res.Done != 2 || len(r.srv.Discounts()) != before+1 {
		t.Fatalf("read-back run: %+v, %d codes (had %d)", res, len(r.srv.Discounts()), before)
	}
	if w := r.writes()["SC-HAND"]; w.Status != domain.WriteDone || w.RemoteID == "" {
		t.Errorf("SC-HAND: %+v", w)
	}
}

// Stock received goes to Shopify by compare-and-set: a sale landing
// between Shopclerk's read and its write makes the set fail, and the next
// round adds the receipt to the new quantity; the sale is never overwritten.
func TestStockCompareAndSetLosesToASale(t *testing.T) {
	r := pushRig(t)
	r.srv.PutStock("MUG-1", "Main warehouse", 10, now)
	r.srv.PutStock("MUG-2", "Shop", 3, now)
	r.exec(`INSERT INTO stock_changes (sku, location, before, after, reason, at) VALUES ('MUG-1', 'Main warehouse', 4, 16, 'receive', ?)`, now.Unix())
	r.exec(`INSERT INTO stock_changes (sku, location, before, after, reason, at) VALUES ('MUG-2', 'Main warehouse', NULL, 5, 'receive', ?)`, now.Unix())
	r.exec(`INSERT INTO stock_changes (sku, location, before, after, reason, at) VALUES ('NOT-SOLD', 'Main warehouse', 0, 5, 'receive', ?)`, now.Unix())
	sold := false
	r.srv.OnMutation = func(op string) {
		if op == "ShopclerkStockSet" && !sold {
			sold = true
			r.srv.Sell("MUG-1", "Main warehouse", 2) // between the read and the write
		}
	}
	res := r.push()
	if res.Done != 2 || res.Skipped != 1 {
		t.Fatalf("run: %+v", res)
	}
	if q := r.srv.Quantity("MUG-1", "Main warehouse"); q != 10-2+12 {
		t.Errorf("MUG-1 is %d in the store, want 20 (10, a sale of 2, 12 received)", q)
	}
	if q := r.srv.Quantity("MUG-2", "Shop"); q != 8 {
		t.Errorf("MUG-2 (stocked at one place) is %d, want 8", q)
	}
	if r.srv.StockSets() != 2 {
		t.Errorf("%d quantities set, want 2 (the lost round changed nothing)", r.srv.StockSets())
	}
	w := r.writes()
	if w["MUG-1"].Note != "8 → 20" || w["NOT-SOLD"].Status != domain.WriteSkipped {
		t.Errorf("writes: %+v", w)
	}
	if res := r.push(); res.Done+res.Waiting != 0 || r.srv.StockSets() != 2 {
		t.Errorf("second run wrote again: %+v", res)
	}
}

// A stock write whose answer was lost is sent again with the same
// idempotency key: Shopify replays its first answer, the receipt counts once.
func TestStockResumedWithTheSameKey(t *testing.T) {
	r := pushRig(t)
	r.srv.PutStock("MUG-1", "Main warehouse", 10, now)
	r.exec(`INSERT INTO stock_changes (sku, location, before, after, reason, at) VALUES ('MUG-1', 'Main warehouse', 4, 16, 'receive', ?)`, now.Unix())
	lost := errors.New("the answer was lost")
	crashed := false
	w := r.writer()
	w.AfterCall = func() {
		if !crashed {
			crashed = true
			panic(lost)
		}
	}
	func() {
		defer func() {
			if p := recover(); p != lost {
				t.Fatalf("recovered %v", p)
			}
		}()
		w.Run(context.Background(), r.cs, r.client())
	}()
	if q := r.srv.Quantity("MUG-1", "Main warehouse"); q != 22 {
		t.Fatalf("after the lost answer: %d", q)
	}
	r.srv.Sell("MUG-1", "Main warehouse", 1) // a sale after our write landed
	res := r.push()
	if res.Done != 1 || r.srv.Quantity("MUG-1", "Main warehouse") != 21 || r.srv.StockSets() != 1 {
		t.Fatalf("resumed: %+v, quantity %d, %d sets", res, r.srv.Quantity("MUG-1", "Main warehouse"), r.srv.StockSets())
	}
}

// A purchase order received through the inventory concern reaches the
// store: the receipt's stock change is queued and added there by
// compare-and-set. A receipt booked before the switch went on is not.
func TestReceivedPurchaseOrderReachesTheStore(t *testing.T) {
	r := newRig(t)
	ctx := context.Background()
	inv := inventorydb.New(r.db.Store)
	sup, err := inv.SaveSupplier(ctx, domain.Supplier{Name: "Potter", Email: "orders@potter.test", Currency: "CAD", LeadTimeDays: 10})
	if err != nil {
		t.Fatal(err)
	}
	receive := func(qty int) {
		t.Helper()
		po, err := inv.AddToDraft(ctx, sup, "CAD", "Main warehouse", []domain.DraftLine{{SKU: "MUG-1", Quantity: qty, UnitCost: 300}})
		if err != nil {
			t.Fatal(err)
		}
		if err := inv.MarkPOSent(ctx, po, "<po@shop.test>", fmt.Sprintf("po/%d", po), now.Add(240*time.Hour)); err != nil {
			t.Fatal(err)
		}
		if _, err := inv.ReceivePO(ctx, po, "Main warehouse", []domain.Receipt{{SKU: "MUG-1", Quantity: qty}}, noLeadTime); err != nil {
			t.Fatal(err)
		}
	}
	r.srv.PutStock("MUG-1", "Main warehouse", 10, now)
	receive(5) // before the switch: the seller counted it in the store by hand
	if err := r.db.SetWrites(ctx, r.cs.ID, domain.StoreWrites{Stock: true}); err != nil {
		t.Fatal(err)
	}
	r.cs, _ = r.db.StoreByID(ctx, r.cs.ID)
	receive(24)
	if res := r.push(); res.Done != 1 || r.srv.Quantity("MUG-1", "Main warehouse") != 34 {
		t.Fatalf("run: %+v, MUG-1 at %d in the store, want 34", res, r.srv.Quantity("MUG-1", "Main warehouse"))
	}
}

// noLeadTime learns nothing from a receipt: these tests are about the stock
// written to the store, not the supplier's lead time.
func noLeadTime(domain.PurchaseOrder) (float64, bool) { return 0, false }
