package woocommerce_test

import (
	"context"
	"strings"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/customersdb"
	"shopclerk/backend/store/rulesdb"
)

// hold holds the shop's order in a flow's step, as the engine does.
func (r *rig) hold(name string) int64 {
	r.t.Helper()
	ctx := context.Background()
	var oid int64
	if err := r.db.SQL().QueryRowContext(ctx, `SELECT id FROM orders WHERE name = ?`, name).Scan(&oid); err != nil {
		r.t.Fatal(err)
	}
	r.exec(`INSERT OR IGNORE INTO rules (id, name, enabled, definition, created_at, updated_at) VALUES (1, 'risk', 1, '{}', 0, 0)`)
	e := domain.LedgerEntry{Key: "1/" + name, RuleID: 1, Subject: name, Occurrence: name, DueAt: now}
	err := rulesdb.New(r.db.Store).ApplyRuleAction(ctx, e, func(tx *rulesdb.RuleTx) (string, error) { return "held", tx.HoldOrder(oid, "high risk") })
	if err != nil {
		r.t.Fatal(err)
	}
	return oid
}

// A held order is on-hold in WooCommerce until the seller releases it in
// Shopclerk, which puts back the status it had; tags go to the customer's
// and the order's shopclerk_tags field; each write is made once (a second
// run reads the records and writes nothing); an order the store completed
// is not held, and says so.
func TestWooTagsAndHolds(t *testing.T) {
	ctx := context.Background()
	r := newRig(t)
	if _, err := r.sync(false); err != nil {
		t.Fatal(err)
	}
	if err := r.db.SetWrites(ctx, r.cs.ID, domain.StoreWrites{Tags: true, Holds: true}); err != nil {
		t.Fatal(err)
	}
	var john int64
	r.db.SQL().QueryRow(`SELECT id FROM customers WHERE email = 'john.doe@example.com'`).Scan(&john)
	if _, _, err := customersdb.New(r.db.Store).SetTag(ctx, john, "vip", true); err != nil {
		t.Fatal(err)
	}
	held := r.hold("#727")
	r.hold("#723")
	res := r.push()
	if res.Waiting != 0 || res.Done != 5 {
		t.Fatalf("first run: %+v", res)
	}
	if st, from := r.srv.Status(727), r.srv.Meta("orders", 727, "_shopclerk_hold_from"); st != "on-hold" || from != "processing" {
		t.Errorf("#727 is %q (from %q)", st, from)
	}
	if r.srv.Status(723) != "completed" {
		t.Errorf("#723 is %q", r.srv.Status(723))
	}
	if got := r.srv.Meta("orders", 727, "shopclerk_tags"); got != "held for review" {
		t.Errorf("order tags %q", got)
	}
	if got := r.srv.Meta("customers", 25, "shopclerk_tags"); got != "vip" {
		t.Errorf("customer tags %q", got)
	}
	writes, _ := r.db.Writes(ctx, r.cs.ID, 50)
	for _, w := range writes {
		if w.Subject == "hold #723" && !strings.Contains(w.Note, "completed") {
			t.Errorf("hold of a completed order: %+v", w)
		}
	}
	n := r.srv.MetaWrites()
	if res := r.push(); res.Done != 0 || r.srv.MetaWrites() != n {
		t.Fatalf("second run wrote again: %+v", res)
	}

	if err := rulesdb.New(r.db.Store).ReleaseHold(ctx, held); err != nil {
		t.Fatal(err)
	}
	if res := r.push(); res.Done != 2 || res.Waiting != 0 {
		t.Fatalf("release: %+v", res)
	}
	if st := r.srv.Status(727); st != "processing" {
		t.Errorf("#727 after release is %q", st)
	}
	if got := r.srv.Meta("orders", 727, "shopclerk_tags"); got != "" {
		t.Errorf("order tags after release %q", got)
	}
}
