package mail

import (
	"context"
	"fmt"
	"strings"

	"shopclerk/backend/domain"
	"shopclerk/backend/rules"
	"shopclerk/backend/store"
)

// PreviewData fills template variables from a real customer: their name,
// their latest order with its lines and shipment. What the shop does not
// have yet (a cart, a coupon issued later) is filled with a marked sample,
// so the seller sees exactly which parts are examples.
func PreviewData(ctx context.Context, st *store.Store, customerID int64, shop rules.ShopData) (rules.EmailData, error) {
	c, err := st.CustomerForMail(ctx, customerID)
	if err != nil {
		return rules.EmailData{}, err
	}
	d := SampleData(shop)
	d.Customer = rules.CustomerData{FirstName: c.FirstName, LastName: c.LastName, Email: c.Email, Country: c.Country}
	if d.Customer.FirstName == "" {
		d.Customer.FirstName = "there"
	}
	od, ok, err := st.LatestOrderByEmail(ctx, c.Email)
	if err != nil {
		return d, err
	}
	if ok {
		d.Order = OrderData(od.Order)
		d.Cart.Lines, d.Cart.Total = d.Order.Lines, d.Order.Total
		if len(od.Shipments) > 0 {
			sh := od.Shipments[len(od.Shipments)-1]
			d.Shipment = rules.ShipmentData{Carrier: sh.Carrier, TrackingNumber: sh.TrackingNumber, TrackingURL: sh.TrackingURL, Status: string(sh.Status)}
		}
	}
	return d, nil
}

// SampleData is a complete, obviously made-up set of variables.
func SampleData(shop rules.ShopData) rules.EmailData {
	lines := []rules.LineData{{Name: "Linen tote bag", SKU: "TOTE-1", Quantity: 1, Price: "EUR 24.00", Total: "EUR 24.00"},
		{Name: "Beeswax candle (set of 2)", SKU: "CANDLE-2", Quantity: 2, Price: "EUR 9.00", Total: "EUR 18.00"}}
	return rules.EmailData{
		Shop:     shop,
		Customer: rules.CustomerData{FirstName: "Alex", LastName: "Sample", Email: "alex@example.com", Country: "DE"},
		Order: rules.OrderData{Name: "#1001", Lines: lines, Subtotal: "EUR 42.00", Shipping: "EUR 4.90", Taxes: "EUR 7.49",
			Discount: "EUR 0.00", Total: "EUR 46.90", CreatedOn: "2 March 2026",
			ShippingAddress: []string{"Alex Sample", "Sample Street 1", "10115 Berlin", "DE"}},
		Cart:     rules.CartData{Lines: lines, Total: "EUR 42.00", RecoveryURL: "https://shop.example/cart/sample"},
		Shipment: rules.ShipmentData{Carrier: "DHL", TrackingNumber: "SAMPLE123", TrackingURL: "https://shop.example/track/SAMPLE123", Status: "in_transit"},
		Coupon:   rules.CouponData{Code: "SAMPLE-CODE", Description: "10 % off", ExpiresOn: "31 March 2026"},
		Vars:     map[string]string{"tier": "EUR 200", "po_number": "PO-0007", "news": "our spring collection"},
	}
}

// OrderData formats an order for templates.
func OrderData(o domain.Order) rules.OrderData {
	out := rules.OrderData{Name: o.Name, Subtotal: Money(o.Subtotal, o.Currency), Shipping: Money(o.Shipping, o.Currency),
		Taxes: Money(o.Taxes, o.Currency), Discount: Money(o.Discount, o.Currency), Total: Money(o.Total, o.Currency),
		CreatedOn: o.CreatedAt.Format("2 January 2006"), ShippingAddress: rules.AddressLines(o.ShippingAddress),
		BillingAddress: rules.AddressLines(o.Billing)}
	for _, l := range o.Lines {
		out.Lines = append(out.Lines, rules.LineData{Name: l.Name, SKU: l.SKU, Quantity: l.Quantity,
			Price: Money(l.Price, o.Currency), Total: Money(l.Price*int64(l.Quantity)-l.Discount, o.Currency)})
	}
	return out
}

// zeroDecimal currencies have no minor unit (ISO 4217 exponent 0).
var zeroDecimal = map[string]bool{"JPY": true, "KRW": true, "CLP": true, "ISK": true, "HUF": false, "VND": true, "XOF": true}

// Money formats integer minor units with their currency code.
func Money(minor int64, currency string) string {
	sign := ""
	if minor < 0 {
		sign, minor = "-", -minor
	}
	if zeroDecimal[strings.ToUpper(currency)] {
		return fmt.Sprintf("%s %s%d", currency, sign, minor)
	}
	return fmt.Sprintf("%s %s%d.%02d", currency, sign, minor/100, minor%100)
}
