package flow

import (
	"testing"
	"time"
)

// The event guard keeps the terms that read only the event, and only those,
// so it is false only when the whole condition is.
func TestEventGuard(t *testing.T) {
	for _, c := range []struct{ cond, guard string }{
		{`event.value in ["exception", "failed_attempt"] && !shipment.final && !order.cancelled`, `(event.value in ["exception", "failed_attempt"])`},
		{`!order.cancelled && event.value == "vip" and event.type != ""`, `(event.value == "vip") && (event.type != "")`},
		{`event.value == "vip" || order.total > 100`, ``},          // an "or" reads the order too
		{`order.total > 100`, ``},                                  // nothing about the event
		{`hoursSince(event.at) < 2 && order.total > 0`, ``},        // the clock
		{`len(event.value) > 3 && order.total > 0`, ``},            // a builtin: kept out, to be safe
		{`event.value == customer.segment && order.total > 0`, ``}, // the customer
		{`(event.value == "a" ? 1 : 2) == 1 && order.total > 0`, `((event.value == "a" ? 1 : 2) == 1)`},
	} {
		cond, err := CompileCondition(c.cond)
		if err != nil {
			t.Fatalf("%s: %v", c.cond, err)
		}
		g := cond.EventGuard()
		got := ""
		if g != nil {
			got = g.Source
		}
		if got != c.guard {
			t.Errorf("%s: guard %q, want %q", c.cond, got, c.guard)
			continue
		}
		if g == nil {
			continue
		}
		env := sampleEnv(time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC))
		for _, v := range []string{"exception", "failed_attempt", "in_transit", "vip", "a", ""} {
			env.Event.Value = v
			whole, err1 := cond.Eval(&env)
			pass, err2 := g.Eval(&env)
			if err1 != nil || err2 != nil || (!pass && whole) {
				t.Errorf("%s with event %q: guard %v, whole %v (%v %v)", c.cond, v, pass, whole, err1, err2)
			}
		}
	}
}
