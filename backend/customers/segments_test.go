package customers

import (
	"slices"
	"strings"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/storetest"
)

func TestSegmentConditions(t *testing.T) {
	for _, c := range []struct {
		src      string
		ok       bool
		line     int
		col      int
		contains string
	}{
		{src: `customer.totalSpent >= 10000 && customer.country == "DE"`, ok: true},
		{src: `"MUG-1" in customer.products && customer.segment in ["champions", "loyal"]`, ok: true},
		{src: `hasTag(customer.tags, "vip") || daysSince(customer.lastOrderAt) > 90`, ok: true},
		{src: ``, contains: "needs a condition"},
		{src: "customer.ordersCount > 1 &&\n  order.total > 100", line: 2, col: 3, contains: "order.total is about one order"},
		{src: `customer.totl > 3`, contains: "totl"},
		{src: `customer.ordersCount / 0 > 1`, contains: "divides by zero"},
	} {
		_, ce := compileSegment(c.src)
		if c.ok != (ce == nil) {
			t.Errorf("%q: problem %v", c.src, ce)
			continue
		}
		if ce == nil {
			continue
		}
		if !strings.Contains(ce.Message, c.contains) || (c.line != 0 && (ce.Line != c.line || ce.Column != c.col)) {
			t.Errorf("%q: %d:%d %s", c.src, ce.Line, ce.Column, ce.Message)
		}
	}
}

func TestSegmentsCountAndWarn(t *testing.T) {
	f, ann := annShop(t)
	if _, err := f.svc.Recompute(f.ctx); err != nil {
		t.Fatal(err)
	}
	chk, err := f.svc.CheckSegment(f.ctx, `customer.totalSpent >= 10000`)
	if err != nil || chk.Members != 1 || chk.Customers != 2 || chk.Warning != "" || len(chk.Sample) != 1 || chk.Sample[0].Email != "ann@example.com" {
		t.Errorf("big spenders: %+v %v", chk, err)
	}
	if chk, _ = f.svc.CheckSegment(f.ctx, `customer.ordersCount > 100`); chk.Members != 0 || !strings.Contains(chk.Warning, "nobody") {
		t.Errorf("nobody: %+v", chk)
	}
	if chk, _ = f.svc.CheckSegment(f.ctx, `customer.ordersCount >= 0`); chk.Members != 2 || !strings.Contains(chk.Warning, "every customer") {
		t.Errorf("everybody: %+v", chk)
	}
	if chk, _ = f.svc.CheckSegment(f.ctx, `order.total > 1`); chk.Problem == nil {
		t.Errorf("an order field: %+v", chk)
	}
	if chk, _ = f.svc.CheckSegment(f.ctx, `"MUG-1" in customer.products && customer.segment != ""`); chk.Members != 2 {
		t.Errorf("products and RFM segment: %+v", chk)
	}

	saved, chk, err := f.svc.SaveSegment(f.ctx, SegmentDef{Name: " Big spenders ", Condition: `customer.totalSpent >= 10000`})
	if err != nil || saved.ID == 0 || saved.Name != "Big spenders" || saved.Members != 1 || chk.Members != 1 {
		t.Fatalf("save: %+v %+v %v", saved, chk, err)
	}
	for _, bad := range []SegmentDef{
		{Name: "big SPENDERS", Condition: `customer.ordersCount > 1`},
		{Name: "Champions", Condition: `customer.ordersCount > 1`},
		{Name: "", Condition: `customer.ordersCount > 1`},
		{Name: "x", Condition: `order.total > 1`},
	} {
		if _, _, err := f.svc.SaveSegment(f.ctx, bad); err == nil {
			t.Errorf("saved %+v", bad)
		}
	}
	// Saved even when it matches nobody; the check says so.
	_, chk, err = f.svc.SaveSegment(f.ctx, SegmentDef{Name: "Nobody", Condition: `customer.ordersCount > 100`})
	if err != nil || !strings.Contains(chk.Warning, "nobody") {
		t.Errorf("nobody segment: %+v %v", chk, err)
	}
	p, err := f.svc.Page(f.ctx, ann)
	if err != nil || !slices.Equal(p.Segments, []string{"Big spenders"}) {
		t.Errorf("ann's segments %v %v", p.Segments, err)
	}
	// A new import's scoring counts the segments again.
	storetest.Exec(f.t, f.st, `UPDATE customers SET total_spent = 20000 WHERE email = 'bob@example.com'`)
	if _, err := f.svc.Recompute(f.ctx); err != nil {
		t.Fatal(err)
	}
	segs, _ := f.svc.SellerSegments(f.ctx)
	if len(segs) != 2 || segs[0].Name != "Big spenders" || segs[0].Members != 2 {
		t.Errorf("after scoring: %+v", segs)
	}
	if err := f.svc.DeleteSegment(f.ctx, saved.ID); err != nil {
		t.Fatal(err)
	}
	if err := f.svc.DeleteSegment(f.ctx, saved.ID); domain.CodeOf(err) != domain.CodeNotFound {
		t.Errorf("deleting twice: %v", err)
	}
}

// The automations read the same fields through CustomerExtras.
func TestCustomerExtras(t *testing.T) {
	f, ann := annShop(t)
	if _, err := f.svc.Recompute(f.ctx); err != nil {
		t.Fatal(err)
	}
	seg, skus, err := f.svc.CustomerExtras(f.ctx, ann, true)
	if err != nil || seg == "" || !slices.Equal(skus, []string{"MUG-1"}) {
		t.Errorf("extras: %q %v %v", seg, skus, err)
	}
	if _, skus, _ = f.svc.CustomerExtras(f.ctx, ann, false); len(skus) != 0 {
		t.Errorf("products read when not asked: %v", skus)
	}
}
