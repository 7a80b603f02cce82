package email

// Sample fills every field, so validating a template against it
// finds unknown variables and syntax errors, not missing data.
func Sample(vars map[string]string) Data {
	line := Line{Name: "Stoneware mug", SKU: "MUG-1", Quantity: 2, Price: "12.00 EUR", Total: "24.00 EUR"}
	if vars == nil {
		vars = map[string]string{}
	}
	return Data{
		Shop: Shop{Name: "Ann's Pottery", Email: "shop@example.com", LegalName: "Ann's Pottery Ltd", Address: []string{"Kiln Lane 4", "10115 Berlin", "Germany"},
			Phone: "+49 30 1234567", Website: "https://shop.example.com", VATNumber: "DE123456789"},
		Customer: Customer{FirstName: "Ann", LastName: "Lee", Email: "ann@example.com", Country: "DE"},
		Order: Order{Name: "#1001", Lines: []Line{line}, Subtotal: "24.00 EUR", Shipping: "4.90 EUR", Taxes: "0.00 EUR",
			Discount: "0.00 EUR", Total: "28.90 EUR", ShippingAddress: []string{"Ann Lee", "Main St 1", "10115 Berlin", "DE"},
			BillingAddress: []string{"Ann Lee", "Main St 1", "10115 Berlin", "DE"}, CreatedOn: "1 March 2026"},
		Cart:     Cart{Lines: []Line{line}, Total: "24.00 EUR", RecoveryURL: "https://shop.example.com/cart/abc"},
		Shipment: Shipment{Carrier: "DHL", TrackingNumber: "0034", TrackingURL: "https://track.example/0034", Status: "delivered", Parcel: "parcel 1 of 2", LastEvent: "Delivered to a neighbour", LastEventOn: "3 March 2026, 11:20", CarrierHelp: "https://www.dhl.com/contact"},
		Coupon:   Coupon{Code: "SC-ABCD-EFGH", Description: "10 % off", ExpiresOn: "15 March 2026"},
		Product:  Product{SKU: "MUG-1", Title: "Stoneware mug"},
		PurchaseOrder: PurchaseOrder{Number: "PO-0007", Supplier: "Clayworks", Total: "48.00 EUR",
			Lines: []Line{{Name: "Stoneware mug", SKU: "CW-MUG", Quantity: 12, Price: "4.00 EUR", Total: "48.00 EUR"}}},
		Vars: vars,
	}
}
