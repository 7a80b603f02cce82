package woocommerce

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"shopclerk/backend/connector"
	"shopclerk/backend/domain"
)

// The answers' shapes, as the WooCommerce REST API v3 documentation shows
// them: money as decimal strings, except a line item's price (a number).

type address struct {
	FirstName string `json:"first_name"`
	LastName  string `json:"last_name"`
	Company   string `json:"company"`
	Address1  string `json:"address_1"`
	Address2  string `json:"address_2"`
	City      string `json:"city"`
	State     string `json:"state"`
	Postcode  string `json:"postcode"`
	Country   string `json:"country"`
	Email     string `json:"email"`
	Phone     string `json:"phone"`
}

func (a address) domain() domain.Address {
	return domain.Address{Name: strings.TrimSpace(a.FirstName + " " + a.LastName), Company: a.Company, Address1: a.Address1,
		Address2: a.Address2, City: a.City, Zip: a.Postcode, Province: a.State, Country: strings.ToUpper(a.Country), Phone: a.Phone}
}

type meta struct {
	Key   string          `json:"key"`
	Value json.RawMessage `json:"value"`
}

type order struct {
	ID                 int64   `json:"id"`
	Number             string  `json:"number"`
	Status             string  `json:"status"`
	Currency           string  `json:"currency"`
	DateCreatedGMT     string  `json:"date_created_gmt"`
	DateModifiedGMT    string  `json:"date_modified_gmt"`
	DatePaidGMT        *string `json:"date_paid_gmt"`
	DateCompletedGMT   *string `json:"date_completed_gmt"`
	DiscountTotal      string  `json:"discount_total"`
	ShippingTotal      string  `json:"shipping_total"`
	Total              string  `json:"total"`
	TotalTax           string  `json:"total_tax"`
	CustomerID         int64   `json:"customer_id"`
	CustomerNote       string  `json:"customer_note"`
	Billing            address `json:"billing"`
	Shipping           address `json:"shipping"`
	PaymentMethodTitle string  `json:"payment_method_title"`
	MetaData           []meta  `json:"meta_data"`
	LineItems          []struct {
		Name        string      `json:"name"`
		ProductID   int64       `json:"product_id"`
		VariationID int64       `json:"variation_id"`
		Quantity    int         `json:"quantity"`
		Subtotal    string      `json:"subtotal"`
		Total       string      `json:"total"`
		SKU         string      `json:"sku"`
		Price       json.Number `json:"price"`
	} `json:"line_items"`
	ShippingLines []struct {
		MethodTitle string `json:"method_title"`
	} `json:"shipping_lines"`
	CouponLines []struct {
		Code string `json:"code"`
	} `json:"coupon_lines"`
	Refunds []struct {
		Total string `json:"total"`
	} `json:"refunds"`
}

// orderOf maps an order: its external id is the order number the store
// shows (and its exports' "Order #" column has).
func orderOf(o *order) connector.Order {
	cur := strings.ToUpper(o.Currency)
	exp := domain.CurrencyDigits(cur)
	amt := func(s string) int64 { return connector.Minor(s, exp) }
	num := o.Number
	if num == "" {
		num = strconv.FormatInt(o.ID, 10)
	}
	out := connector.Order{UpdatedAt: gmt(o.DateModifiedGMT)}
	d := &out.Order
	d.Source, d.ExternalID, d.Name = domain.SourceWooCommerce, num, "#"+num
	d.Email = strings.TrimSpace(o.Billing.Email)
	d.Currency = cur
	d.CreatedAt = gmt(o.DateCreatedGMT)
	d.PaidAt, d.FulfilledAt = gmtPtr(o.DatePaidGMT), gmtPtr(o.DateCompletedGMT)
	applyStatus(d, o.Status)
	d.Shipping, d.Taxes, d.Total, d.Discount = amt(o.ShippingTotal), amt(o.TotalTax), amt(o.Total), amt(o.DiscountTotal)
	for _, r := range o.Refunds {
		d.Refunded -= amt(r.Total) // refunds are listed as negative amounts
	}
	if d.Refunded > 0 && d.Refunded < d.Total && d.FinancialStatus == domain.FinancialPaid {
		d.FinancialStatus = domain.FinancialPartiallyRefunded
	}
	for _, cl := range o.CouponLines {
		out.DiscountCodes = append(out.DiscountCodes, cl.Code)
	}
	d.DiscountCode = strings.Join(out.DiscountCodes, ", ")
	if len(o.ShippingLines) > 0 {
		d.ShippingMethod = o.ShippingLines[0].MethodTitle
	}
	d.PaymentMethod, d.Note = o.PaymentMethodTitle, o.CustomerNote
	d.Billing, d.ShippingAddress = o.Billing.domain(), o.Shipping.domain()
	for i, l := range o.LineItems {
		sku := strings.TrimSpace(l.SKU)
		if sku == "" {
			id := l.ProductID
			if l.VariationID != 0 {
				id = l.VariationID
			}
			sku = domain.WooKey(strconv.FormatInt(id, 10))
		}
		li := domain.LineItem{Position: i + 1, SKU: sku, Name: l.Name, Quantity: l.Quantity, Price: amt(l.Price.String()),
			Discount: amt(l.Subtotal) - amt(l.Total), RequiresShipping: true, FulfillmentStatus: "pending"}
		if d.FulfillmentStatus == domain.FulfillmentFulfilled {
			li.FulfillmentStatus = "fulfilled"
		}
		d.Subtotal += amt(l.Subtotal)
		d.Lines = append(d.Lines, li)
	}
	out.Shipments = shipments(o.MetaData, d.FulfilledAt)
	if d.Email != "" {
		out.Customer = &domain.Customer{Source: domain.SourceWooCommerce, Email: d.Email, FirstName: o.Billing.FirstName, LastName: o.Billing.LastName,
			Phone: o.Billing.Phone, Country: d.Billing.Country, City: d.Billing.City, CreatedAt: d.CreatedAt}
		if o.CustomerID != 0 {
			out.Customer.ExternalID = strconv.FormatInt(o.CustomerID, 10)
		}
	}
	return out
}

