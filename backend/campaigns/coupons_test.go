package campaigns

import (
	"fmt"
	"strings"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/couponsdb"
	"shopclerk/backend/store/storetest"
)

// A campaign's coupons are issued as a flow's are: with a pool of
// store-made codes imported, each recipient gets one of those (a made-up
// code would not exist in the store), marked pooled and handed out once,
// and the campaign is named on each for attribution. A pool too small for
// the audience starts nothing: no recipient, coupon or email half-written.
func TestCampaignCouponsComeFromThePool(t *testing.T) {
	f := newFixture(t)
	f.customers(6, 0)
	var codes []string
	for i := range 6 {
		codes = append(codes, fmt.Sprintf("STORE-%02d", i))
	}
	if _, err := couponsdb.New(f.st).AddToPool(f.ctx, "pool.csv", codes); err != nil {
		t.Fatal(err)
	}
	c := f.create(Spec{Segment: "all", SubjectA: "Spring", BodyA: "<p>{{.Coupon.Code}}</p>", Coupon: &CouponSpec{PercentOff: 10, ValidDays: 14}})
	f.send(c.ID)
	if n := storetest.Count(f.t, f.st, `SELECT COUNT(*) FROM coupons WHERE campaign_id = ? AND pooled = 1 AND code LIKE 'STORE-%'`, c.ID); n != 6 {
		t.Fatalf("%d pooled campaign coupons, want 6", n)
	}
	if n := storetest.Count(f.t, f.st, `SELECT COUNT(DISTINCT k.code) FROM campaign_recipients r JOIN coupons k ON k.id = r.coupon_id
		JOIN coupon_pool p ON p.coupon_id = k.id AND p.code = k.code WHERE r.campaign_id = ?`, c.ID); n != 6 {
		t.Fatalf("%d recipients hold a handed-out pool code, want 6", n)
	}
	if n := storetest.Count(f.t, f.st, `SELECT COUNT(*) FROM messages m JOIN coupons k ON m.ledger_key = replace(k.ledger_key, '/coupon', '/email')
		WHERE instr(m.html, k.code) > 0`); n != 6 {
		t.Fatalf("%d emails carry their own pool code, want 6", n)
	}

	// The pool is empty now: the next campaign fails whole.
	f.customers(0, 0)
	c2 := f.create(Spec{Segment: "all", SubjectA: "Again", BodyA: "<p>{{.Coupon.Code}}</p>", Coupon: &CouponSpec{PercentOff: 5, ValidDays: 7}})
	_, err := f.svc.Send(f.ctx, c2.ID, true)
	if domain.CodeOf(err) != domain.CodeConflict || !strings.Contains(err.Error(), "pool") {
		t.Fatalf("empty pool: %v", err)
	}
	if n := storetest.Count(f.t, f.st, `SELECT COUNT(*) FROM coupons WHERE campaign_id = ?`, c2.ID) + storetest.Count(f.t, f.st, `SELECT COUNT(*) FROM campaign_recipients WHERE campaign_id = ?`, c2.ID); n != 0 {
		t.Fatalf("half-written: %d rows", n)
	}
}
