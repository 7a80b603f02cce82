package mail

import (
	"context"

	"shopclerk/backend/email"
	"shopclerk/backend/store/outboxdb"
)

// PreviewData fills template variables from a real customer: their name,
// their latest order with its lines and shipment, formatted as the
// automations format them when they send. What the shop does not
// have yet (a cart, a coupon issued later) is filled with a marked sample,
// so the seller sees exactly which parts are examples.
func PreviewData(ctx context.Context, st *outboxdb.DB, customerID int64, shop email.Shop) (email.Data, error) {
	c, err := st.CustomerByID(ctx, customerID)
	if err != nil {
		return email.Data{}, err
	}
	d := SampleData(shop)
	d.Customer = email.Customer{FirstName: c.FirstName, LastName: c.LastName, Email: c.Email, Country: c.Country}
	if d.Customer.FirstName == "" {
		d.Customer.FirstName = "there"
	}
	od, ok, err := st.LatestOrderByEmail(ctx, c.Email)
	if err != nil {
		return d, err
	}
	if ok {
		d.Order = email.OrderIn(od.Order, st.Location(ctx))
		d.Cart.Lines, d.Cart.Total = d.Order.Lines, d.Order.Total
		if len(od.Shipments) > 0 {
			sh := od.Shipments[len(od.Shipments)-1]
			d.Shipment = email.Shipment{Carrier: sh.Carrier, TrackingNumber: sh.TrackingNumber, TrackingURL: sh.TrackingURL, Status: string(sh.Status)}
		}
	}
	return d, nil
}

// SampleData is a complete, obviously made-up set of variables.
func SampleData(shop email.Shop) email.Data {
	lines := []email.Line{{Name: "Linen tote bag", SKU: "TOTE-1", Quantity: 1, Price: "24.00 EUR", Total: "24.00 EUR"},
		{Name: "Beeswax candle (set of 2)", SKU: "CANDLE-2", Quantity: 2, Price: "9.00 EUR", Total: "18.00 EUR"}}
	return email.Data{
		Shop:     shop,
		Customer: email.Customer{FirstName: "Alex", LastName: "Sample", Email: "alex@example.com", Country: "DE"},
		Order: email.Order{Name: "#1001", Lines: lines, Subtotal: "42.00 EUR", Shipping: "4.90 EUR", Taxes: "7.49 EUR",
			Discount: "0.00 EUR", Total: "46.90 EUR", CreatedOn: "2 March 2026",
			ShippingAddress: []string{"Alex Sample", "Sample Street 1", "10115 Berlin", "DE"}},
		Cart:     email.Cart{Lines: lines, Total: "42.00 EUR", RecoveryURL: "https://shop.example/cart/sample"},
		Shipment: email.Shipment{Carrier: "DHL", TrackingNumber: "SAMPLE123", TrackingURL: "https://shop.example/track/SAMPLE123", Status: "in_transit"},
		Coupon:   email.Coupon{Code: "SAMPLE-CODE", Description: "10 % off", ExpiresOn: "31 March 2026"},
		PurchaseOrder: email.PurchaseOrder{Number: "PO-0007", Supplier: "Sample Supplies Ltd", Total: "84.00 EUR",
			Lines: []email.Line{{Name: "Linen tote bag", SKU: "SUP-TOTE", Quantity: 6, Price: "8.00 EUR", Total: "48.00 EUR"},
				{Name: "Beeswax candle (set of 2)", SKU: "SUP-CANDLE", Quantity: 12, Price: "3.00 EUR", Total: "36.00 EUR"}}},
		Vars: map[string]string{"tier": "200.00 EUR", "po_number": "PO-0007", "news": "our spring collection"},
	}
}
