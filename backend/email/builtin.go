package email

// builtin are the emails of the ready-made flows. The seller can
// override subject and body per step; these are the starting words. Their
// links say where they go (a screen reader lists links by their text), their
// tables only lay lines out (role="presentation"), and one in another
// language than the shop's names it (Lang), for the email's <html lang>.
var builtin = map[string]Template{}

// The built-in emails' line lists, which the block editor reads as a
// product list (blocks_convert.go).
const (
	builtinOrderLines = `<table role="presentation">{{range .Order.Lines}}<tr><td>{{.Quantity}} × {{.Name}}</td><td>{{.Total}}</td></tr>{{end}}</table>`
	builtinCartLines  = `<ul>{{range .Cart.Lines}}<li>{{.Quantity}} × {{.Name}}</li>{{end}}</ul>`
)

// InlineConditions are the built-ins whose sentences change inside
// themselves with the parcel ("parcel 2 of 3 of your order", "with DHL"):
// a text block has no condition inside it, so they open in the block
// editor as one HTML block, edited as HTML.
var InlineConditions = map[string]bool{"shipment_shipped": true, "shipment_out_for_delivery": true,
	"shipment_delivered": true, "shipment_problem": true, "shipment_stuck": true}

func init() {
	lines, cartLines := builtinOrderLines, builtinCartLines
	parcelNumber := `{{with .Shipment.TrackingNumber}} Its tracking number is {{.}}.{{end}}`
	trackLink := `{{with .Shipment.TrackingURL}}<p><a href="{{.}}">Track your parcel</a></p>{{end}}`
	for _, t := range []Template{
		{Name: "order_confirmation", Subject: "Your order {{.Order.Name}} is confirmed",
			HTML: `<p>Hi {{.Customer.FirstName}},</p><p>thank you for your order {{.Order.Name}} of {{.Order.CreatedOn}}. We have your payment and are getting it ready.</p>` +
				lines + `<p>Subtotal {{.Order.Subtotal}}<br>Shipping {{.Order.Shipping}}<br>Discount {{.Order.Discount}}<br>Taxes {{.Order.Taxes}}<br><b>Total {{.Order.Total}}</b></p>` +
				`<p>Shipping to:<br>{{join .Order.ShippingAddress ", "}}</p><p>Billing address:<br>{{join .Order.BillingAddress ", "}}</p>`},
		{Name: "cart_reminder", Subject: "{{.Customer.FirstName}}, you left something in your basket",
			HTML: `<p>Hi {{.Customer.FirstName}},</p><p>your basket is still waiting for you:</p>` + cartLines +
				`<p>Total {{.Cart.Total}}. <a href="{{.Cart.RecoveryURL}}">Finish your order</a></p><p>Questions? Just reply to this email.</p>`},
		{Name: "cart_reminder_second", Subject: "Still thinking it over?",
			HTML: `<p>Hi {{.Customer.FirstName}},</p><p>we kept your basket for you:</p>` + cartLines +
				`<p><a href="{{.Cart.RecoveryURL}}">Take me back to my basket</a></p>`},
		{Name: "cart_reminder_coupon", Subject: "{{.Coupon.Description}} on your basket, just for you",
			HTML: `<p>Hi {{.Customer.FirstName}},</p><p>here is {{.Coupon.Description}} with the code <b>{{.Coupon.Code}}</b>, valid until {{.Coupon.ExpiresOn}}.</p>` + cartLines +
				`<p><a href="{{.Cart.RecoveryURL}}">Use your code in your basket</a></p>`},
		{Name: "cart_last_chance", Subject: "Your basket is about to expire",
			HTML: `<p>Hi {{.Customer.FirstName}},</p><p>a week ago you chose:</p>` + cartLines + `<p><a href="{{.Cart.RecoveryURL}}">Have another look at your basket</a></p>`},
		{Name: "winback", Subject: "We miss you, {{.Customer.FirstName}}",
			HTML: `<p>Hi {{.Customer.FirstName}},</p><p>it has been a while since your last order at {{.Shop.Name}}. Here is what is new: {{.Vars.news}}</p>`},
		// winback_news opens the win-back sequence without a coupon: the
		// mail package's "winback" is a one-email version with one.
		{Name: "winback_news", Subject: "We miss you, {{.Customer.FirstName}}",
			HTML: `<p>Hi {{.Customer.FirstName}},</p><p>it has been a while since your last order at {{.Shop.Name}}. Here is what is new: {{.Vars.news}}</p>`},
		{Name: "winback_offer", Subject: "{{.Coupon.Description}} to welcome you back",
			HTML: `<p>Hi {{.Customer.FirstName}},</p><p>come back with <b>{{.Coupon.Code}}</b> for {{.Coupon.Description}}, valid until {{.Coupon.ExpiresOn}}.</p>`},
		{Name: "account_closure", Subject: "Your account at {{.Shop.Name}} will be closed",
			HTML: `<p>Hi {{.Customer.FirstName}},</p><p>as you have not ordered for a long time, we will close your customer account in {{.Vars.closeInDays}} days and delete the data we keep about you. If you would like to keep it, simply reply to this email or place an order.</p>`},
		{Name: "welcome_voucher", Subject: "Welcome to {{.Shop.Name}}: {{.Coupon.Description}} for you",
			HTML: `<p>Hi {{.Customer.FirstName}},</p><p>thanks for signing up. Your welcome code <b>{{.Coupon.Code}}</b> gives you {{.Coupon.Description}} until {{.Coupon.ExpiresOn}}.</p>`},
		{Name: "spend_tier_coupon", Subject: "Thank you: {{.Coupon.Description}} on your next order",
			HTML: `<p>Hi {{.Customer.FirstName}},</p><p>thank you for your order {{.Order.Name}} of {{.Order.Total}}. Your next order gets {{.Coupon.Description}} with the code <b>{{.Coupon.Code}}</b> (until {{.Coupon.ExpiresOn}}).</p>`},
		{Name: "feedback_request", Subject: "How do you like your order {{.Order.Name}}?",
			HTML: `<p>Hi {{.Customer.FirstName}},</p><p>you have had your order {{.Order.Name}} for a while now. Would you tell us how you like it? A short reply is all it takes.</p>` + lines},
		{Name: "birthday_offer", Subject: "Happy birthday, {{.Customer.FirstName}}!",
			HTML: `<p>Hi {{.Customer.FirstName}},</p><p>happy birthday from {{.Shop.Name}}! Treat yourself: <b>{{.Coupon.Code}}</b> gives you {{.Coupon.Description}} until {{.Coupon.ExpiresOn}}.</p>`},
		{Name: "renewal_reminder", Subject: "Your subscription renews soon",
			HTML: `<p>Hi {{.Customer.FirstName}},</p><p>your subscription from order {{.Order.Name}} ({{.Order.Total}}) is due for renewal. Reply to this email if you would like to change or pause it.</p>`},
		{Name: "payment_overdue", Subject: "Payment for order {{.Order.Name}} is overdue",
			HTML: `<p>Hi {{.Customer.FirstName}},</p><p>we have not yet received your payment of {{.Order.Total}} for order {{.Order.Name}} of {{.Order.CreatedOn}}. Please pay at your earliest convenience, or reply if something went wrong.</p>`},
		{Name: "followup_offer", Subject: "Only until {{.Coupon.ExpiresOn}}: {{.Coupon.Description}}",
			HTML: `<p>Hi {{.Customer.FirstName}},</p><p>a little nudge from {{.Shop.Name}}: <b>{{.Coupon.Code}}</b> gives you {{.Coupon.Description}}, but only until {{.Coupon.ExpiresOn}}.</p>`},
		{Name: "onboarding", Subject: "Welcome to {{.Shop.Name}}",
			HTML: `<p>Hi {{.Customer.FirstName}},</p><p>welcome! Here is how ordering, shipping and returns work at {{.Shop.Name}}: {{.Vars.howItWorks}}</p>`},
		{Name: "onboarding_de", Lang: "de", Subject: "Willkommen bei {{.Shop.Name}}",
			HTML: `<p>Hallo {{.Customer.FirstName}},</p><p>willkommen! So funktionieren Bestellung, Versand und Rücksendung bei {{.Shop.Name}}: {{.Vars.howItWorks}}</p>`},
		// The shipping flows' emails (issue 12). An order of several parcels
		// says which one ({{.Shipment.Parcel}} is "parcel 2 of 3", empty for
		// an order's only parcel); an unknown carrier has no name and no link.
		{Name: "shipment_shipped", Subject: "Your order {{.Order.Name}}{{with .Shipment.Parcel}} ({{.}}){{end}} is on its way",
			HTML: `<p>Hi {{.Customer.FirstName}},</p><p>good news: {{with .Shipment.Parcel}}{{.}} of {{end}}your order {{.Order.Name}} has left us{{with .Shipment.Carrier}} with {{.}}{{end}}.` + parcelNumber + `</p>` + trackLink +
				`<p>Questions? Just reply to this email.</p>`},
		{Name: "shipment_out_for_delivery", Subject: "Your order {{.Order.Name}}{{with .Shipment.Parcel}} ({{.}}){{end}} arrives today",
			HTML: `<p>Hi {{.Customer.FirstName}},</p><p>{{with .Shipment.Parcel}}{{.}} of {{end}}your order {{.Order.Name}} is out for delivery{{with .Shipment.Carrier}} with {{.}}{{end}} and should reach you today.</p>` + trackLink},
		{Name: "shipment_delivered", Subject: "Your order {{.Order.Name}}{{with .Shipment.Parcel}} ({{.}}){{end}} has been delivered",
			HTML: `<p>Hi {{.Customer.FirstName}},</p><p>{{with .Shipment.Carrier}}{{.}} reports{{else}}the carrier reports{{end}} that {{with .Shipment.Parcel}}{{.}} of {{end}}your order {{.Order.Name}} was delivered{{with .Shipment.LastEventOn}} on {{.}}{{end}}{{with .Shipment.LastEvent}} (“{{.}}”){{end}}.</p>` +
				`<p>If it has not reached you, please reply to this email and we will sort it out with the carrier.</p>`},
		{Name: "shipment_problem", Subject: "We are sorry: a delivery problem with your order {{.Order.Name}}",
			HTML: `<p>Hi {{.Customer.FirstName}},</p><p>we are sorry: {{with .Shipment.Carrier}}{{.}}{{else}}the carrier{{end}} reports a problem delivering {{with .Shipment.Parcel}}{{.}} of {{end}}your order {{.Order.Name}}{{with .Shipment.LastEvent}}: “{{.}}”{{end}}.</p>` +
				`<p>What you can do: if the carrier left a card or a message, follow it to rearrange delivery or collect the parcel; the tracking page shows where it is now. If nothing helps, reply to this email and we will take it up with the carrier for you.</p>` + trackLink},
		{Name: "shipment_stuck", Subject: "An update on your order {{.Order.Name}}",
			HTML: `<p>Hi {{.Customer.FirstName}},</p><p>{{with .Shipment.Parcel}}{{.}} of {{end}}your order {{.Order.Name}} has had no news from {{with .Shipment.Carrier}}{{.}}{{else}}the carrier{{end}} for a few days. We have asked them where it is and will let you know as soon as we hear back.</p>` + trackLink +
				`<p>We are sorry for the wait. Questions? Just reply to this email.</p>`},
		{Name: "shipping_update", Subject: "Your order {{.Order.Name}}: {{.Shipment.Status}}",
			HTML: `<p>Hi {{.Customer.FirstName}},</p><p>news about your parcel with {{.Shipment.Carrier}}: {{.Shipment.Status}}. <a href="{{.Shipment.TrackingURL}}">Track your parcel</a></p>`},
	} {
		builtin[t.Name] = t
	}
}
