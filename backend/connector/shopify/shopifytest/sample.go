package shopifytest

// SampleOrder is one paid order node shaped as the Admin API's (the fields
// the connector asks for): #number, one line of SKU STANDIN-1 at 25.00 CAD,
// bought by email at the RFC 3339 time at.
func SampleOrder(number, email, at string) map[string]any {
	money := func(a string) map[string]any {
		return map[string]any{"shopMoney": map[string]any{"amount": a, "currencyCode": "CAD"}}
	}
	addr := map[string]any{"name": "Sam Standin", "company": nil, "address1": "1 Stand-in Road", "address2": nil, "city": "Toronto",
		"zip": "M5V 2T6", "provinceCode": "ON", "countryCodeV2": "CA", "phone": nil}
	return map[string]any{
		"id": "gid://shopify/Order/" + number + "000", "name": "#" + number, "email": email, "phone": nil,
		"createdAt": at, "updatedAt": at, "processedAt": at, "cancelledAt": nil,
		"displayFinancialStatus": "PAID", "displayFulfillmentStatus": "UNFULFILLED", "currencyCode": "CAD",
		"subtotalPriceSet": money("25.00"), "totalShippingPriceSet": money("0.00"), "totalTaxSet": money("0.00"),
		"totalPriceSet": money("25.00"), "totalDiscountsSet": money("0.00"), "totalRefundedSet": money("0.00"),
		"discountCodes": []any{}, "paymentGatewayNames": []any{"shopify_payments"}, "tags": []any{}, "note": nil, "shippingLine": nil,
		"risk": map[string]any{"recommendation": "ACCEPT", "assessments": []any{map[string]any{"riskLevel": "LOW"}}},
		"customer": map[string]any{"id": "gid://shopify/Customer/" + number, "email": email, "firstName": "Sam", "lastName": "Standin",
			"phone": nil, "createdAt": at, "emailMarketingConsent": map[string]any{"marketingState": "NOT_SUBSCRIBED", "consentUpdatedAt": nil}},
		"billingAddress": addr, "shippingAddress": addr,
		"transactions": []any{map[string]any{"kind": "SALE", "status": "SUCCESS", "processedAt": at}},
		"lineItems": map[string]any{"nodes": []any{map[string]any{"name": "Stand-in Mug", "sku": "STANDIN-1", "quantity": 1, "vendor": "Stand-in",
			"requiresShipping": true, "unfulfilledQuantity": 1, "originalUnitPriceSet": money("25.00"), "totalDiscountSet": money("0.00"), "variant": nil}}},
		"fulfillments": []any{},
	}
}
