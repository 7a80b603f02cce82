package importer

import (
	"strconv"
	"strings"

	"shopclerk/backend/domain"
)

// wooOrders reads WooCommerce Analytics' orders download: one row per
// order, items only as text ("2× Hoodie, 1× Beanie"), no prices per item.
type wooOrders struct{ e *env }

var _ builder = wooOrders{}

func newWooOrders(e *env) builder { return wooOrders{e: e} }

func (b wooOrders) row(r *rowCtx) {
	id := strings.TrimPrefix(r.str(FOrderID), "#")
	if id == "" {
		r.rejectAt(FOrderID, "", "has no order number")
		return
	}
	cur := r.e.opts.currency()
	o := domain.Order{Source: domain.SourceWooCommerce, ExternalID: id, Name: "#" + id, Currency: cur,
		CreatedAt: r.date(FCreatedAt), Total: r.money(FTotal, domain.CurrencyDigits(cur)), DiscountCode: r.str(FDiscountCode),
		PaymentMethod: r.str(FPaymentMethod), FulfillmentStatus: domain.FulfillmentUnfulfilled}
	o.Subtotal = o.Total
	o.ApplyStatus(r.str(FOrderStatus))
	if o.CreatedAt.IsZero() && !r.bad {
		r.rejectAt(FCreatedAt, "", "has no order date")
	}
	for i, item := range splitTags(r.str(FProducts)) {
		qty, name := 1, item
		if q, rest, ok := strings.Cut(item, "×"); ok {
			if n, err := strconv.Atoi(strings.TrimSpace(q)); err == nil {
				qty, name = n, strings.TrimSpace(rest)
			}
		}
		// No SKUs here: a name that is exactly one SKU-less product's links to it.
		o.Lines = append(o.Lines, domain.LineItem{Position: i + 1, SKU: r.e.lineSKUs[name], Name: name, Quantity: qty, RequiresShipping: true})
	}
	if r.bad {
		return
	}
	r.e.emit(Record{Row: r.num, Order: &o, DiscountCodes: splitTags(o.DiscountCode)})
}

func (b wooOrders) end() {}

// etsyOrders reads Etsy's Sold Orders file: one row per order with totals
// but no items (those are in the Sold Order Items file), so stored lines are
// kept. Etsy gives no buyer email; the buyer is keyed by Etsy's user id.
type etsyOrders struct{ e *env }

var _ builder = etsyOrders{}

func newEtsyOrders(e *env) builder { return etsyOrders{e: e} }

func (b etsyOrders) row(r *rowCtx) {
	id := r.str(FOrderID)
	if id == "" {
		r.rejectAt(FOrderID, "", "has no order id")
		return
	}
	cur := strings.ToUpper(firstNonEmpty(r.str(FCurrency), r.e.opts.currency()))
	exp := domain.CurrencyDigits(cur)
	o := domain.Order{Source: domain.SourceEtsy, ExternalID: id, Name: id, Currency: cur, CreatedAt: r.date(FCreatedAt),
		FulfilledAt: r.datePtr(FFulfilledAt), Subtotal: r.money(FSubtotal, exp), Discount: r.money(FDiscountAmount, exp),
		Shipping: r.money(FShipping, exp), Taxes: r.money(FTaxes, exp), Total: r.money(FTotal, exp),
		DiscountCode: r.str(FDiscountCode), PaymentMethod: r.str(FPaymentMethod), FinancialStatus: domain.FinancialPaid,
		FulfillmentStatus: domain.FulfillmentUnfulfilled}
	o.PaidAt = &o.CreatedAt
	if o.FulfilledAt != nil {
		o.FulfillmentStatus = domain.FulfillmentFulfilled
	}
	if st := r.str(FOrderStatus); st != "" {
		o.ApplyStatus(st)
	}
	e := r.e
	o.ShippingAddress = r.address(e.ref(FFullName), e.ref(""), e.ref(FShipAddress1), e.ref(FShipAddress2), e.ref(FShipCity),
		e.ref(FShipZip), e.ref(FShipProvince), e.ref(FShipCountry), e.ref(""))
	if o.CreatedAt.IsZero() && !r.bad {
		r.rejectAt(FCreatedAt, "", "has no sale date")
	}
	if r.bad {
		return
	}
	cs := newOrderCols(e) // a small file: resolving the columns per row costs nothing
	r.e.emit(Record{Row: r.num, Order: &o, Customer: orderCustomer(r, &cs, &o), DiscountCodes: splitTags(o.DiscountCode), merge: mergeKeepLines})
}

func (b etsyOrders) end() {}

// genericBuilder builds records from a seller's column mapping, with the
// same rules as the presets of that kind.
func genericBuilder(kind Kind) func(e *env) builder {
	return func(e *env) builder {
		switch kind {
		case KindOrders:
			return &orderBuilder{e: e, cs: newOrderCols(e)}
		case KindCarts:
			return &orderBuilder{e: e, cs: newOrderCols(e), cart: true}
		case KindCustomers:
			return customers{e: e}
		case KindInventory:
			return &stockRow{e: e, location: "Default"}
		case KindShipments:
			return newTrackingRows(e)
		default:
			return genericProducts{e: e}
		}
	}
}

// genericProducts: one product per row; a mapped stock quantity goes to the
// "Default" location.
type genericProducts struct{ e *env }

var _ builder = genericProducts{}

func (b genericProducts) row(r *rowCtx) {
	sku := own(r.str(FSKU))
	if sku == "" {
		r.rejectAt(FSKU, "", "has no SKU")
		return
	}
	cur := strings.ToUpper(firstNonEmpty(r.str(FCurrency), r.e.opts.currency()))
	exp := domain.CurrencyDigits(cur)
	p := domain.Product{SKU: sku, Title: r.str(FTitle), Vendor: r.str(FVendor), Type: r.str(FType), Barcode: r.str(FBarcode),
		Status: productStatus(r), Price: domain.Money{Amount: r.money(FPrice, exp), Currency: cur},
		Cost: domain.Money{Amount: r.money(FCost, exp), Currency: cur}}
	var stock *domain.StockLevel
	if s := r.str(FAvailable); s != "" {
		n := r.qty(FAvailable)
		stock = &domain.StockLevel{SKU: sku, Location: "Default", Available: n, OnHand: n, Stocked: true}
	}
	if r.bad {
		return
	}
	r.e.emit(Record{Row: r.num, Product: &p})
	if stock != nil {
		r.e.emit(Record{Row: r.num, Stock: stock, Product: &p})
	}
}

func (b genericProducts) end() {}
