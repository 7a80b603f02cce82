package rules

import (
	"context"
	"errors"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/rules/flow"
	"shopclerk/backend/store/importdb"
)

// A "condition not met" is remembered, and forgotten when the order changes.
func TestMemoForgetsWhenFactsChange(t *testing.T) {
	s := newShop(t)
	ann := cust("ann@example.com", "Ann", "DE", true)
	s.write(func(w *importdb.Writer) error {
		return w.UpsertOrder(order("1001", ann.Email, 1000, t0.Add(-2*hour)), &ann)
	})
	d := taskFlow(flow.TriggerSpec{Type: domain.TriggerOrderPaid})
	d.Condition = "order.total >= 20000"
	id := s.flow("big orders", d)
	for range 2 { // the second plan answers from the memo
		if fp := flowPlan(s.plan(t0), id); len(fp.Items) != 0 || fp.Skipped[whyCondition] != 1 {
			t.Fatalf("plan %+v", fp)
		}
	}
	memo, err := s.st.RuleMemo(s.ctx, id)
	if err != nil || len(memo) != 1 {
		t.Fatalf("memo %v %v", memo, err)
	}
	// The same order re-imported with a larger total (same second, same
	// clock): the fingerprint changes and the condition is asked again.
	s.write(func(w *importdb.Writer) error {
		return w.UpsertOrder(order("1001", ann.Email, 25000, t0.Add(-2*hour)), &ann)
	})
	if items := flowItems(s.plan(t0), id); len(items) != 1 {
		t.Fatalf("items %+v", items)
	}
}

// A plan reports progress per flow and stops when cancelled.
func TestPlanProgressAndCancel(t *testing.T) {
	s := newShop(t)
	s.template("order_confirmation")
	s.template("high_value")
	var calls []int
	if _, err := s.e.PlanProgress(s.ctx, t0, func(done, total int, _ string) {
		if total != 2 {
			t.Fatalf("total %d", total)
		}
		calls = append(calls, done)
	}); err != nil {
		t.Fatal(err)
	}
	if len(calls) != 2 || calls[1] != 2 {
		t.Fatalf("progress %v", calls)
	}
	ctx, cancel := context.WithCancel(s.ctx)
	cancel()
	if _, err := s.e.PlanProgress(ctx, t0, nil); !errors.Is(err, context.Canceled) && err == nil {
		t.Fatalf("cancelled plan returned %v", err)
	}
}
