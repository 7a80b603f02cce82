package flow

import (
	"slices"
	"strings"
	"time"

	"shopclerk/backend/domain"
)

// Env is what a condition can read. Money is in minor units (cents): a
// condition over 200.00 reads order.total >= 20000. Times are UTC; use the
// helpers for "days since". Fields of a part the trigger does not concern
// (the cart of an order_paid flow) are zero.
//
// A builder tag offers a field in the flow editor's condition builder, and
// says how the builder treats it (FieldType): Schema reads the tags, so the
// builder's fields are these and no others.
type Env struct {
	Now      time.Time   `expr:"now"`
	Customer CustomerEnv `expr:"customer"`
	Order    OrderEnv    `expr:"order"`
	Cart     CartEnv     `expr:"cart"`
	Product  ProductEnv  `expr:"product"`
	Stock    StockEnv    `expr:"stock"`
	Event    EventEnv    `expr:"event"`
	Shipment ShipmentEnv `expr:"shipment"`
}

// CustomerEnv is the customer the flow acts for.
type CustomerEnv struct {
	ID               int64     `expr:"id"`
	Email            string    `expr:"email" builder:"string"`
	FirstName        string    `expr:"firstName" builder:"string"`
	LastName         string    `expr:"lastName"`
	Country          string    `expr:"country" builder:"string"`
	City             string    `expr:"city" builder:"string"`
	AcceptsMarketing bool      `expr:"acceptsMarketing" builder:"bool"`
	Tags             []string  `expr:"tags" builder:"tags"`
	OrdersCount      int       `expr:"ordersCount" builder:"number"`
	TotalSpent       int64     `expr:"totalSpent" builder:"money"`
	Currency         string    `expr:"currency"`
	LastOrderAt      time.Time `expr:"lastOrderAt" builder:"days"`
	CreatedAt        time.Time `expr:"createdAt" builder:"days"`
	Birthday         string    `expr:"birthday"`
	// Segment and Products live outside the customers row: the RFM segment
	// (champions, loyal, ... lost; "" unscored) and the SKUs the customer
	// bought. backend/customers fills them (Options.Customers) for a flow
	// whose conditions read them.
	Segment  string   `expr:"segment" builder:"string"`
	Products []string `expr:"products" builder:"list"`
	// Segments names the seller's own segments the customer is in ("VIP"
	// in customer.segments: "customer is in segment VIP"), filled like
	// Segment when Options.Customers is also a SegmentFacts (segments_env.go).
	Segments []string `expr:"segments" builder:"list"`
}

// OrderEnv is the order of an order, shipment or renewal trigger.
type OrderEnv struct {
	ID                int64     `expr:"id"`
	Name              string    `expr:"name" builder:"string"`
	Total             int64     `expr:"total" builder:"money"`
	Subtotal          int64     `expr:"subtotal" builder:"money"`
	Shipping          int64     `expr:"shipping" builder:"money"`
	Discount          int64     `expr:"discount" builder:"money"`
	Refunded          int64     `expr:"refunded" builder:"money"`
	Currency          string    `expr:"currency" builder:"string"`
	FinancialStatus   string    `expr:"financialStatus" builder:"string"`
	FulfillmentStatus string    `expr:"fulfillmentStatus" builder:"string"`
	RiskLevel         string    `expr:"riskLevel" builder:"string"`
	BillingCountry    string    `expr:"billingCountry" builder:"string"`
	ShippingCountry   string    `expr:"shippingCountry" builder:"string"`
	DiscountCode      string    `expr:"discountCode" builder:"string"`
	Tags              []string  `expr:"tags" builder:"tags"`
	ItemCount         int       `expr:"itemCount" builder:"number"`
	SKUs              []string  `expr:"skus" builder:"list"`
	CreatedAt         time.Time `expr:"createdAt" builder:"hours"`
	PaidAt            time.Time `expr:"paidAt" builder:"days"`
	Held              bool      `expr:"held" builder:"bool"`
	Cancelled         bool      `expr:"cancelled" builder:"bool"`
}

// CartEnv is the abandoned checkout of a cart trigger.
type CartEnv struct {
	ID        int64     `expr:"id"`
	Total     int64     `expr:"total" builder:"money"`
	Currency  string    `expr:"currency"`
	ItemCount int       `expr:"itemCount" builder:"number"`
	SKUs      []string  `expr:"skus" builder:"list"`
	UpdatedAt time.Time `expr:"updatedAt" builder:"hours"`
}

// ProductEnv is the SKU of a stock trigger.
type ProductEnv struct {
	SKU          string   `expr:"sku" builder:"string"`
	Title        string   `expr:"title" builder:"string"`
	Vendor       string   `expr:"vendor" builder:"string"`
	Type         string   `expr:"type" builder:"string"`
	Price        int64    `expr:"price" builder:"money"`
	Cost         int64    `expr:"cost" builder:"money"`
	Tags         []string `expr:"tags" builder:"tags"`
	Supplier     string   `expr:"supplier" builder:"string"`
	ReorderPoint int      `expr:"reorderPoint" builder:"number"`
}

// StockEnv is the stock change of a stock trigger.
type StockEnv struct {
	Location  string `expr:"location" builder:"string"`
	Before    int    `expr:"before"`
	After     int    `expr:"after"`
	Available int    `expr:"available" builder:"number"` // all locations, now
	Incoming  int    `expr:"incoming" builder:"number"`
	Threshold int    `expr:"threshold"`
}

