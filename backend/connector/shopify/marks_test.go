package shopify_test

import (
	"context"
	"log/slog"
	"slices"
	"strings"
	"testing"

	"shopclerk/backend/clock"
	"shopclerk/backend/customers"
	"shopclerk/backend/domain"
	"shopclerk/backend/store/customersdb"
	"shopclerk/backend/store/rulesdb"
)

// marksRig is the sync rig with tags and holds written back (only those).
func marksRig(t *testing.T, w domain.StoreWrites) *rig {
	t.Helper()
	r := newRig(t)
	r.mustSync(false)
	if err := r.db.SetWrites(context.Background(), r.cs.ID, w); err != nil {
		t.Fatal(err)
	}
	r.cs, _ = r.db.StoreByID(context.Background(), r.cs.ID)
	return r
}

func (r *rig) idOf(table, col, val string) int64 {
	r.t.Helper()
	var id int64
	if err := r.db.SQL().QueryRowContext(context.Background(), "SELECT id FROM "+table+" WHERE "+col+" = ?", val).Scan(&id); err != nil {
		r.t.Fatal(err)
	}
	return id
}

// flow runs one automation step in the ledger's transaction, as the
// engine does (the hold and tag steps).
func (r *rig) flow(key string, fn func(tx *rulesdb.RuleTx) error) {
	r.t.Helper()
	e := domain.LedgerEntry{Key: key, RuleID: 1, Subject: "s", Occurrence: "o", DueAt: now}
	r.exec(`INSERT OR IGNORE INTO rules (id, name, enabled, definition, created_at, updated_at) VALUES (1, 'flow', 1, '{}', 0, 0)`)
	if err := rulesdb.New(r.db.Store).ApplyRuleAction(context.Background(), e, func(tx *rulesdb.RuleTx) (string, error) { return "", fn(tx) }); err != nil {
		r.t.Fatal(err)
	}
}

const alice, aliceGID, orderName, orderGID = "customer001@example.com", "gid://shopify/Customer/700000", "#1058", "gid://shopify/Order/6295486857475"

// Tags the seller and the flows set, and holds, reach Shopify once each:
// tagsAdd/tagsRemove on the customer, a hold under Shopclerk's handle plus
// the order tag "held for review", and the release of only that hold
// when the seller releases the order in Shopclerk. A second run writes
// nothing again.
func TestTagsAndHoldsWrittenToShopify(t *testing.T) {
	ctx := context.Background()
	r := marksRig(t, domain.StoreWrites{Tags: true, Holds: true})
	cust := r.idOf("customers", "email", alice)
	oid := r.idOf("orders", "name", orderName)
	if _, _, err := customersdb.New(r.db.Store).SetTag(ctx, cust, "wholesale", true); err != nil {
		t.Fatal(err)
	}
	r.flow("1/c/o/0", func(tx *rulesdb.RuleTx) error { return tx.SetCustomerTags(cust, []string{"high-value"}, nil) })
	r.flow("1/o/o/1", func(tx *rulesdb.RuleTx) error { return tx.HoldOrder(oid, "high risk of fraud") })
	res := r.push()
	if res.Done != 4 || res.Waiting != 0 {
		t.Fatalf("first run: %+v (%v)", res, r.writes())
	}
	if got := r.srv.Tags(aliceGID); !slices.Equal(got, []string{"wholesale", "high-value"}) {
		t.Errorf("customer tags %v", got)
	}
	if got := r.srv.Tags(orderGID); !slices.Equal(got, []string{"held for review"}) {
		t.Errorf("order tags %v", got)
	}
	if got := r.srv.Holds(orderName); !slices.Equal(got, []string{"shopclerk-review"}) {
		t.Errorf("holds %v", got)
	}
	if res := r.push(); res.Done != 0 || r.srv.HoldChanges() != 1 {
		t.Fatalf("second run wrote again: %+v, %d hold changes", res, r.srv.HoldChanges())
	}

	// The seller releases the order and removes the tag in Shopclerk.
	if err := rulesdb.New(r.db.Store).ReleaseHold(ctx, oid); err != nil {
		t.Fatal(err)
	}
	if _, _, err := customersdb.New(r.db.Store).SetTag(ctx, cust, "wholesale", false); err != nil {
		t.Fatal(err)
	}
	if res := r.push(); res.Done != 3 {
		t.Fatalf("release run: %+v (%v)", res, r.writes())
	}
	if got := r.srv.Holds(orderName); len(got) != 0 || r.srv.HoldChanges() != 2 {
		t.Errorf("holds after release %v (%d changes)", got, r.srv.HoldChanges())
	}
	if got := r.srv.Tags(orderGID); len(got) != 0 {
		t.Errorf("order tags after release %v", got)
	}
	if got := r.srv.Tags(aliceGID); !slices.Equal(got, []string{"high-value"}) {
		t.Errorf("customer tags after removal %v", got)
	}
	w := r.writes()
	for _, s := range []string{"hold #1058", "release #1058", "add high-value on " + alice, "remove wholesale on " + alice, "add held for review on #1058"} {
		if w[s].Status != domain.WriteDone {
			t.Errorf("write %q: %+v", s, w[s])
		}
	}
}

