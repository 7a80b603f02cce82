package demo

import (
	"strconv"
	"time"

	"shopclerk/backend/domain"
)

// orderRec is one generated order with what the sinks need beyond the
// domain row: its customer, SKU indexes, shipments and CSV-only fields.
type orderRec struct {
	o       domain.Order
	cust    *custGen
	skuIdx  []int32
	ships   []domain.Shipment
	ctry    *country
	shopID  int64 // Shopify's numeric order id, for the CSV "Id" column
	vat     int64
	payRef  string
	created time.Time
}

// cartRec is one abandoned checkout; cust is nil for a guest.
type cartRec struct {
	c      domain.Cart
	cust   *custGen
	shopID int64
	ctry   *country
}

const firstOrderNumber = 1001

// order generates and emits the order placed at t on history day d, its
// customer when new, and the abandoned cart it recovered, if any.
func (g *generator) order(d int, t time.Time) error {
	r := g.r
	cg, isNew := g.pickCustomer(t)
	if isNew {
		if err := g.emit(event{kind: evCustomer, cust: cg}); err != nil {
			return err
		}
	}
	seq := g.orderSeq
	g.orderSeq++
	name := "#" + strconv.Itoa(firstOrderNumber+seq)
	rec := &orderRec{cust: cg, ctry: cg.ctry, created: t, shopID: 5_600_000_000_000 + int64(seq)*1571 + int64(r.IntN(1000)),
		vat: vatRate(cg.ctry.code)}
	o := &rec.o
	*o = domain.Order{Source: domain.SourceDemo, ExternalID: name, Name: name, Email: cg.c.Email, Currency: ShopCurrency,
		CreatedAt: t, AcceptsMarketing: cg.c.AcceptsMarketing, Billing: cg.addr, ShippingAddress: cg.addr, RiskLevel: "Low"}
	if r.Float64() < 0.05 { // a gift sent elsewhere
		o.ShippingAddress = g.address(firstNames[r.IntN(len(firstNames))]+" "+cg.c.LastName, cg.ctry)
	}
	g.lines(rec)
	g.price(rec, isNew)
	g.statuses(rec)
	if r.Float64() < 0.02 {
		o.Note = orderNotes[r.IntN(len(orderNotes))]
	}
	switch x := r.Float64(); {
	case x < 0.03:
		o.Tags = []string{"gift"}
	case x < 0.04:
		o.Tags = []string{"wholesale", "invoice"}
	}
	if x := r.Float64(); x < 0.004 {
		o.RiskLevel = "High"
	} else if x < 0.03 {
		o.RiskLevel = "Medium"
	}
	if err := g.emit(event{kind: evOrder, order: rec}); err != nil {
		return err
	}
	if g.progress != nil && g.orderSeq%max(1, g.p.orders/100) == 0 {
		g.progress(g.orderSeq, g.p.orders)
	}
	// Some orders complete a checkout the customer had abandoned earlier.
	if d >= g.p.historyDays-g.p.windowDays && r.Float64() < 0.08 {
		created := t.Add(-time.Duration(3600+r.IntN(40*3600)) * time.Second)
		cr := g.newCart(cg, cg.c.Email, created, rec.o.Lines)
		at := t
		cr.c.RecoveredAt = &at
		return g.emit(event{kind: evCart, cart: cr})
	}
	return nil
}

// lines picks 1 to 6 distinct SKUs by the day's demand; intermittent SKUs
// sell in lumps (a café ordering a dozen mugs).
func (g *generator) lines(rec *orderRec) {
	r := g.r
	n := 1
	switch x := r.Float64(); {
	case x < 0.55:
	case x < 0.80:
		n = 2
	case x < 0.92:
		n = 3
	default:
		n = 4 + r.IntN(3)
	}
	rec.skuIdx = make([]int32, 0, n)
	rec.o.Lines = make([]domain.LineItem, 0, n)
	for len(rec.skuIdx) < n {
		i := int32(g.pickSKU())
		dup := false
		for _, j := range rec.skuIdx {
			dup = dup || j == i
		}
		if dup {
			if r.IntN(4) == 0 {
				break // a small catalogue on a quiet day: settle for fewer lines
			}
			continue
		}
		s := g.skus[i]
		q := 1
		switch x := r.Float64(); {
		case s.pat == patIntermittent:
			q = 2 + r.IntN(11)
		case x < 0.12:
			q = 2
		case x < 0.16:
			q = 3 + r.IntN(2)
		}
		name := s.prod.Title
		if s.prod.VariantTitle != "" {
			name += " - " + s.prod.VariantTitle
		}
		rec.skuIdx = append(rec.skuIdx, i)
		rec.o.Lines = append(rec.o.Lines, domain.LineItem{Position: len(rec.o.Lines) + 1, SKU: s.prod.SKU, Name: name,
			Vendor: s.prod.Vendor, Quantity: q, Price: s.prod.Price.Amount, CompareAtPrice: s.compare, RequiresShipping: true,
			FulfillmentStatus: "pending"})
	}
}

