package rules

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/email"
	"shopclerk/backend/rules/flow"
	"shopclerk/backend/store/importdb"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// demoShop writes a small shop in which every ready-made flow has something
// to do, and some things it must leave alone (see the comments).
func demoShop(s *shop) {
	s.st.SetSetting(s.ctx, SettingWeeklyCap, "5")
	s.write(func(w *importdb.Writer) error {
		if err := stock(w, "MUG-1", 12); err != nil {
			return err
		}
		if err := w.UpsertProduct(domain.Product{SKU: "BOWL-1", Title: "Bowl"}); err != nil {
			return err
		}
		return w.SetStock(domain.StockLevel{SKU: "BOWL-1", Location: "Main", OnHand: 9, Available: 9, Stocked: true}, "import")
	})
	s.plan(t0.Add(-day)) // the detector sees the starting state
	demoShopData(s)
}

// demoShopData is the demo shop's second import; writing it again is a
// re-import of the same files.
func demoShopData(s *shop) {
	s.write(func(w *importdb.Writer) error {
		if err := stock(w, "MUG-1", 3); err != nil { // crosses below 5: purchase order
			return err
		}
		// BOWL-1 crosses too but has no supplier: shown with a problem.
		if err := w.SetStock(domain.StockLevel{SKU: "BOWL-1", Location: "Main", OnHand: 2, Available: 2, Stocked: true}, "import"); err != nil {
			return err
		}
		put := func(c domain.Customer, orders ...domain.Order) error {
			if len(orders) == 0 {
				_, err := w.UpsertCustomer(c, importdb.CustomerAuthoritative)
				return err
			}
			for _, o := range orders {
				if err := w.UpsertOrder(o, &c); err != nil {
					return err
				}
			}
			return nil
		}
		ann := cust("ann@example.com", "Ann", "DE", true)
		ben := cust("ben@example.com", "Ben", "GB", true)
		rita := cust("rita@example.com", "Rita", "US", false)
		ritaOrder := order("1003", rita.Email, 35000, t0.Add(-4*hour))
		ritaOrder.Billing.Country = "US" // first large order, countries differ: held
		walt := cust("walt@example.com", "Walt", "GB", true)
		fay := cust("fay@example.com", "Fay", "GB", true)
		sam := cust("sam@example.com", "Sam", "GB", false)
		samOrder := order("S1", sam.Email, 1500, t0.Add(-27*day-2*hour))
		samOrder.Tags = []string{"subscription"}
		pat := cust("pat@example.com", "Pat", "GB", false)
		patOrder := order("P1", pat.Email, 1500, t0.Add(-7*day-2*hour))
		patOrder.PaidAt, patOrder.FinancialStatus = nil, domain.FinancialPending
		carla := cust("carla@example.com", "Carla", "FR", true)
		carlaOrder := order("1004", carla.Email, 5000, t0.Add(-3*hour))
		carlaOrder.CancelledAt = ptr(t0.Add(-hour))
		carl := cust("carl@example.com", "Carl", "NL", true)
		cleo := cust("cleo@example.com", "Cleo", "NL", true)
		bea := cust("bea@example.com", "Bea", "DE", true)
		bea.Birthday = "03-02"
		bob := cust("bob@example.com", "Bob", "DE", false)
		bob.Birthday = "1980-03-02" // no consent: no birthday offer
		nia := cust("nia@example.com", "Nia", "FR", true)
		nia.CreatedAt, nia.ConsentAt = t0.Add(-hour), ptr(t0.Add(-hour))
		dieter := cust("dieter@example.com", "Dieter", "DE", false)
		dieter.CreatedAt = t0.Add(-2 * hour)
		for _, err := range []error{
			put(ann, order("1001", ann.Email, 25000, t0.Add(-2*hour))),
			put(ben, order("0900", ben.Email, 60000, t0.Add(-100*day)), order("1002", ben.Email, 45000, t0.Add(-3*hour))),
			put(rita, ritaOrder),
			put(walt, order("0500", walt.Email, 3000, t0.Add(-180*day-5*hour))),
			put(sam, samOrder), put(pat, patOrder), put(carla, carlaOrder),
			put(bea), put(bob), put(nia), put(dieter), put(cleo), put(carl),
			w.UpsertCart(cart("c-carl", carl.Email, t0.Add(-2*hour)), &carl),
			w.UpsertCart(cart("c-cleo", cleo.Email, t0.Add(-7*day-2*hour)), &cleo),
			w.UpsertCart(cart("c-carla", carla.Email, t0.Add(-2*hour)), &carla), // her cancellation stops only that order's sequences
			shipmentAt(w, fay, domain.ShipmentDelivered, t0.Add(-30*day-2*hour)),
		} {
			if err != nil {
				return err
			}
		}
		return nil
	})
	finn := cust("finn@example.com", "Finn", "IE", true)
	s.write(func(w *importdb.Writer) error {
		return w.UpsertOrder(order("0700", finn.Email, 2000, t0.Add(-90*day)), &finn)
	})
	c, _, _ := s.st.CustomerByEmail(s.ctx, finn.Email)
	for i := range 3 {
		s.st.EnqueueMessage(s.ctx, &domain.OutboxMessage{MessageID: fmt.Sprintf("<n%d@shop.example>", i), Kind: domain.KindMarketing,
			ToAddr: finn.Email, Subject: "news", CustomerID: &c.ID})
	}
}

// TestTemplatesGolden plans every ready-made flow over the demo shop and
// compares what each would do with testdata/templates.golden, whose lines
// were checked by hand against the comments in demoShop.
func TestTemplatesGolden(t *testing.T) {
	s := newShop(t)
	names := map[int64]string{}
	for _, tpl := range flow.Templates {
		names[s.template(tpl.Key)] = tpl.Key
	}
	demoShop(s)
	p := s.plan(t0)
	var lines []string
	for _, f := range p.Flows {
		for _, it := range f.Items {
			line := fmt.Sprintf("%-20s step %d %-22s %s", names[f.FlowID], it.Step+1, it.Action, it.Summary)
			if it.Problem != "" {
				line += " [problem: " + it.Problem + "]"
			}
			lines = append(lines, line)
		}
		var skipped []string
		for why, n := range f.Skipped {
			skipped = append(skipped, fmt.Sprintf("%s=%d", why, n))
		}
		sort.Strings(skipped)
		if len(skipped) > 0 {
			lines = append(lines, fmt.Sprintf("%-20s skipped: %s", names[f.FlowID], strings.Join(skipped, ", ")))
		}
		for _, po := range f.PurchaseOrders {
			lines = append(lines, fmt.Sprintf("%-20s purchase order to %s: %d lines, %s", names[f.FlowID], po.Supplier, len(po.Lines), email.FormatMoney(po.Total, po.Currency)))
		}
	}
	got := strings.Join(lines, "\n") + "\n"
	golden := filepath.Join("testdata", "templates.golden")
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("plan differs from %s:\n--- got\n%s--- want\n%s", golden, got, want)
	}

	// Running everything, then planning again, plans nothing new.
	s.runAll(t0)
	// (BOWL-1 stays listed with its problem until it gets a supplier.)
	if again := s.plan(t0); len(again.AllKeys()) != 0 || again.Items != 1 {
		t.Fatalf("second plan has %d runnable items: %+v", len(again.AllKeys()), again.Flows)
	}
	c := s.counts()
	if c["dup_keys"] != 0 || c["purchase_orders"] != 1 || c["holds"] != 1 || c["stops"] != 1 {
		t.Fatalf("effects %v", c)
	}
}