// EventEnv is the occurrence itself.
type EventEnv struct {
	Type  string    `expr:"type" builder:"string"`
	At    time.Time `expr:"at"`
	Value string    `expr:"value" builder:"string"` // the tag added, the new shipment status
}

// neverDays is what daysSince answers for a time that never happened (a
// customer without orders): longer than any inactivity rule asks for.
const neverDays = 100000

func daysSince(now, t time.Time) int {
	if t.IsZero() {
		return neverDays
	}
	return int(now.Sub(t).Hours() / 24)
}

// HasTag tells whether tags hold tag, ignoring case and spaces.
func HasTag(tags []string, tag string) bool {
	return slices.ContainsFunc(tags, func(t string) bool { return strings.EqualFold(strings.TrimSpace(t), tag) })
}

// CustomerEnvOf is what a condition reads of a customer row (Segment and
// Products are left for whoever knows them): segments are conditions over
// the same fields.
func CustomerEnvOf(c domain.Customer) CustomerEnv {
	e := CustomerEnv{ID: c.ID, Email: c.Email, FirstName: c.FirstName, LastName: c.LastName, Country: c.Country,
		City: c.City, AcceptsMarketing: c.AcceptsMarketing, Tags: nonNil(c.Tags), OrdersCount: c.OrdersCount,
		TotalSpent: c.TotalSpent.Amount, Currency: c.TotalSpent.Currency, CreatedAt: c.CreatedAt, Birthday: c.Birthday,
		Products: []string{}}
	if c.LastOrderAt != nil {
		e.LastOrderAt = *c.LastOrderAt
	}
	return e
}

// OrderEnvOf is what a condition reads of an order; held says it waits
// for the seller's review.
func OrderEnvOf(o domain.Order, held bool) OrderEnv {
	e := OrderEnv{ID: o.ID, Name: o.Name, Total: o.Total, Subtotal: o.Subtotal, Shipping: o.Shipping, Discount: o.Discount,
		Refunded: o.Refunded, Currency: o.Currency, FinancialStatus: string(o.FinancialStatus),
		FulfillmentStatus: string(o.FulfillmentStatus), RiskLevel: strings.ToLower(o.RiskLevel),
		BillingCountry: o.Billing.Country, ShippingCountry: o.ShippingAddress.Country, DiscountCode: o.DiscountCode,
		Tags: nonNil(o.Tags), CreatedAt: o.CreatedAt, Held: held, Cancelled: o.CancelledAt != nil}
	if o.PaidAt != nil {
		e.PaidAt = *o.PaidAt
	}
	e.ItemCount, e.SKUs = lineItems(o.Lines)
	return e
}

// CartEnvOf is what a condition reads of an abandoned cart.
func CartEnvOf(c domain.Cart) CartEnv {
	e := CartEnv{ID: c.ID, Total: c.Total, Currency: c.Currency, UpdatedAt: c.UpdatedAt}
	e.ItemCount, e.SKUs = lineItems(c.Lines)
	return e
}

// lineItems counts the items of an order's or cart's lines and lists their
// SKUs (never nil, for conditions over skus).
func lineItems(lines []domain.LineItem) (count int, skus []string) {
	skus = []string{}
	for _, l := range lines {
		count += l.Quantity
		if l.SKU != "" {
			skus = append(skus, l.SKU)
		}
	}
	return count, skus
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// sampleEnv is a filled-in environment used at save time: conditions and
// templates are tried against it, so a runtime error (a division by a zero
// field, a runaway range) is reported before the flow ever runs.
func sampleEnv(now time.Time) Env {
	day := 24 * time.Hour
	return Env{
		Now: now,
		Customer: CustomerEnv{ID: 1, Email: "ann@example.com", FirstName: "Ann", LastName: "Lee", Country: "DE", City: "Berlin",
			AcceptsMarketing: true, Tags: []string{"newsletter"}, OrdersCount: 3, TotalSpent: 45000, Currency: "EUR",
			LastOrderAt: now.Add(-40 * day), CreatedAt: now.Add(-400 * day), Birthday: "05-17", Segment: "loyal",
			Products: []string{"MUG-1"}},
		Order: OrderEnv{ID: 1001, Name: "#1001", Total: 25900, Subtotal: 24000, Shipping: 1900, Currency: "EUR",
			FinancialStatus: "paid", FulfillmentStatus: "unfulfilled", RiskLevel: "low", BillingCountry: "DE",
			ShippingCountry: "DE", Tags: []string{}, ItemCount: 2, SKUs: []string{"MUG-1"}, CreatedAt: now.Add(-2 * time.Hour),
			PaidAt: now.Add(-time.Hour)},
		Cart:    CartEnv{ID: 7, Total: 4800, Currency: "EUR", ItemCount: 2, SKUs: []string{"MUG-1"}, UpdatedAt: now.Add(-2 * time.Hour)},
		Product: ProductEnv{SKU: "MUG-1", Title: "Mug", Price: 1200, Cost: 400, Tags: []string{}, Supplier: "Clayworks", ReorderPoint: 10},
		Stock:   StockEnv{Location: "Main", Before: 12, After: 8, Available: 8, Incoming: 0, Threshold: 10},
		Event:   EventEnv{Type: string(domain.TriggerOrderPaid), At: now.Add(-time.Hour), Value: "vip"},

		Shipment: ShipmentEnv{Status: "in_transit", Carrier: "DHL", Parcel: 1, Parcels: 1, DaysQuiet: 2},
	}
}
