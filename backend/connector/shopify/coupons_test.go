package shopify_test

import (
	"context"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/couponsdb"
)

// A synced order whose discount codes hold a coupon (in other case)
// redeems it: its customer's own code counts for the flow, another
// customer's as shared, and a later sync records nothing twice.
func TestSyncedOrderRedeemsCoupon(t *testing.T) {
	r := newRig(t)
	r.mustSync(false)
	ctx := context.Background()
	customer := func(email string) int64 {
		var id int64
		if err := r.db.SQL().QueryRow(`SELECT id FROM customers WHERE email = ?`, email).Scan(&id); err != nil {
			t.Fatalf("customer %s: %v", email, err)
		}
		return id
	}
	issue := func(customerID int64, code string) {
		_, err := couponsdb.New(r.db.Store).IssueOne(ctx, "", couponsdb.NewCoupon{CustomerID: customerID, PercentOff: 10, FlowID: 1},
			func() (string, error) { return code, nil })
		if err != nil {
			t.Fatal(err)
		}
	}
	issue(customer("customer001@example.com"), "SC-OWN1-CODE")
	issue(customer("customer003@example.com"), "SC-GIVE-AWAY")
	at := now.Add(time.Hour)
	r.clock.add(2 * time.Hour)
	r.srv.Update("orders", "gid://shopify/Order/6295486857475", at, func(o map[string]any) { o["discountCodes"] = []any{"sc-own1-code"} })
	r.srv.Update("orders", "gid://shopify/Order/6306994651395", at, func(o map[string]any) {
		o["discountCodes"] = []any{"WELCOME", "Sc-Give-Away"}
	})
	for range 2 {
		r.mustSync(false)
		page, err := couponsdb.New(r.db.Store).Coupons(ctx, domain.CouponFilter{})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		shared := map[string]bool{}
		for _, c := range page.Rows {
			got[c.Code], shared[c.Code] = c.OrderName, c.Shared
		}
		if got["SC-OWN1-CODE"] != "#1058" || shared["SC-OWN1-CODE"] || got["SC-GIVE-AWAY"] != "#1074" || !shared["SC-GIVE-AWAY"] {
			t.Errorf("redeemed by %v, shared %v; want #1058 (own) and #1074 (shared)", got, shared)
		}
		if page.Counts["redeemed"] != 2 {
			t.Errorf("counts %v", page.Counts)
		}
	}
}