// applyStatus maps WooCommerce's statuses (and the common plugins') onto
// the financial and fulfilment pair; a status it does not know is kept as
// the order's financial status, in the store's own words.
func applyStatus(o *domain.Order, status string) {
	o.FulfillmentStatus = domain.FulfillmentUnfulfilled
	if !o.ApplyStatus(status) {
		o.FinancialStatus = domain.FinancialStatus(strings.TrimPrefix(strings.ToLower(strings.TrimSpace(status)), "wc-"))
	}
}

// shipments reads the tracking numbers the Shipment Tracking extension
// keeps in an order's meta data (_wc_shipment_tracking_items).
func shipments(md []meta, fulfilled *time.Time) []domain.Shipment {
	var out []domain.Shipment
	for _, m := range md {
		if m.Key != "_wc_shipment_tracking_items" {
			continue
		}
		var items []struct {
			Provider       string `json:"tracking_provider"`
			CustomProvider string `json:"custom_tracking_provider"`
			Number         string `json:"tracking_number"`
			Link           string `json:"custom_tracking_link"`
			DateShipped    any    `json:"date_shipped"`
		}
		if json.Unmarshal(m.Value, &items) != nil {
			continue
		}
		for _, it := range items {
			sh := domain.Shipment{Carrier: firstNonEmpty(it.CustomProvider, it.Provider), TrackingNumber: it.Number, TrackingURL: it.Link,
				Status: domain.ShipmentInTransit}
			switch v := it.DateShipped.(type) {
			case string:
				if n, err := strconv.ParseInt(v, 10, 64); err == nil {
					sh.ShippedAt = time.Unix(n, 0).UTC()
				}
			case float64:
				sh.ShippedAt = time.Unix(int64(v), 0).UTC()
			}
			if sh.ShippedAt.IsZero() && fulfilled != nil {
				sh.ShippedAt = *fulfilled
			}
			out = append(out, sh)
		}
	}
	return out
}

type product struct {
	ID              int64  `json:"id"`
	Name            string `json:"name"`
	Slug            string `json:"slug"`
	Type            string `json:"type"`
	Status          string `json:"status"`
	SKU             string `json:"sku"`
	RegularPrice    string `json:"regular_price"`
	Price           string `json:"price"`
	DateModifiedGMT string `json:"date_modified_gmt"`
	ManageStock     bool   `json:"manage_stock"`
	StockQuantity   *int   `json:"stock_quantity"`
	Tags            []struct {
		Name string `json:"name"`
	} `json:"tags"`
}

func (p *product) modified() time.Time { return gmt(p.DateModifiedGMT) }

// productOf maps a product as the products export does: a product without
// a SKU is keyed by its id; its stock, when WooCommerce manages it, is one
// level at the location "WooCommerce".
func productOf(p *product, currency string) (domain.Product, *connector.Stock) {
	if currency == "" {
		currency = "USD"
	}
	exp := domain.CurrencyDigits(currency)
	sku, gen := strings.TrimSpace(p.SKU), false
	if sku == "" {
		sku, gen = domain.WooKey(strconv.FormatInt(p.ID, 10)), true
	}
	price := p.RegularPrice
	if price == "" {
		price = p.Price
	}
	status := "active"
	if p.Status != "publish" && p.Status != "" {
		status = "draft"
	}
	dp := domain.Product{SKU: sku, SKUGenerated: gen, Handle: p.Slug, Title: p.Name, Type: p.Type, Status: status,
		Price: domain.Money{Amount: connector.Minor(price, exp), Currency: currency}}
	for _, t := range p.Tags {
		dp.Tags = append(dp.Tags, t.Name)
	}
	if !p.ManageStock || p.StockQuantity == nil {
		return dp, nil
	}
	n := *p.StockQuantity
	return dp, &connector.Stock{StockLevel: domain.StockLevel{SKU: sku, Location: "WooCommerce", Available: n, OnHand: n, Stocked: true,
		UpdatedAt: p.modified()}, Product: &dp}
}

type customer struct {
	ID              int64   `json:"id"`
	Email           string  `json:"email"`
	FirstName       string  `json:"first_name"`
	LastName        string  `json:"last_name"`
	DateCreatedGMT  string  `json:"date_created_gmt"`
	DateModifiedGMT string  `json:"date_modified_gmt"`
	Billing         address `json:"billing"`
}

func (c *customer) modified() time.Time { return gmt(c.DateModifiedGMT) }

// customerOf maps a customer. WooCommerce keeps no marketing consent (a
// newsletter plugin does), so none is claimed.
func customerOf(c *customer) domain.Customer {
	return domain.Customer{Source: domain.SourceWooCommerce, ExternalID: strconv.FormatInt(c.ID, 10), Email: strings.TrimSpace(c.Email),
		FirstName: c.FirstName, LastName: c.LastName, Phone: c.Billing.Phone, City: c.Billing.City, Country: strings.ToUpper(c.Billing.Country),
		CreatedAt: gmt(c.DateCreatedGMT)}
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
