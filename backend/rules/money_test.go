package rules

import (
	"maps"
	"strings"
	"testing"

	"shopclerk/backend/email"
	"shopclerk/backend/store/importdb"
)

// tierRenderer is the engine's renderer with a spend-tier email that shows
// the tier, as the mail package's designed one does.
type tierRenderer struct{ email.Fallback }

func (tierRenderer) Lookup(name string) (email.Template, bool) {
	if name == "spend_tier_coupon" {
		return email.Template{Name: name, Subject: "Thanks", HTML: "<p>you have spent over {{.Vars.tier}} with us</p>"}, true
	}
	return email.Fallback{}.Lookup(name)
}

// The spend-tier email said "spent over 200": the tier is an amount, shown
// like the order's amounts, in the order's currency with its decimals, and it
// is the threshold the order reached (order.total >= 20000 is 200.00 EUR
// but 20000 JPY; ben's 450.00 GBP reached the 400 tier).
func TestSpendTierShowsTheTierAsMoney(t *testing.T) {
	s := newShop(t)
	s.e = New(s.st, Options{Log: quietLog, Renderer: tierRenderer{}})
	s.template("spend_tiers")
	s.write(func(w *importdb.Writer) error {
		for _, c := range []struct {
			email, currency string
			total           int64
		}{{"ann@example.com", "EUR", 25000}, {"ben@example.com", "GBP", 45000}, {"kei@example.com", "JPY", 30000}} {
			cu := cust(c.email, "X", "DE", true)
			o := order(c.email, c.email, c.total, t0.Add(-2*hour))
			o.Currency = c.currency
			if err := w.UpsertOrder(o, &cu); err != nil {
				return err
			}
		}
		return nil
	})
	got := map[string]string{}
	for _, f := range s.plan(t0).Flows {
		for _, it := range f.Items {
			if it.Problem != "" {
				t.Fatalf("%s: %s", it.Summary, it.Problem)
			}
			if it.Email != nil {
				body, _, _ := strings.Cut(it.Email.Text, "\n\n-- \n") // without the shop's footer
				got[it.Email.To] = body
			}
		}
	}
	want := map[string]string{"ann@example.com": "you have spent over 200.00 EUR with us",
		"ben@example.com": "you have spent over 400.00 GBP with us", "kei@example.com": "you have spent over 20000 JPY with us"}
	if !maps.Equal(got, want) {
		t.Fatalf("got %q\nwant %q", got, want)
	}
}