// price sets totals: discount codes, free shipping over 60 EUR, and the VAT
// included in the prices of EU destinations.
func (g *generator) price(rec *orderRec, firstOrder bool) {
	r := g.r
	o := &rec.o
	var gross int64
	for _, l := range o.Lines {
		gross += l.Price * int64(l.Quantity)
	}
	code := ""
	bf := o.CreatedAt.Month() == time.November && o.CreatedAt.Day() >= 24 || o.CreatedAt.Month() == time.December && o.CreatedAt.Day() <= 2
	switch {
	case bf && r.Float64() < 0.5:
		code = "BLACKFRIDAY25"
	case firstOrder && o.AcceptsMarketing && r.Float64() < 0.3:
		code = "WELCOME10"
	case r.Float64() < 0.05:
		code = discountCodes[1+r.IntN(len(discountCodes)-2)]
		if code == "BLACKFRIDAY25" {
			code = "FREESHIP"
		}
	}
	pct := discountPercent(code)
	o.DiscountCode = code
	o.Discount = gross * pct / 100
	if o.Discount > 0 {
		o.Lines[len(o.Lines)-1].Discount = o.Discount
	}
	o.Subtotal = gross - o.Discount
	free := code == "FREESHIP" || o.Subtotal >= 6000
	express := r.Float64() < 0.04
	switch {
	case express:
		o.Shipping = 1490
	case free:
	case rec.ctry.code == "DE":
		o.Shipping = 495
	case rec.vat > 0:
		o.Shipping = 895
	default:
		o.Shipping = 1495
	}
	o.ShippingMethod = shippingMethod(rec.ctry, free && !express, express)
	o.Total = o.Subtotal + o.Shipping
	o.Taxes = (o.Total*rec.vat*2/(100+rec.vat) + 1) / 2
	o.PaymentMethod = paymentMethods[r.IntN(len(paymentMethods))]
	rec.payRef = "r" + strconv.FormatUint(r.Uint64()>>20, 36)
}

