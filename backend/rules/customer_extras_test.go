package rules

import (
	"context"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/rules/flow"
	"shopclerk/backend/store/rulesdb"
)

// fakeFacts is what backend/customers answers: an RFM segment per customer
// email and the SKUs they bought.
type fakeFacts struct {
	st       *shop
	segment  map[string]string
	asked    int
	products int
}

func (f *fakeFacts) CustomerExtras(ctx context.Context, id int64, products bool) (string, []string, error) {
	f.asked++
	c, err := f.st.st.CustomerByID(ctx, id)
	if err != nil {
		return "", nil, err
	}
	if !products {
		return f.segment[c.Email], []string{}, nil
	}
	f.products++
	return f.segment[c.Email], []string{"MUG-1"}, nil
}

// A flow's condition may read the customer's RFM segment and the products
// they bought; the engine asks Options.Customers for them only when the
// flow reads them.
func TestConditionOnSegmentAndProducts(t *testing.T) {
	s := newShop(t)
	facts := &fakeFacts{st: s, segment: map[string]string{"ann@example.com": "champions", "bob@example.com": "lost"}}
	s.e = New(s.st, Options{Log: quietLog, Customers: facts})
	s.annAndBobPaid()
	champions := taskFlow(flow.TriggerSpec{Type: domain.TriggerOrderPaid})
	champions.Condition = `customer.segment == "champions" && "MUG-1" in customer.products`
	id := s.flow("champions only", champions)
	plain := s.flow("every paid order", taskFlow(flow.TriggerSpec{Type: domain.TriggerOrderPaid}))
	p := s.plan(t0)
	items := flowItems(p, id)
	ann, _, _ := s.st.CustomerByEmail(s.ctx, "ann@example.com")
	if len(items) != 1 || items[0].Subject != rulesdb.SubjectFor(ann.ID, "") {
		t.Fatalf("champions flow planned %+v", items)
	}
	if len(flowItems(p, plain)) != 2 {
		t.Errorf("the plain flow planned %d items", len(flowItems(p, plain)))
	}
	if facts.asked != 2 || facts.products != 2 {
		t.Errorf("asked %d times (%d with products); only the segment flow's two subjects should ask", facts.asked, facts.products)
	}
}
