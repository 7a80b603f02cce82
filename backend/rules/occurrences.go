package rules

import (
	"context"
	"fmt"
	"strings"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/rules/flow"
	"shopclerk/backend/store/rulesdb"
)

// occurrences returns the occurrences of a flow's trigger whose sequence
// start lies between from and to. Date triggers ("N days after", "inactive
// for N days", "idle for N hours") shift the base event by their delay, so
// the store is asked for base times shifted back by the same amount: every
// query is a range scan on an indexed time column, whatever the shop's size.
func (e *Engine) occurrences(ctx context.Context, c *compiled, from, to time.Time, set Settings) ([]domain.RuleOccurrence, []time.Time, error) {
	t := c.def.Trigger
	var occs []domain.RuleOccurrence
	var err error
	shift := t.Shift()
	suffix := ""
	switch t.Type {
	case domain.TriggerOrderCreated, domain.TriggerOrderPaid, domain.TriggerOrderFulfilled, domain.TriggerOrderCancelled, domain.TriggerOrderRefunded:
		occs, err = e.st.OrderOccurrences(ctx, strings.TrimPrefix(string(t.Type), "order_"), from, to)
	case domain.TriggerPaymentOverdue:
		occs, err = e.st.OrderOccurrences(ctx, "overdue", from.Add(-shift), to.Add(-shift))
	case domain.TriggerRenewalDue:
		occs, err = e.st.SubscriptionOccurrences(ctx, t.Tag, from.Add(-shift), to.Add(-shift))
	case domain.TriggerShipmentStatus:
		occs, err = e.st.EventOccurrences(ctx, t.Type, from, to)
		occs = filterValue(occs, t.Status)
	case domain.TriggerShipmentShipped:
		occs, err = e.st.EventOccurrences(ctx, t.Type, from, to)
	case domain.TriggerShipmentStuck:
		occs, err = e.st.StuckOccurrences(ctx, from.Add(-shift), to.Add(-shift))
	case domain.TriggerTagAdded:
		occs, err = e.st.EventOccurrences(ctx, t.Type, from, to)
		occs = filterValue(occs, t.Tag)
	case domain.TriggerCustomerCreated, domain.TriggerConsentGiven, domain.TriggerConsentWithdrawn:
		occs, err = e.st.EventOccurrences(ctx, t.Type, from, to)
	case domain.TriggerCartIdle:
		occs, err = e.st.IdleCartOccurrences(ctx, from.Add(-shift), to.Add(-shift))
	case domain.TriggerStockBelow:
		def := t.Threshold
		if def <= 0 {
			def = 5
		}
		occs, err = e.st.StockCrossings(ctx, from, to, def, c.restockPlansNothing())
	case domain.TriggerBirthday:
		return e.birthdays(ctx, from, to, set.Location)
	case domain.TriggerInactive:
		occs, err = e.st.LastOrderBetween(ctx, from.Add(-shift), to.Add(-shift))
		for i := range occs {
			occs[i].Occurrence = fmt.Sprintf("customer:%d:inactive:%d", occs[i].CustomerID, occs[i].At.Unix())
		}
	case domain.TriggerMarketingUnanswered:
		occs, err = e.st.UnansweredMarketing(ctx, t.Count, from, to)
	case domain.TriggerDaysAfter:
		suffix = fmt.Sprintf(":after%dd", t.Days)
		f, u := from.Add(-shift), to.Add(-shift)
		switch t.After {
		case flow.AfterOrderPaid:
			occs, err = e.st.OrderOccurrences(ctx, "paid", f, u)
		case flow.AfterOrderFulfilled:
			occs, err = e.st.OrderOccurrences(ctx, "fulfilled", f, u)
		case flow.AfterDelivered:
			occs, err = e.st.DeliveredOccurrences(ctx, f, u)
		case flow.AfterCustomerCreated:
			occs, err = e.st.EventOccurrences(ctx, domain.TriggerCustomerCreated, f, u)
		}
	}
	if err != nil {
		return nil, nil, err
	}
	starts := make([]time.Time, len(occs))
	for i := range occs {
		occs[i].Occurrence += suffix
		starts[i] = occs[i].At.Add(shift)
	}
	return occs, starts, nil
}

