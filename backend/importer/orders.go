package importer

import (
	"fmt"
	"strings"

	"shopclerk/backend/domain"
)

// orderAcc is one order (or cart) being assembled from its rows.
type orderAcc struct {
	o      domain.Order
	cust   *domain.Customer
	codes  []string
	first  int
	rows   int
	bad    bool
	totals bool // the file has order-level totals; else they are summed from lines
}

// orderBuilder assembles orders from one-row-per-line-item layouts. Shopify
// keeps an order's rows together, so an order is emitted as soon as the
// next one starts (streaming); Amazon and Etsy item rows of one order may
// be apart, so those files are grouped whole (they are small).
type orderBuilder struct {
	e        *env
	cart     bool
	buffered bool
	merge    mergeMode
	cur      *orderAcc
	byKey    map[string]*orderAcc
	keys     []string
}

var _ builder = (*orderBuilder)(nil)

func newShopifyOrders(e *env) builder {
	return &orderBuilder{e: e, cart: e.b.preset.kind == KindCarts}
}

func newAmazonOrders(e *env) builder {
	return &orderBuilder{e: e, buffered: true}
}

func newEtsyItems(e *env) builder {
	return &orderBuilder{e: e, buffered: true, merge: mergeKeepHeader}
}

func (b *orderBuilder) row(r *rowCtx) {
	key := r.str(FOrderID)
	if key == "" {
		r.rejectAt(FOrderID, "", "has no order number, so the row cannot be matched to an order")
		return
	}
	acc := b.cur
	switch {
	case b.buffered:
		acc = b.byKey[key]
		if acc == nil {
			if b.byKey == nil {
				b.byKey = map[string]*orderAcc{}
			}
			acc = &orderAcc{first: r.num}
			b.byKey[key] = acc
			b.keys = append(b.keys, key)
			b.header(r, acc, key)
		}
	case acc == nil || acc.o.ExternalID != key:
		b.flush()
		acc = &orderAcc{first: r.num}
		b.cur = acc
		b.header(r, acc, key)
	}
	acc.rows++
	b.line(r, acc)
	if r.bad {
		acc.bad = true
	}
}

// header fills the order-level fields from the order's first row.
func (b *orderBuilder) header(r *rowCtx, acc *orderAcc, key string) {
	o := &acc.o
	o.Source = b.e.b.preset.source
	o.ExternalID = key
	o.Name = r.str(FOrderName)
	if o.Name == "" {
		o.Name = key
	}
	o.Email = own(strings.ToLower(r.str(FEmail)))
	o.Currency = strings.ToUpper(r.str(FCurrency))
	if o.Currency == "" {
		o.Currency = b.e.opts.currency()
	}
	exp := currencyExponent(o.Currency)
	o.FinancialStatus = financialStatus(r.str(FFinancialStatus))
	o.FulfillmentStatus = fulfillmentStatus(r.str(FFulfillmentStatus))
	o.CreatedAt = r.date(FCreatedAt)
	o.PaidAt = r.datePtr(FPaidAt)
	o.FulfilledAt = r.datePtr(FFulfilledAt)
	o.CancelledAt = r.datePtr(FCancelledAt)
	if st := r.str(FOrderStatus); st != "" {
		applyOrderStatus(o, st)
	}
	if o.FinancialStatus == "" && o.PaidAt != nil {
		o.FinancialStatus = domain.FinancialPaid
	}
	if o.FulfillmentStatus == "" {
		o.FulfillmentStatus = domain.FulfillmentUnfulfilled
		if o.FulfilledAt != nil {
			o.FulfillmentStatus = domain.FulfillmentFulfilled
		}
	}
	acc.totals = r.e.b.has(FTotal)
	o.Subtotal = r.money(FSubtotal, exp)
	o.Shipping = r.money(FShipping, exp)
	o.Taxes = r.money(FTaxes, exp)
	o.Total = r.money(FTotal, exp)
	o.Discount = r.money(FDiscountAmount, exp)
	o.Refunded = r.money(FRefunded, exp)
	o.DiscountCode = r.str(FDiscountCode)
	o.ShippingMethod = r.str(FShippingMethod)
	o.PaymentMethod = r.str(FPaymentMethod)
	o.RiskLevel = r.str(FRiskLevel)
	o.Tags = splitTags(r.str(FTags))
	o.Note = r.str(FNote)
	if r.e.b.has(FAcceptsMarketing) {
		o.AcceptsMarketing = r.boolean(FAcceptsMarketing)
	}
	o.Billing = r.address(FBillName, FBillCompany, FBillAddress1, FBillAddress2, FBillCity, FBillZip, FBillProvince, FBillCountry, FBillPhone)
	o.ShippingAddress = r.address(FShipName, FShipCompany, FShipAddress1, FShipAddress2, FShipCity, FShipZip, FShipProvince, FShipCountry, FShipPhone)
	if o.CreatedAt.IsZero() && !r.bad {
		r.rejectAt(FCreatedAt, "", "has no order date")
	}
	acc.codes = splitTags(o.DiscountCode)
	acc.cust = orderCustomer(r, o)
}

