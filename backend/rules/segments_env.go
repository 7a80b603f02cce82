package rules

import "context"

// SegmentFacts names the seller's own segments a customer is in, for
// conditions that read customer.segments ("customer is in segment X").
// backend/customers implements it beside CustomerFacts; the engine asks
// only for flows whose condition or a step's If reads customer.segments.
type SegmentFacts interface {
	CustomerSegments(ctx context.Context, customerID int64) ([]string, error)
}

// customerSegments fills customer.segments when the flow reads it. Without
// SegmentFacts (or a customer) it is empty, so "X" in customer.segments is
// false, never an error.
func (e *Engine) customerSegments(ctx context.Context, c *compiled, sub *Subject) error {
	if !c.segments {
		return nil
	}
	sub.Env.Customer.Segments = []string{}
	f, ok := e.opt.Customers.(SegmentFacts)
	if !ok || sub.Customer == nil {
		return nil
	}
	names, err := f.CustomerSegments(ctx, sub.Customer.ID)
	if err != nil {
		return err
	}
	if names != nil {
		sub.Env.Customer.Segments = names
	}
	return nil
}