// statuses decides payment, cancellation and fulfilment by the order's age:
// most are paid and shipped; some pending, refunded, partially refunded,
// voided or cancelled; the newest still wait to be packed.
func (g *generator) statuses(rec *orderRec) {
	r := g.r
	o := &rec.o
	t := o.CreatedAt
	age := g.now.Sub(t)
	later := func(lo, hi time.Duration) *time.Time {
		at := t.Add(lo + time.Duration(r.Int64N(int64(hi-lo))))
		if at.After(g.now) {
			at = g.now
		}
		return &at
	}
	paid := later(5*time.Second, 2*time.Minute)
	if o.PaymentMethod == "manual" { // bank transfer: paid days later, or not yet
		paid = later(day, 4*day)
	}
	x := r.Float64()
	switch {
	case x < 0.004 || (o.PaymentMethod == "manual" && !paid.Before(g.now)) || age < 36*time.Hour && x < 0.08:
		o.FinancialStatus = domain.FinancialPending
		paid = nil
	case x < 0.014:
		o.FinancialStatus, paid = domain.FinancialVoided, nil
		o.CancelledAt = later(time.Hour, 2*day)
	case x < 0.04:
		o.FinancialStatus, o.Refunded = domain.FinancialRefunded, o.Total
		if r.IntN(5) < 2 {
			o.CancelledAt = later(time.Hour, 3*day)
		}
	case x < 0.065:
		o.FinancialStatus = domain.FinancialPartiallyRefunded
		l := o.Lines[r.IntN(len(o.Lines))]
		o.Refunded = min(l.Price, o.Total/2)
	case age < 36*time.Hour && x < 0.09:
		o.FinancialStatus = domain.FinancialAuthorized
	default:
		o.FinancialStatus = domain.FinancialPaid
	}
	o.PaidAt = paid
	o.FulfillmentStatus = domain.FulfillmentUnfulfilled
	if o.CancelledAt != nil || o.FinancialStatus == domain.FinancialPending {
		return
	}
	ready := t
	if paid != nil {
		ready = *paid // nothing ships before the money is in
	}
	ship := ready.Add(time.Duration(4*3600+r.IntN(68*3600)) * time.Second)
	if ship.After(g.now) {
		return
	}
	if len(o.Lines) > 1 && r.Float64() < 0.04 && age < 10*day { // one item back-ordered
		g.fulfil(rec, ship)
		o.FulfillmentStatus = domain.FulfillmentPartial
		o.Lines[len(o.Lines)-1].FulfillmentStatus = "pending"
	} else {
		g.fulfil(rec, ship)
	}
	if g.now.Sub(ship) <= time.Duration(g.p.windowDays)*day {
		rec.ships = []domain.Shipment{g.shipment(rec, ship)}
	}
}

// newCart builds a checkout at created with the given lines.
func (g *generator) newCart(cg *custGen, email string, created time.Time, lines []domain.LineItem) *cartRec {
	g.cartSeq++
	id := 36_579_383_000_000 + int64(g.cartSeq)*7
	token := strconv.FormatUint(g.r.Uint64(), 16)
	cr := &cartRec{cust: cg, shopID: id}
	if cg != nil {
		cr.ctry = cg.ctry
	}
	c := &cr.c
	*c = domain.Cart{Source: domain.SourceDemo, ExternalID: strconv.FormatInt(id, 10), Email: email, Currency: ShopCurrency,
		RecoveryURL: ShopWebsite + "/87654321/checkouts/" + token + "/recover?key=" + strconv.FormatInt(id%99991, 16),
		CreatedAt:   created, UpdatedAt: created.Add(time.Duration(30+g.r.IntN(900)) * time.Second)}
	if c.UpdatedAt.After(g.now) {
		c.UpdatedAt = g.now
	}
	c.Lines = make([]domain.LineItem, len(lines))
	copy(c.Lines, lines)
	for i := range c.Lines {
		c.Lines[i].Discount, c.Lines[i].FulfillmentStatus = 0, "pending"
		c.Total += c.Lines[i].Price * int64(c.Lines[i].Quantity)
	}
	return cr
}

// abandonedCarts emits the checkouts abandoned on day d and never completed:
// about a third as many as the day's orders, from known customers and guests.
func (g *generator) abandonedCarts(d, orders int) error {
	r := g.r
	n := orders / 3
	if r.Float64() < float64(orders%3)/3 {
		n++
	}
	start := g.start.Add(time.Duration(d) * day)
	for range n {
		created := start.Add(time.Duration(r.Int64N(int64(g.dayLen(d)))))
		var cg *custGen
		email := "guest" + strconv.Itoa(g.cartSeq+1) + "@" + emailDomains[r.IntN(len(emailDomains))]
		if r.Float64() < 0.65 && len(g.custs) > 0 {
			cg = g.custs[r.IntN(len(g.custs))]
			email = cg.c.Email
		}
		rec := &orderRec{}
		g.lines(rec)
		cr := g.newCart(cg, email, created, rec.o.Lines)
		if cg == nil {
			cr.ctry = &countries[weighted(r, g.ctryW, g.ctryTotal)]
		}
		if err := g.emit(event{kind: evCart, cart: cr}); err != nil {
			return err
		}
	}
	return nil
}

func discountPercent(code string) int64 {
	switch code {
	case "WELCOME10":
		return 10
	case "SPRING15":
		return 15
	case "SUMMER20":
		return 20
	case "BLACKFRIDAY25":
		return 25
	case "THANKYOU5":
		return 5
	}
	return 0
}