// birthdays lists the customers whose birthday fell on a day of the shop's
// calendar between from and to; the sequence starts at local midnight.
func (e *Engine) birthdays(ctx context.Context, from, to time.Time, loc *time.Location) ([]domain.RuleOccurrence, []time.Time, error) {
	var occs []domain.RuleOccurrence
	var starts []time.Time
	f := from.In(loc)
	d := time.Date(f.Year(), f.Month(), f.Day(), 0, 0, 0, 0, loc)
	for ; !d.After(to); d = d.AddDate(0, 0, 1) {
		if d.Before(from) {
			continue
		}
		list, err := e.st.BirthdayCustomers(ctx, d.Format("01-02"))
		if err != nil {
			return nil, nil, err
		}
		for _, o := range list {
			o.Occurrence = fmt.Sprintf("customer:%d:birthday:%d", o.CustomerID, d.Year())
			o.At = d.UTC()
			occs = append(occs, o)
			starts = append(starts, d.UTC())
		}
	}
	return occs, starts, nil
}

func filterValue(occs []domain.RuleOccurrence, want string) []domain.RuleOccurrence {
	if want == "" {
		return occs
	}
	out := occs[:0]
	for _, o := range occs {
		if strings.EqualFold(o.Value, want) {
			out = append(out, o)
		}
	}
	return out
}

// eventEnv is what a condition reads of the occurrence's event.
func eventEnv(trig domain.Trigger, o domain.RuleOccurrence) flow.EventEnv {
	return flow.EventEnv{Type: string(trig), At: o.At, Value: o.Value}
}

// loadSubject reads the facts of an occurrence and builds the condition
// environment. A subject whose rows are gone (a deleted customer) returns nil.
func (e *Engine) loadSubject(ctx context.Context, fc *factCache, o domain.RuleOccurrence, start time.Time, now time.Time, trig domain.Trigger) (*Subject, error) {
	sub := &Subject{Occ: o, Start: start}
	sub.Env.Now = now
	sub.Env.Event = eventEnv(trig, o)
	if o.ShipmentID != 0 {
		sh, err := e.st.GetShipment(ctx, o.ShipmentID)
		if err != nil {
			return nil, nil
		}
		sub.Shipment = &sh
		if err := e.loadParcels(ctx, sub, now); err != nil {
			return nil, err
		}
		if o.OrderID == 0 {
			o.OrderID = sh.OrderID
			sub.Occ.OrderID = sh.OrderID
		}
	}
	if f, ok := fc.orders[o.OrderID]; ok && o.OrderID != 0 {
		// Each subject gets its own copy: actions keep pointers to it.
		ord, cust := f.Order, f.Customer
		if cust != nil {
			cp := *cust
			cust = &cp
		}
		sub.Order, sub.Customer = &ord, cust
		sub.Env.Order = flow.OrderEnvOf(ord, f.Held)
	} else if o.OrderID != 0 {
		d, err := e.st.GetOrder(ctx, o.OrderID)
		if err != nil {
			return nil, nil
		}
		sub.Order = &d.Order
		sub.Customer = d.Customer
		held, err := e.st.OrderHeld(ctx, o.OrderID)
		if err != nil {
			return nil, err
		}
		sub.Env.Order = flow.OrderEnvOf(d.Order, held)
	}
	if o.CartID != 0 {
		c, err := e.st.GetCart(ctx, o.CartID)
		if err != nil {
			return nil, nil
		}
		sub.Cart = &c
		sub.Env.Cart = flow.CartEnvOf(c)
	}
	if c, ok := fc.customers[o.CustomerID]; ok && sub.Customer == nil && o.CustomerID != 0 {
		cp := *c
		sub.Customer = &cp
	}
	if sub.Customer == nil && o.CustomerID != 0 {
		c, err := e.st.CustomerByID(ctx, o.CustomerID)
		if err != nil {
			return nil, nil
		}
		sub.Customer = &c
	}
	if c, ok := fc.byEmail[o.Email]; ok && sub.Customer == nil && o.Email != "" {
		if c != nil {
			cp := *c
			sub.Customer = &cp
		}
	} else if sub.Customer == nil && o.Email != "" {
		c, ok, err := e.st.CustomerByEmail(ctx, o.Email)
		if err != nil {
			return nil, err
		}
		if ok {
			sub.Customer = &c
		}
	}
	if sub.Customer != nil {
		sub.Env.Customer = flow.CustomerEnvOf(*sub.Customer)
	} else {
		sub.Env.Customer = flow.CustomerEnv{Email: o.Email, Tags: []string{}, Products: []string{}}
	}
	if o.SKU != "" {
		var p rulesdb.ProductInfo
		if cp, ok := fc.products[o.SKU]; ok {
			if cp == nil {
				return nil, nil
			}
			p = *cp
		} else {
			var err error
			if p, err = e.st.GetProductInfo(ctx, o.SKU); err != nil {
				return nil, nil
			}
		}
		sub.Product = &p
		sub.Env.Product = productEnv(p)
		sub.Env.Stock = flow.StockEnv{Location: o.Location, Before: o.Before, After: o.After, Available: p.Available,
			Incoming: p.Incoming, Threshold: o.Threshold}
	}
	if sub.Env.Order.Tags == nil {
		sub.Env.Order.Tags, sub.Env.Order.SKUs = []string{}, []string{}
	}
	if sub.Env.Cart.SKUs == nil {
		sub.Env.Cart.SKUs = []string{}
	}
	if sub.Env.Product.Tags == nil {
		sub.Env.Product.Tags = []string{}
	}
	return sub, nil
}

