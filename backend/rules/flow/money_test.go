package flow

import (
	"strings"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/email"
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

func TestMoneyVars(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
		bad  bool
	}{{"20000", 20000, false}, {" 1990 ", 1990, false}, {"0", 0, false},
		{"19.90", 0, true}, {"200 EUR", 0, true}, {"-5", 0, true}, {"", 0, true}, {"1234567890123456", 0, true}} {
		got, err := MinorUnits(c.in)
		if (err != nil) != c.bad || got != c.want {
			t.Errorf("%q: %d %v", c.in, got, err)
		}
	}
	d := Definition{Trigger: TriggerSpec{Type: domain.TriggerOrderPaid}, Policy: Policy{CatchUp: CatchUpSkip, MaxLateHours: 72},
		Steps: []Step{{Action: domain.StepSendEmail, Template: "order_confirmation", Vars: map[string]string{"tier": "two hundred"},
			MoneyVars: []string{"tier", "floor"}}}}
	probs := Validate(d)
	if len(probs) != 2 || !strings.Contains(probs[0].Message, `tier must be an amount like 200 (kept in cents, 20000, as conditions compare order.total), not "two hundred"`) ||
		!strings.Contains(probs[1].Message, "floor is marked as an amount") {
		t.Fatalf("%+v", probs)
	}
}