func (r *rowCtx) address(name, company, a1, a2, city, zip, prov, country, phone Field) domain.Address {
	c := strings.ToUpper(r.str(country))
	return domain.Address{Name: r.str(name), Company: r.str(company), Address1: r.str(a1), Address2: r.str(a2),
		City: r.str(city), Zip: r.zip(zip, c), Province: r.str(prov), Country: c, Phone: r.str(phone)}
}

// orderCustomer derives the buyer from the order: by email, else by the
// marketplace's buyer id (Etsy gives no email).
func orderCustomer(r *rowCtx, o *domain.Order) *domain.Customer {
	c := &domain.Customer{Source: o.Source, Email: o.Email, ExternalID: r.str(FBuyerID), CreatedAt: o.CreatedAt,
		AcceptsMarketing: o.AcceptsMarketing}
	if c.Email == "" && c.ExternalID == "" {
		return nil
	}
	c.FirstName, c.LastName = r.str(FFirstName), r.str(FLastName)
	if c.FirstName == "" && c.LastName == "" {
		full := r.str(FFullName)
		if full == "" {
			full = o.Billing.Name
		}
		if full == "" {
			full = o.ShippingAddress.Name
		}
		c.FirstName, c.LastName = splitName(full)
	}
	c.Phone = firstNonEmpty(r.str(FPhone), o.Billing.Phone, o.ShippingAddress.Phone)
	c.Country = firstNonEmpty(o.Billing.Country, o.ShippingAddress.Country)
	c.City = firstNonEmpty(o.Billing.City, o.ShippingAddress.City)
	return c
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// line adds the row's line item. Amazon gives the line's total price, not
// the unit price; Etsy and Amazon give per-line tax and shipping, summed
// into the order when the file has no order totals.
func (b *orderBuilder) line(r *rowCtx, acc *orderAcc) {
	o := &acc.o
	exp := currencyExponent(o.Currency)
	l := domain.LineItem{Position: len(o.Lines) + 1, SKU: own(r.str(FLineSKU)), Name: r.str(FLineName), Vendor: r.str(FLineVendor),
		FulfillmentStatus: r.str(FLineFulfillment), RequiresShipping: true}
	if opt := r.str(FOption1); opt != "" {
		l.Name += " (" + opt + ")"
	}
	if l.SKU == "" && l.Name == "" && !r.e.b.has(FLineQuantity) {
		return // an order-only file
	}
	l.Quantity = 1
	if s := r.str(FLineQuantity); s != "" {
		l.Quantity = r.qty(FLineQuantity)
	}
	l.Price = r.money(FLinePrice, exp)
	l.CompareAtPrice = r.money(FLineCompareAt, exp)
	l.Discount = r.money(FLineDiscount, exp)
	if r.e.b.has(FLineRequiresShipping) && r.str(FLineRequiresShipping) != "" {
		l.RequiresShipping = r.boolean(FLineRequiresShipping)
	}
	if r.e.b.has(FLineTotal) && !r.e.b.has(FLinePrice) {
		total := r.money(FLineTotal, exp)
		if l.Quantity != 0 {
			l.Price = total / int64(l.Quantity)
		}
	}
	if !acc.totals {
		o.Subtotal += l.Price * int64(l.Quantity)
		o.Taxes += r.money(FLineTax, exp)
		o.Shipping += r.money(FLineShipping, exp)
		o.Discount += l.Discount
		o.Total = o.Subtotal + o.Shipping + o.Taxes - o.Discount
	}
	o.Lines = append(o.Lines, l)
}

func (b *orderBuilder) flush() {
	acc := b.cur
	b.cur = nil
	if acc != nil {
		b.emitAcc(acc)
	}
}

func (b *orderBuilder) emitAcc(acc *orderAcc) {
	if acc.bad {
		if acc.rows > 1 {
			b.e.reject(Issue{File: b.e.file, Row: acc.first, Column: b.e.b.columnOf(FOrderID), Value: acc.o.ExternalID,
				Reason: fmt.Sprintf("order not imported: %d of its rows are fine, but the errors reported for its other rows must be fixed first", acc.rows-1)})
		}
		return
	}
	if b.cart {
		o := acc.o
		c := domain.Cart{Source: o.Source, ExternalID: strings.TrimPrefix(o.ExternalID, "#"), Email: o.Email,
			Currency: o.Currency, Total: o.Total, CreatedAt: o.CreatedAt, UpdatedAt: o.CreatedAt, Lines: o.Lines}
		b.e.emit(Record{Row: acc.first, Cart: &c, Customer: acc.cust})
		return
	}
	o := acc.o
	b.e.emit(Record{Row: acc.first, Order: &o, Customer: acc.cust, DiscountCodes: acc.codes, merge: b.merge})
}

func (b *orderBuilder) end() {
	b.flush()
	for _, k := range b.keys {
		b.emitAcc(b.byKey[k])
	}
	b.byKey, b.keys = nil, nil
}

func (b *binding) columnOf(f Field) string {
	if i, ok := b.idx[f]; ok && i < len(b.columns) {
		return strings.TrimSpace(b.columns[i])
	}
	return string(f)
}

func financialStatus(s string) domain.FinancialStatus {
	s = strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), " ", "_"))
	return domain.FinancialStatus(s)
}

