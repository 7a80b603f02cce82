package inventory

import (
	"context"
	"sort"
	"strings"

	"shopclerk/backend/domain"
)

// Receiving (issue 14): goods arrive line by line and in parts; the order
// stays partly received until everything is in or the seller closes it
// short, and what is still open is what counts as incoming.

// Receive books a delivery in: per line, the quantity that arrived. An
// empty list receives everything still outstanding ("receive all"). Lines
// entered as 0 did not arrive and are left open; a quantity above what is
// outstanding is booked (the supplier sent more), which the screen warns
// about first. location "" puts stock where the order says, else where the
// SKU has the most.
func (s *Service) Receive(ctx context.Context, poID int64, location string, got []domain.Receipt) (domain.PurchaseOrder, error) {
	if len(got) == 0 {
		po, err := s.st.PurchaseOrder(ctx, poID)
		if err != nil {
			return po, err
		}
		for _, l := range po.Lines {
			if rest := l.Quantity - l.ReceivedQty; rest > 0 {
				got = append(got, domain.Receipt{SKU: l.SKU, Quantity: rest})
			}
		}
		if len(got) == 0 {
			return po, domain.Errorf(domain.CodeConflict, "Everything on %s has been received already.", po.Number)
		}
	}
	receipts, err := receiptsOf(got)
	if err != nil {
		return domain.PurchaseOrder{}, err
	}
	return s.st.ReceivePO(ctx, poID, strings.TrimSpace(location), receipts, DeliveryDays)
}

// receiptsOf checks the quantities entered per line: none negative or
// implausibly large, at least one above 0. Lines of 0 are dropped and a
// SKU entered twice is summed.
func receiptsOf(got []domain.Receipt) ([]domain.Receipt, error) {
	sum := map[string]int{}
	for _, r := range got {
		r.SKU = strings.TrimSpace(r.SKU)
		switch {
		case r.SKU == "":
			return nil, domain.Errorf(domain.CodeInvalid, "Say which SKU arrived.")
		case r.Quantity < 0:
			return nil, domain.Errorf(domain.CodeInvalid, "%s: a received quantity cannot be negative (%d).", r.SKU, r.Quantity)
		case r.Quantity > MaxQuantity:
			return nil, domain.Errorf(domain.CodeInvalid, "%s: %d is more than Shopclerk receives at once (%d); check the quantity.", r.SKU, r.Quantity, MaxQuantity)
		}
		sum[r.SKU] += r.Quantity
	}
	out := make([]domain.Receipt, 0, len(sum))
	for sku, n := range sum {
		if n > MaxQuantity {
			return nil, domain.Errorf(domain.CodeInvalid, "%s: %d is more than Shopclerk receives at once (%d); check the quantity.", sku, n, MaxQuantity)
		}
		if n > 0 {
			out = append(out, domain.Receipt{SKU: sku, Quantity: n})
		}
	}
	if len(out) == 0 {
		return nil, domain.Errorf(domain.CodeInvalid, "Enter how many arrived of at least one line (more than 0).")
	}
	sort.Slice(out, func(i, j int) bool { return out[i].SKU < out[j].SKU })
	return out, nil
}

// SetStatus confirms, cancels or closes short an order; closing short
// learns the supplier's lead time from what arrived.
func (s *Service) SetStatus(ctx context.Context, poID int64, to domain.POStatus) (domain.PurchaseOrder, error) {
	if to == domain.POClosedShort {
		return s.st.ClosePOShort(ctx, poID, DeliveryDays)
	}
	if err := s.st.SetPOStatus(ctx, poID, to); err != nil {
		return domain.PurchaseOrder{}, err
	}
	return s.st.PurchaseOrder(ctx, poID)
}

// DeliveryDays is how long a settled order took to arrive, as lead-time
// learning counts it: from sending to when its goods arrived, each receipt
// weighing by its quantity. A split delivery of 10 units on day 5 and 90
// on day 20 took 18.5 days: the reorder point waits for the stock, and most
// of it came on day 20, while the first parcel alone would teach 5 days
// and order too late next time. An order closed short counts what did
// arrive. false when the order was never sent or nothing arrived. The
// store calls it when an order is settled (received in full or closed
// short), not on each part: a partial delivery says only that the rest is
// later still.
func DeliveryDays(po domain.PurchaseOrder) (float64, bool) {
	if po.SentAt == nil {
		return 0, false
	}
	var qty, weighted float64
	for _, r := range po.Receipts {
		if r.Quantity <= 0 {
			continue
		}
		qty += float64(r.Quantity)
		weighted += float64(r.Quantity) * r.At.Sub(*po.SentAt).Hours() / 24
	}
	if qty == 0 {
		return 0, false
	}
	return weighted / qty, true
}
