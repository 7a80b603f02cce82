package app

// The handling time (issue 12): how many working days an order takes to
// leave the shop, which the "where is my order" drafts name for an order
// not shipped yet.

// HandlingDays returns the shop's handling time in working days.
func (s *ShippingService) HandlingDays() (int, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return 0, err
	}
	return b.Shipping.HandlingDays(ctx)
}

// SetHandlingDays saves the shop's handling time (0 to 30 working days).
func (s *ShippingService) SetHandlingDays(days int) error {
	b, ctx, err := s.app.current()
	if err != nil {
		return err
	}
	return b.Shipping.SetHandlingDays(ctx, days)
}
