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
	cs       orderCols
	cart     bool
	buffered bool
	merge    mergeMode
	cur      *orderAcc
	byKey    map[string]*orderAcc
	keys     []string
}

var _ builder = (*orderBuilder)(nil)

// orderCols are the columns the order builder reads, resolved once per file.
type orderCols struct {
	FAcceptsMarketing, FBillAddress1, FBillAddress2, FBillCity, FBillCompany, FBillCountry, FBillName, FBillPhone, FBillProvince, FBillZip, FBuyerID, FCancelledAt, FCreatedAt, FCurrency, FDiscountAmount, FDiscountCode, FEmail, FFinancialStatus, FFirstName, FFulfilledAt, FFulfillmentStatus, FFullName, FLastName, FLineCompareAt, FLineDiscount, FLineFulfillment, FLineName, FLinePrice, FLineQuantity, FLineRequiresShipping, FLineSKU, FLineShipping, FLineTax, FLineTotal, FLineVendor, FNote, FOption1, FOrderID, FOrderName, FOrderStatus, FPaidAt, FPaymentMethod, FPhone, FRefunded, FRiskLevel, FShipAddress1, FShipAddress2, FShipCity, FShipCompany, FShipCountry, FShipName, FShipPhone, FShipProvince, FShipZip, FShipping, FShippingMethod, FSubtotal, FTags, FTaxes, FTotal colRef
}

func newOrderCols(e *env) orderCols {
	return orderCols{
		FAcceptsMarketing:     e.ref(FAcceptsMarketing),
		FBillAddress1:         e.ref(FBillAddress1),
		FBillAddress2:         e.ref(FBillAddress2),
		FBillCity:             e.ref(FBillCity),
		FBillCompany:          e.ref(FBillCompany),
		FBillCountry:          e.ref(FBillCountry),
		FBillName:             e.ref(FBillName),
		FBillPhone:            e.ref(FBillPhone),
		FBillProvince:         e.ref(FBillProvince),
		FBillZip:              e.ref(FBillZip),
		FBuyerID:              e.ref(FBuyerID),
		FCancelledAt:          e.ref(FCancelledAt),
		FCreatedAt:            e.ref(FCreatedAt),
		FCurrency:             e.ref(FCurrency),
		FDiscountAmount:       e.ref(FDiscountAmount),
		FDiscountCode:         e.ref(FDiscountCode),
		FEmail:                e.ref(FEmail),
		FFinancialStatus:      e.ref(FFinancialStatus),
		FFirstName:            e.ref(FFirstName),
		FFulfilledAt:          e.ref(FFulfilledAt),
		FFulfillmentStatus:    e.ref(FFulfillmentStatus),
		FFullName:             e.ref(FFullName),
		FLastName:             e.ref(FLastName),
		FLineCompareAt:        e.ref(FLineCompareAt),
		FLineDiscount:         e.ref(FLineDiscount),
		FLineFulfillment:      e.ref(FLineFulfillment),
		FLineName:             e.ref(FLineName),
		FLinePrice:            e.ref(FLinePrice),
		FLineQuantity:         e.ref(FLineQuantity),
		FLineRequiresShipping: e.ref(FLineRequiresShipping),
		FLineSKU:              e.ref(FLineSKU),
		FLineShipping:         e.ref(FLineShipping),
		FLineTax:              e.ref(FLineTax),
		FLineTotal:            e.ref(FLineTotal),
		FLineVendor:           e.ref(FLineVendor),
		FNote:                 e.ref(FNote),
		FOption1:              e.ref(FOption1),
		FOrderID:              e.ref(FOrderID),
		FOrderName:            e.ref(FOrderName),
		FOrderStatus:          e.ref(FOrderStatus),
		FPaidAt:               e.ref(FPaidAt),
		FPaymentMethod:        e.ref(FPaymentMethod),
		FPhone:                e.ref(FPhone),
		FRefunded:             e.ref(FRefunded),
		FRiskLevel:            e.ref(FRiskLevel),
		FShipAddress1:         e.ref(FShipAddress1),
		FShipAddress2:         e.ref(FShipAddress2),
		FShipCity:             e.ref(FShipCity),
		FShipCompany:          e.ref(FShipCompany),
		FShipCountry:          e.ref(FShipCountry),
		FShipName:             e.ref(FShipName),
		FShipPhone:            e.ref(FShipPhone),
		FShipProvince:         e.ref(FShipProvince),
		FShipZip:              e.ref(FShipZip),
		FShipping:             e.ref(FShipping),
		FShippingMethod:       e.ref(FShippingMethod),
		FSubtotal:             e.ref(FSubtotal),
		FTags:                 e.ref(FTags),
		FTaxes:                e.ref(FTaxes),
		FTotal:                e.ref(FTotal),
	}
}

