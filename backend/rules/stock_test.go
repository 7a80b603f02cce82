package rules

import (
	"sort"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/rules/flow"
	"shopclerk/backend/store/importdb"
)

// A flow that only drafts purchase orders leaves out crossings of SKUs that
// are back above their reorder point or stocked at no location (they would
// plan nothing), and still shows the ones without a supplier; a flow with a
// condition still sees every crossing, so its reasons are counted as before.
func TestStockCrossingsOfRestockedSKUs(t *testing.T) {
	s := newShop(t)
	po := s.template("low_stock_po")
	cond := s.flow("Stock with a condition", flow.Definition{Trigger: flow.TriggerSpec{Type: domain.TriggerStockBelow, Threshold: 5},
		Condition: "stock.available > 100", Steps: []flow.Step{{Action: domain.StepPurchaseOrder}},
		Policy: flow.Policy{Reentry: flow.ReentryEveryTime, CatchUp: flow.CatchUpSend, MaxLateHours: 72}})
	s.write(func(w *importdb.Writer) error {
		for _, sku := range []string{"MUG-1", "CUP-1", "JUG-1"} {
			if err := stock(w, sku, 12); err != nil {
				return err
			}
		}
		if err := w.UpsertProduct(domain.Product{SKU: "BOWL-1", Title: "Bowl"}); err != nil {
			return err
		}
		return w.SetStock(domain.StockLevel{SKU: "BOWL-1", Location: "Main", OnHand: 9, Available: 9, Stocked: true}, "import")
	})
	s.plan(t0.Add(-day))
	s.write(func(w *importdb.Writer) error {
		if err := stock(w, "MUG-1", 3); err != nil { // crosses below 5 and stays there
			return err
		}
		if err := stock(w, "CUP-1", 3); err != nil { // crosses below 5 ...
			return err
		}
		// JUG-1 crosses where it is no longer stocked: Shopify's "not stocked".
		if err := w.SetStock(domain.StockLevel{SKU: "JUG-1", Location: "Main", OnHand: 1, Available: 1}, "import"); err != nil {
			return err
		}
		// BOWL-1 crosses too but has no supplier: shown with a problem.
		return w.SetStock(domain.StockLevel{SKU: "BOWL-1", Location: "Main", OnHand: 2, Available: 2, Stocked: true}, "import")
	})
	s.write(func(w *importdb.Writer) error { return stock(w, "CUP-1", 8) }) // ... and is restocked

	skus := func(stillLow bool) []string {
		occs, err := s.st.StockCrossings(s.ctx, t0.Add(-day), t0, 5, stillLow)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, o := range occs {
			out = append(out, o.SKU)
		}
		sort.Strings(out)
		return out
	}
	if got := skus(false); len(got) != 4 {
		t.Fatalf("all crossings: %v", got)
	}
	if got := skus(true); len(got) != 2 || got[0] != "BOWL-1" || got[1] != "MUG-1" {
		t.Fatalf("crossings still low: %v", got)
	}

	p := s.plan(t0)
	for _, f := range p.Flows {
		switch f.FlowID {
		case po:
			var lines, problems []string
			for _, it := range f.Items {
				if it.Problem != "" {
					problems = append(problems, it.Subject)
				} else if it.PurchaseLine != nil {
					lines = append(lines, it.PurchaseLine.SKU)
				}
			}
			if len(f.Items) != 2 || len(lines) != 1 || lines[0] != "MUG-1" || len(problems) != 1 || problems[0] != "sku:BOWL-1" {
				t.Fatalf("low stock flow: lines %v, problems %v, items %d", lines, problems, len(f.Items))
			}
			if len(f.Skipped) != 0 {
				t.Fatalf("low stock flow skipped %v", f.Skipped)
			}
		case cond:
			if len(f.Items) != 0 || f.Skipped[whyCondition] != 4 {
				t.Fatalf("flow with a condition: items %d, skipped %v", len(f.Items), f.Skipped)
			}
		}
	}
	if !(&compiled{def: flow.Templates[0].Definition}).restockPlansNothing() {
		t.Fatal("the low stock template should leave restocked SKUs out")
	}
}