func fulfillmentStatus(s string) domain.FulfillmentStatus {
	switch s = strings.ToLower(strings.TrimSpace(s)); s {
	case "partially_fulfilled", "partially fulfilled":
		return domain.FulfillmentPartial
	}
	return domain.FulfillmentStatus(s)
}

// applyOrderStatus maps the one-column order statuses of WooCommerce,
// Amazon and Etsy onto Shopify's financial and fulfilment pair.
func applyOrderStatus(o *domain.Order, status string) {
	switch strings.ToLower(strings.TrimSpace(status)) {
	case "completed", "complete", "shipped", "delivered", "paid and shipped":
		o.FinancialStatus, o.FulfillmentStatus = domain.FinancialPaid, domain.FulfillmentFulfilled
	case "processing", "unshipped", "paid", "shipping", "partially shipped":
		o.FinancialStatus = domain.FinancialPaid
		if strings.Contains(strings.ToLower(status), "partial") {
			o.FulfillmentStatus = domain.FulfillmentPartial
		}
	case "pending", "on-hold", "on hold", "pending payment", "failed":
		o.FinancialStatus = domain.FinancialPending
	case "cancelled", "canceled":
		o.FinancialStatus = domain.FinancialVoided
		// The file says cancelled but not when; the order date keeps the
		// order out of the customer's spend, which is what matters.
		if o.CancelledAt == nil && !o.CreatedAt.IsZero() {
			t := o.CreatedAt
			o.CancelledAt = &t
		}
	case "refunded":
		o.FinancialStatus = domain.FinancialRefunded
	}
}