// A tag added and removed again before the queue ran writes only what is
// so now; the RFM segment is a tag that moves with the customer; with the
// switches off (the default) nothing is queued at all.
func TestTagWritesFollowWhatIsSoNow(t *testing.T) {
	ctx := context.Background()
	r := marksRig(t, domain.StoreWrites{Tags: true})
	cust := r.idOf("customers", "email", alice)
	cdb := customersdb.New(r.db.Store)
	cdb.SetTag(ctx, cust, "vip", true)
	cdb.SetTag(ctx, cust, "vip", false)
	score := `INSERT OR REPLACE INTO rfm_scores (customer_id, r, f, m, orders, spent, last_order_at, segment, since) VALUES (?, 5, 5, 5, 3, 9000, 0, ?, 0)`
	r.exec(score, cust, "champions")
	r.exec(score, cust, "champions") // scored again, same segment: nothing new
	r.exec(score, cust, "at_risk")
	res := r.push()
	w := r.writes()
	if w["add vip on "+alice].Status != domain.WriteSkipped || w["add segment: champions on "+alice].Status != domain.WriteSkipped {
		t.Errorf("superseded writes were made: %v", w)
	}
	if got := r.srv.Tags(aliceGID); !slices.Equal(got, []string{"segment: at_risk"}) {
		t.Errorf("tags %v after %+v", got, res)
	}
	if len(w) != 5 {
		t.Errorf("%d writes, want 5: %v", len(w), w)
	}

	off := newRig(t)
	off.mustSync(false)
	oid := off.idOf("orders", "name", orderName)
	off.flow("1/o/o/1", func(tx *rulesdb.RuleTx) error { return tx.HoldOrder(oid, "risk") })
	if res := off.push(); res.Done+res.Skipped+res.Waiting != 0 || len(off.srv.Holds(orderName)) != 0 {
		t.Fatalf("switches off, yet: %+v", res)
	}
	var marks int
	off.db.SQL().QueryRow(`SELECT COUNT(*) FROM store_marks`).Scan(&marks)
	if marks != 0 {
		t.Errorf("%d marks made with every switch off", marks)
	}
}

// Holds switched on later put the orders held now on hold too; a store
// without the fulfillment scope keeps the switch off and says where to
// grant it.
func TestHoldsSwitchedOnLaterAndMissingScope(t *testing.T) {
	ctx := context.Background()
	r := marksRig(t, domain.StoreWrites{})
	oid := r.idOf("orders", "name", orderName)
	r.flow("1/o/o/1", func(tx *rulesdb.RuleTx) error { return tx.HoldOrder(oid, "risk") })
	if err := r.db.SetWrites(ctx, r.cs.ID, domain.StoreWrites{Holds: true}); err != nil {
		t.Fatal(err)
	}
	r.cs, _ = r.db.StoreByID(ctx, r.cs.ID)
	if res := r.push(); res.Done != 1 || len(r.srv.Holds(orderName)) != 1 {
		t.Fatalf("held before the switch: %+v, holds %v", res, r.srv.Holds(orderName))
	}
	r.srv.Shop.Scopes = slices.DeleteFunc(r.srv.Shop.Scopes, func(s string) bool { return s == "write_orders" })
	missing, err := r.client().CheckWrites(ctx, domain.StoreWrites{Tags: true})
	if err != nil || len(missing) != 1 || !strings.Contains(missing[0], "write_orders") {
		t.Fatalf("missing %v, %v", missing, err)
	}
}

// The seller's own segments reach Shopify as tags "segment: NAME": members
// get it at the scoring after a sync, a renamed segment renames it, a
// customer who leaves (or a deleted segment) loses it.
func TestSellersSegmentsBecomeTags(t *testing.T) {
	ctx := context.Background()
	r := marksRig(t, domain.StoreWrites{Tags: true})
	svc := customers.New(customersdb.New(r.db.Store), clock.Fixed{T: now}, slog.New(slog.DiscardHandler))
	rescore := func() {
		t.Helper()
		if _, err := svc.Recompute(ctx); err != nil {
			t.Fatal(err)
		}
		r.push()
	}
	has := func(tag string) bool { return slices.Contains(r.srv.Tags(aliceGID), tag) }
	seg, _, err := svc.SaveSegment(ctx, customers.SegmentDef{Name: "VIP", Condition: `customer.email == "` + alice + `"`})
	if err != nil {
		t.Fatal(err)
	}
	rescore()
	if !has("segment: VIP") {
		t.Fatalf("member not tagged: %v (%v)", r.srv.Tags(aliceGID), r.writes())
	}
	seg.Name = "Gold"
	if seg, _, err = svc.SaveSegment(ctx, seg); err != nil {
		t.Fatal(err)
	}
	r.push()
	if has("segment: VIP") || !has("segment: Gold") {
		t.Fatalf("after the rename: %v", r.srv.Tags(aliceGID))
	}
	seg.Condition = `customer.email == "nobody@example.com"`
	if _, _, err = svc.SaveSegment(ctx, seg); err != nil {
		t.Fatal(err)
	}
	rescore()
	if has("segment: Gold") {
		t.Fatalf("left the segment, still tagged: %v", r.srv.Tags(aliceGID))
	}
	seg.Condition = `customer.email == "` + alice + `"`
	if _, _, err = svc.SaveSegment(ctx, seg); err != nil {
		t.Fatal(err)
	}
	rescore()
	if err := svc.DeleteSegment(ctx, seg.ID); err != nil {
		t.Fatal(err)
	}
	r.push()
	if has("segment: Gold") {
		t.Fatalf("segment deleted, still tagged: %v", r.srv.Tags(aliceGID))
	}
}