// customerExtras fills the subject's customer fields that live outside the
// customers row, when the flow reads them (Options.Customers).
func (e *Engine) customerExtras(ctx context.Context, c *compiled, sub *Subject) error {
	if err := e.customerSegments(ctx, c, sub); err != nil {
		return err
	}
	if e.opt.Customers == nil || sub.Customer == nil || !(c.segment || c.products) {
		return nil
	}
	seg, skus, err := e.opt.Customers.CustomerExtras(ctx, sub.Customer.ID, c.products)
	if err != nil {
		return err
	}
	sub.Env.Customer.Segment, sub.Env.Customer.Products = seg, skus
	return nil
}

// restockPlansNothing tells whether an occurrence of a stock flow whose SKU
// is back at or above its reorder point (and has a supplier) plans nothing
// and counts no reason: the flow only drafts purchase orders (which pass over
// a restocked SKU), with no condition, step If, exit or re-entry check that
// could report a reason first. Such occurrences can be left out of the window.
func (c *compiled) restockPlansNothing() bool {
	d := c.def
	if d.Condition != "" || d.Policy.Reentry != flow.ReentryEveryTime || d.Policy.Marketing || len(d.Policy.ExitOn) > 0 {
		return false
	}
	acts := false
	for _, s := range d.Steps {
		switch {
		case s.Action == domain.StepWait:
		case s.Action == domain.StepPurchaseOrder && s.If == "":
			acts = true
		default:
			return false
		}
	}
	return acts
}

func productEnv(p rulesdb.ProductInfo) flow.ProductEnv {
	e := flow.ProductEnv{SKU: p.SKU, Title: p.Title, Vendor: p.Vendor, Type: p.Type, Price: p.Price.Amount, Cost: p.Cost.Amount,
		Supplier: p.SupplierName}
	if p.ReorderPoint != nil {
		e.ReorderPoint = *p.ReorderPoint
	}
	if e.Tags = p.Tags; e.Tags == nil {
		e.Tags = []string{}
	}
	return e
}
