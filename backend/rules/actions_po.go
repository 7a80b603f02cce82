package rules

import (
	"context"
	"fmt"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/rules/flow"
	"shopclerk/backend/store/rulesdb"
)

// The low-stock flow's action: a SKU that crossed below its threshold goes
// on its supplier's draft purchase order, once per SKU however many of its
// locations crossed, in the quantity the Inventory screen would order.

// Reorderer decides a low SKU's purchase order line. The app plugs in the
// inventory package's decision, the one the Inventory screen and "Reorder
// now" show, so a flow drafts exactly what they would; defaultReorder is a
// simple rule for an engine without it.
type Reorderer interface {
	// Begin starts one plan's decisions, as stock stands at now.
	Begin(ctx context.Context, now time.Time) (ReorderDecider, error)
}

// ReorderDecider decides for one SKU at a time within one plan. threshold
// is the point the SKU crossed below: its own reorder point, else the
// flow's threshold.
type ReorderDecider interface {
	Advise(ctx context.Context, p rulesdb.ProductInfo, threshold int) (domain.ReorderAdvice, error)
}

// defaultReorder orders up to twice the threshold, counting stock on the
// way, then respects the supplier's minimum and pack size.
type defaultReorder struct{}

var _ Reorderer = defaultReorder{}

func (defaultReorder) Begin(context.Context, time.Time) (ReorderDecider, error) {
	return defaultReorder{}, nil
}

func (defaultReorder) Advise(_ context.Context, p rulesdb.ProductInfo, threshold int) (domain.ReorderAdvice, error) {
	q := max(2*threshold-p.Available-p.Incoming, 1)
	q = max(q, p.MinOrderQty)
	if p.PackSize > 1 && q%p.PackSize != 0 {
		q += p.PackSize - q%p.PackSize
	}
	a := domain.ReorderAdvice{SKU: p.SKU, Title: p.Title, Quantity: q, ReorderPoint: threshold, Available: p.Available, Incoming: p.Incoming,
		SupplierName: p.SupplierName, SupplierSKU: p.SupplierSKU, UnitCost: p.UnitCost, Currency: p.SupplierCurrency}
	if a.Currency == "" {
		a.Currency = p.Price.Currency
	}
	if a.UnitCost == 0 {
		a.UnitCost = p.Cost.Amount
	}
	if p.SupplierID == nil {
		a.Problem = p.SKU + " has no supplier yet: set one on the Inventory screen"
	} else {
		a.SupplierID = *p.SupplierID
	}
	return a, nil
}

// CreatePurchaseOrder adds the low SKU to its supplier's draft purchase
// order; the preview groups the lines per supplier.
type CreatePurchaseOrder struct {
	Step flow.Step
	// A flow is compiled afresh for every plan, so these last one plan: the
	// decisions as stock stood when it began, and the SKUs already decided
	// (a SKU that crossed at two locations is one line, not two).
	decide  ReorderDecider
	decided map[string]bool
}

func (a *CreatePurchaseOrder) Kind() domain.StepKind { return domain.StepPurchaseOrder }

func (a *CreatePurchaseOrder) Plan(pc *planCtx, sub *Subject, it *Item) error {
	p := sub.Product
	if p == nil {
		return domain.Errorf(domain.CodeInvalid, "a purchase order needs a SKU")
	}
	if a.decided[p.SKU] {
		return errPass
	}
	if a.decide == nil {
		d, err := pc.reorder.Begin(pc.ctx, pc.now)
		if err != nil {
			return err
		}
		a.decide, a.decided = d, map[string]bool{}
	}
	threshold := sub.Occ.Threshold
	if p.ReorderPoint != nil {
		threshold = *p.ReorderPoint
	}
	adv, err := a.decide.Advise(pc.ctx, *p, threshold)
	if err != nil {
		return err
	}
	a.decided[p.SKU] = true
	switch {
	case adv.NotStocked:
		return errPass // no location stocks it: nothing to order
	case adv.Problem != "":
		return domain.Errorf(domain.CodeInvalid, "%s", adv.Problem)
	case adv.Available >= threshold:
		return errPass // restocked since it crossed below
	case adv.Quantity <= 0:
		return errPass // enough on its way, already on a draft, or snoozed
	}
	title := adv.Title
	if title == "" {
		title = p.Title
	}
	it.PurchaseLine = &POLinePreview{SupplierID: adv.SupplierID, Supplier: adv.SupplierName, SKU: p.SKU, SupplierSKU: adv.SupplierSKU,
		Title: title, Quantity: adv.Quantity, UnitCost: adv.UnitCost, Currency: adv.Currency, Available: adv.Available, ReorderPoint: adv.ReorderPoint}
	it.Summary = fmt.Sprintf("Order %d × %s from %s", adv.Quantity, p.SKU, adv.SupplierName)
	return nil
}

func (a *CreatePurchaseOrder) Apply(ctx context.Context, ac *applyCtx, sub *Subject, it *Item, fx Effects) (string, error) {
	l := it.PurchaseLine
	po, err := fx.AddDraftPOLine(l.SupplierID, l.Currency, domain.DraftLine{SKU: l.SKU, SupplierSKU: l.SupplierSKU, Quantity: l.Quantity, UnitCost: l.UnitCost})
	return fmt.Sprintf("purchase order %d", po), err
}
