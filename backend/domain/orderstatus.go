package domain

import "strings"

// ApplyStatus maps a one-word order status (WooCommerce's, with or without
// its "wc-" prefix and the common plugins' additions, Amazon's, Etsy's, a
// spreadsheet's) onto the financial and fulfilment pair Shopclerk keeps.
// It reports whether it knew the word; an unknown one changes nothing. A
// cancelled order without a cancel date gets its order date, which keeps it
// out of the customer's spend.
func (o *Order) ApplyStatus(status string) (known bool) {
	s := strings.TrimPrefix(strings.ToLower(strings.TrimSpace(status)), "wc-")
	switch s {
	case "completed", "complete", "shipped", "delivered", "paid and shipped":
		o.FinancialStatus, o.FulfillmentStatus = FinancialPaid, FulfillmentFulfilled
	case "processing", "unshipped", "paid", "shipping", "partially shipped", "partial-shipped", "partially-shipped":
		o.FinancialStatus = FinancialPaid
		if strings.HasPrefix(s, "partial") {
			o.FulfillmentStatus = FulfillmentPartial
		}
	case "pending", "on-hold", "on hold", "pending payment", "failed", "checkout-draft":
		o.FinancialStatus = FinancialPending
	case "cancelled", "canceled", "trash":
		o.FinancialStatus = FinancialVoided
		if o.CancelledAt == nil && !o.CreatedAt.IsZero() {
			t := o.CreatedAt
			o.CancelledAt = &t
		}
	case "refunded":
		o.FinancialStatus = FinancialRefunded
	default:
		return false
	}
	return true
}
