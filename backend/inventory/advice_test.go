package inventory

import (
	"context"
	"reflect"
	"testing"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/store/importdb"
)

// A SKU whose every level is "not stocked" (Shopify's word for a variant a
// location does not carry) is not reordered however it sold, is not due,
// and stays out of the digest; a second, unstocked location of a stocked
// SKU changes nothing. The Advisor, which reads one SKU's history alone,
// decides every SKU exactly as the whole-shop plan does.
func TestNotStockedAndAdvisorAgreesWithPlan(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, testNow)
	seedShop(t, st, "orders@potter.test")
	_, _, err := importdb.New(st.Store).WriteBatch(ctx, domain.BatchMeta{FileName: "levels", Kind: "test"}, importdb.WriteOptions{}, func(w *importdb.Writer) error {
		for _, l := range []domain.StockLevel{
			{SKU: "PLATE", Location: "Shop", Stocked: false},
			{SKU: "PLATE", Location: "Warehouse", Stocked: false},
			{SKU: "MUG", Location: "Pop-up", Stocked: false},
		} {
			if err := w.SetStock(l, "import"); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	svc := New(st, clock.Fixed{T: testNow}, nil)
	plan, err := svc.Plan(ctx)
	if err != nil {
		t.Fatal(err)
	}
	a, err := svc.Advisor(ctx, testNow)
	if err != nil {
		t.Fatal(err)
	}
	items := map[string]SKUPlan{}
	for _, p := range plan.Items {
		items[p.SKU] = p
		one, ok, err := a.SKU(ctx, p.SKU)
		if err != nil || !ok {
			t.Fatalf("%s: %v %v", p.SKU, ok, err)
		}
		if !reflect.DeepEqual(one.Advice(), p.Advice()) || !reflect.DeepEqual(one.Decision, p.Decision) || !reflect.DeepEqual(one.Flags, p.Flags) {
			t.Errorf("%s: the advisor says %+v %+v, the plan %+v %+v", p.SKU, one.Advice(), one.Decision, p.Advice(), p.Decision)
		}
		if adv, err := a.Advise(ctx, p.SKU); err != nil || !reflect.DeepEqual(adv, p.Advice()) {
			t.Errorf("%s: advised %+v (%v), the plan says %+v", p.SKU, adv, err, p.Advice())
		}
	}
	plate := items["PLATE"]
	if !plate.NotStocked || plate.Suggest != 0 || plate.Decision != nil || len(plate.Flags) != 1 || plate.Flags[0].Code != FlagNotStocked {
		t.Errorf("PLATE stocked nowhere: %+v", plate)
	}
	if adv := plate.Advice(); !adv.NotStocked || adv.Quantity != 0 || adv.Problem != "" {
		t.Errorf("PLATE's advice: %+v", adv)
	}
	mug := items["MUG"]
	if mug.NotStocked || mug.Available != 10 || mug.Suggest == 0 || plan.Due != 1 {
		t.Errorf("MUG stocked at two of three locations: %+v, due %d", mug, plan.Due)
	}
	if d := BuildDigest(plan, "2026-03-01"); len(d.Low)+len(d.AtRisk) != 2 {
		t.Errorf("digest: low %+v, at risk %+v", d.Low, d.AtRisk)
	}
	if adv, err := a.Advise(ctx, "NOPE"); err != nil || adv.Quantity != 0 || !adv.NotStocked {
		t.Errorf("a SKU without a product: %+v %v", adv, err)
	}
}

// A decision read from a SKU's history is remembered: a later Advisor with
// nothing changed answers from the memo (here tampered with, to tell), and
// forgets it when the policy changes or a sale comes in.
func TestAdvisorRemembersUntilItsFactsChange(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, testNow)
	seedShop(t, st, "orders@potter.test")
	svc := New(st, clock.Fixed{T: testNow}, nil)
	advise := func() domain.ReorderAdvice {
		t.Helper()
		a, err := svc.Advisor(ctx, testNow)
		if err != nil {
			t.Fatal(err)
		}
		adv, err := a.Advise(ctx, "MUG")
		if err != nil {
			t.Fatal(err)
		}
		return adv
	}
	first := advise()
	if first.Quantity == 0 {
		t.Fatalf("MUG is low and should be ordered: %+v", first)
	}
	tamper := func() {
		t.Helper()
		if _, err := st.SQL().ExecContext(ctx, `UPDATE reorder_memo SET advice = json_set(advice, '$.quantity', 999) WHERE sku = 'MUG'`); err != nil {
			t.Fatal(err)
		}
	}
	tamper()
	if got := advise(); got.Quantity != 999 {
		t.Fatalf("nothing changed, yet the history was read again: %+v", got)
	}
	if err := svc.SetPolicy(ctx, Policy{ServiceLevel: 0.99, ReviewDays: 14}); err != nil {
		t.Fatal(err)
	}
	again := advise()
	if again.Quantity == 999 || again.Quantity == 0 {
		t.Fatalf("the policy changed, the remembered decision was used: %+v", again)
	}
	tamper()
	_, _, err := importdb.New(st.Store).WriteBatch(ctx, domain.BatchMeta{FileName: "sale", Kind: "test"}, importdb.WriteOptions{}, func(w *importdb.Writer) error {
		o := domain.Order{Source: domain.SourceManual, ExternalID: "late", Name: "#late", Currency: "EUR", FinancialStatus: domain.FinancialPaid,
			CreatedAt: testNow.Add(-time.Hour), Lines: []domain.LineItem{{SKU: "MUG", Quantity: 30}}}
		return w.UpsertOrder(o, nil)
	})
	if err != nil {
		t.Fatal(err)
	}
	plan, err := svc.Plan(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range plan.Items {
		if got := advise(); p.SKU == "MUG" && !reflect.DeepEqual(got, p.Advice()) {
			t.Errorf("a sale came in, yet the remembered decision was used: %+v, the plan says %+v", got, p.Advice())
		}
	}
}