func newShopifyOrders(e *env) builder {
	return &orderBuilder{e: e, cs: newOrderCols(e), cart: e.b.preset.kind == KindCarts}
}

func newAmazonOrders(e *env) builder {
	return &orderBuilder{e: e, cs: newOrderCols(e), buffered: true}
}

func newEtsyItems(e *env) builder {
	return &orderBuilder{e: e, cs: newOrderCols(e), buffered: true, merge: mergeKeepHeader}
}

func (b *orderBuilder) row(r *rowCtx) {
	cs := &b.cs
	key := r.cell(cs.FOrderID)
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
	cs := &b.cs
	o := &acc.o
	o.Source = b.e.b.preset.source
	o.ExternalID = key
	o.Name = r.cell(cs.FOrderName)
	if o.Name == "" {
		o.Name = key
	}
	o.Email = r.emailAt(cs.FEmail)
	o.Currency = strings.ToUpper(r.cell(cs.FCurrency))
	if o.Currency == "" {
		o.Currency = b.e.opts.currency()
	}
	exp := domain.CurrencyDigits(o.Currency)
	o.FinancialStatus = financialStatus(r.cell(cs.FFinancialStatus))
	o.FulfillmentStatus = fulfillmentStatus(r.cell(cs.FFulfillmentStatus))
	o.CreatedAt = r.dateAt(cs.FCreatedAt)
	o.PaidAt = r.datePtrAt(cs.FPaidAt)
	o.FulfilledAt = r.datePtrAt(cs.FFulfilledAt)
	o.CancelledAt = r.datePtrAt(cs.FCancelledAt)
	if st := r.cell(cs.FOrderStatus); st != "" {
		o.ApplyStatus(st)
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
	acc.totals = cs.FTotal.ok()
	o.Subtotal = r.moneyAt(cs.FSubtotal, exp)
	o.Shipping = r.moneyAt(cs.FShipping, exp)
	o.Taxes = r.moneyAt(cs.FTaxes, exp)
	o.Total = r.moneyAt(cs.FTotal, exp)
	o.Discount = r.moneyAt(cs.FDiscountAmount, exp)
	o.Refunded = r.moneyAt(cs.FRefunded, exp)
	o.DiscountCode = r.cell(cs.FDiscountCode)
	o.ShippingMethod = r.cell(cs.FShippingMethod)
	o.PaymentMethod = r.cell(cs.FPaymentMethod)
	o.RiskLevel = r.cell(cs.FRiskLevel)
	o.Tags = splitTags(r.cell(cs.FTags))
	o.Note = r.cell(cs.FNote)
	if cs.FAcceptsMarketing.ok() {
		o.AcceptsMarketing = r.booleanAt(cs.FAcceptsMarketing)
	}
	o.Billing = r.address(cs.FBillName, cs.FBillCompany, cs.FBillAddress1, cs.FBillAddress2, cs.FBillCity, cs.FBillZip, cs.FBillProvince, cs.FBillCountry, cs.FBillPhone)
	o.ShippingAddress = r.address(cs.FShipName, cs.FShipCompany, cs.FShipAddress1, cs.FShipAddress2, cs.FShipCity, cs.FShipZip, cs.FShipProvince, cs.FShipCountry, cs.FShipPhone)
	if o.CreatedAt.IsZero() && !r.bad {
		r.rejectAt(FCreatedAt, "", "has no order date")
	}
	acc.codes = splitTags(o.DiscountCode)
	acc.cust = orderCustomer(r, cs, o)
}

func (r *rowCtx) address(name, company, a1, a2, city, zip, prov, country, phone colRef) domain.Address {
	cc := strings.ToUpper(r.cell(country))
	return domain.Address{Name: r.cell(name), Company: r.cell(company), Address1: r.cell(a1), Address2: r.cell(a2),
		City: r.cell(city), Zip: r.zipAt(zip, cc), Province: r.cell(prov), Country: cc, Phone: r.cell(phone)}
}

// orderCustomer derives the buyer from the order: by email, else by the
// marketplace's buyer id (Etsy gives no email).
func orderCustomer(r *rowCtx, cs *orderCols, o *domain.Order) *domain.Customer {
	c := &domain.Customer{Source: o.Source, Email: o.Email, ExternalID: r.cell(cs.FBuyerID), CreatedAt: o.CreatedAt,
		AcceptsMarketing: o.AcceptsMarketing}
	if c.Email == "" && c.ExternalID == "" {
		return nil
	}
	c.FirstName, c.LastName = r.cell(cs.FFirstName), r.cell(cs.FLastName)
	if c.FirstName == "" && c.LastName == "" {
		full := r.cell(cs.FFullName)
		if full == "" {
			full = o.Billing.Name
		}
		if full == "" {
			full = o.ShippingAddress.Name
		}
		c.FirstName, c.LastName = splitName(full)
	}
	c.Phone = firstNonEmpty(r.cell(cs.FPhone), o.Billing.Phone, o.ShippingAddress.Phone)
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
	cs := &b.cs
	o := &acc.o
	exp := domain.CurrencyDigits(o.Currency)
	l := domain.LineItem{Position: len(o.Lines) + 1, SKU: own(r.cell(cs.FLineSKU)), Name: r.cell(cs.FLineName), Vendor: r.cell(cs.FLineVendor),
		FulfillmentStatus: r.cell(cs.FLineFulfillment), RequiresShipping: true}
	if opt := r.cell(cs.FOption1); opt != "" {
		l.Name += " (" + opt + ")"
	}
	if l.SKU == "" && b.e.lineSKUs != nil {
		// A variant without a SKU in the store: the product Shopclerk gave
		// a key, when exactly one has this line's name (skuless.go).
		l.SKU = b.e.lineSKUs[l.Name]
	}
	if l.SKU == "" && l.Name == "" && !cs.FLineQuantity.ok() {
		return // an order-only file
	}
	l.Quantity = 1
	if s := r.cell(cs.FLineQuantity); s != "" {
		l.Quantity = r.qtyAt(cs.FLineQuantity)
	}
	l.Price = r.moneyAt(cs.FLinePrice, exp)
	l.CompareAtPrice = r.moneyAt(cs.FLineCompareAt, exp)
	l.Discount = r.moneyAt(cs.FLineDiscount, exp)
	if cs.FLineRequiresShipping.ok() && r.cell(cs.FLineRequiresShipping) != "" {
		l.RequiresShipping = r.booleanAt(cs.FLineRequiresShipping)
	}
	if cs.FLineTotal.ok() && !cs.FLinePrice.ok() {
		total := r.moneyAt(cs.FLineTotal, exp)
		if l.Quantity != 0 {
			l.Price = total / int64(l.Quantity)
		}
	}
	if !acc.totals {
		o.Subtotal += l.Price * int64(l.Quantity)
		o.Taxes += r.moneyAt(cs.FLineTax, exp)
		o.Shipping += r.moneyAt(cs.FLineShipping, exp)
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
