package rules

import (
	"context"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/rules/flow"
	"shopclerk/backend/store/rulesdb"
)

// segmentFacts is fakeFacts that also names the seller's own segments
// each customer is in, as backend/customers does.
type segmentFacts struct {
	fakeFacts
	mine      map[string][]string
	askedMine int
}

func (f *segmentFacts) CustomerSegments(ctx context.Context, id int64) ([]string, error) {
	f.askedMine++
	c, err := f.st.st.CustomerByID(ctx, id)
	if err != nil {
		return nil, err
	}
	return f.mine[c.Email], nil
}

// "Customer is in segment X": a flow's condition reads the seller's own
// segments through customer.segments; only flows that read it ask, and
// an engine whose Customers cannot name them sees an empty list (no error).
func TestConditionOnTheSellersSegments(t *testing.T) {
	s := newShop(t)
	facts := &segmentFacts{fakeFacts: fakeFacts{st: s, segment: map[string]string{}},
		mine: map[string][]string{"ann@example.com": {"VIP", "Berlin"}, "bob@example.com": {"Berlin"}}}
	s.e = New(s.st, Options{Log: quietLog, Customers: facts})
	s.annAndBobPaid()
	vip := taskFlow(flow.TriggerSpec{Type: domain.TriggerOrderPaid})
	vip.Condition = `"VIP" in customer.segments`
	id := s.flow("VIPs only", vip)
	notVIP := taskFlow(flow.TriggerSpec{Type: domain.TriggerOrderPaid})
	notVIP.Condition = `"Berlin" in customer.segments && !("VIP" in customer.segments)`
	other := s.flow("Berliners but not VIPs", notVIP)
	plain := s.flow("every paid order", taskFlow(flow.TriggerSpec{Type: domain.TriggerOrderPaid}))
	p := s.plan(t0)
	ann, _, _ := s.st.CustomerByEmail(s.ctx, "ann@example.com")
	bob, _, _ := s.st.CustomerByEmail(s.ctx, "bob@example.com")
	if items := flowItems(p, id); len(items) != 1 || items[0].Subject != rulesdb.SubjectFor(ann.ID, "") {
		t.Fatalf("VIP flow planned %+v", items)
	}
	if items := flowItems(p, other); len(items) != 1 || items[0].Subject != rulesdb.SubjectFor(bob.ID, "") {
		t.Fatalf("Berlin flow planned %+v", items)
	}
	if len(flowItems(p, plain)) != 2 {
		t.Errorf("the plain flow planned %d items", len(flowItems(p, plain)))
	}
	if facts.askedMine != 4 || facts.asked != 0 {
		t.Errorf("asked for own segments %d times, RFM %d; want 4 (two flows, two customers) and 0", facts.askedMine, facts.asked)
	}

	// Customers that cannot name segments: the list is empty, the flow plans nothing.
	s.e = New(s.st, Options{Log: quietLog, Customers: &fakeFacts{st: s, segment: map[string]string{}}})
	if items := flowItems(s.plan(t0), id); len(items) != 0 {
		t.Errorf("without SegmentFacts the VIP flow planned %+v", items)
	}
}
