package rules

import (
	"bytes"
	"context"
	"fmt"
	htmltemplate "html/template"
	"regexp"
	"sort"
	"strconv"
	"strings"
	texttemplate "text/template"
	"time"

	"shopclerk/backend/domain"
)

// EmailData is what an email template can use: {{.Customer.FirstName}},
// {{range .Order.Lines}}…{{end}}, {{.Coupon.Code}}, {{.Vars.headline}}.
// Amounts are preformatted strings with their currency.
type EmailData struct {
	Shop     ShopData
	Customer CustomerData
	Order    OrderData
	Cart     CartData
	Shipment ShipmentData
	Coupon   CouponData
	Product  ProductData
	// PurchaseOrder is set in the emails to suppliers only.
	PurchaseOrder PurchaseOrderData
	Vars          map[string]string
}

// ShopData names the shop.
type ShopData struct {
	Name  string
	Email string
}

// CustomerData is the recipient.
type CustomerData struct {
	FirstName string
	LastName  string
	Email     string
	Country   string
}

// LineData is one order or cart line.
type LineData struct {
	Name     string
	SKU      string
	Quantity int
	Price    string
	Total    string
}

// OrderData is the order the email is about.
type OrderData struct {
	Name            string
	Lines           []LineData
	Subtotal        string
	Shipping        string
	Taxes           string
	Discount        string
	Total           string
	ShippingAddress []string
	BillingAddress  []string
	CreatedOn       string
}

// CartData is the abandoned checkout.
type CartData struct {
	Lines       []LineData
	Total       string
	RecoveryURL string
}

// ShipmentData is the parcel.
type ShipmentData struct {
	Carrier        string
	TrackingNumber string
	TrackingURL    string
	Status         string
}

// CouponData is the coupon issued earlier in the sequence. Before the run
// issues it, Code shows a placeholder.
type CouponData struct {
	Code        string
	Description string
	ExpiresOn   string
}

// ProductData is the SKU of a stock flow.
type ProductData struct {
	SKU   string
	Title string
}

// UsesPurchaseOrder says whether a template uses .PurchaseOrder, which only
// the purchase order email to a supplier is given: anywhere else it would
// print blanks to a customer.
func UsesPurchaseOrder(tp EmailTemplate) bool {
	return strings.Contains(tp.Subject+tp.HTML+tp.Text, ".PurchaseOrder")
}

// NoPurchaseOrder is the problem of an email other than the purchase order
// that uses .PurchaseOrder.
const NoPurchaseOrder = "the email uses .PurchaseOrder, which only the purchase order email to a supplier is given"

// PurchaseOrderData is the purchase order a supplier's email is about.
// Its lines' SKU is the supplier's code for the item where one is known.
type PurchaseOrderData struct {
	Number   string
	Supplier string
	Lines    []LineData
	Total    string
	Note     string
}

// EmailTemplate is a subject and an HTML body in Go template syntax.
type EmailTemplate struct {
	Name    string `json:"name"`
	Subject string `json:"subject"`
	HTML    string `json:"html"`
	// Text is an optional plain-text version of HTML (the seller's own);
	// empty means the renderer derives the plain-text part from HTML.
	Text string `json:"text,omitempty"`
}

// RenderedEmail is an email as the customer will see it.
type RenderedEmail struct {
	Template string `json:"template"`
	Subject  string `json:"subject"`
	HTML     string `json:"html"`
	Text     string `json:"text"`
}

// Renderer renders a template with data. The mail package may supply its own
// (its templates, its layout); FallbackRenderer is the engine's minimal one.
type Renderer interface {
	Lookup(name string) (EmailTemplate, bool)
	Render(t EmailTemplate, data EmailData) (RenderedEmail, error)
}

// RendererSnapshot is a Renderer whose templates can change while an
// engine lives (the seller edits them in Settings). Each plan and each run
// renders from one snapshot taken at its start, so a plan never mixes two
// versions of a template and a saved edit applies from the next plan on.
type RendererSnapshot interface {
	Renderer
	Snapshot(ctx context.Context) (Renderer, error)
}

// FallbackRenderer renders the built-in templates (or a seller's override)
// with html/template, inside a plain layout. It exists so the engine can show
// and queue real emails before the mail package offers designed templates.
type FallbackRenderer struct{}

var _ Renderer = FallbackRenderer{}

// Lookup finds a built-in template.
func (FallbackRenderer) Lookup(name string) (EmailTemplate, bool) {
	t, ok := builtinTemplates[name]
	return t, ok
}

// funcs serve the emails and task texts of flows (TemplateFuncs).
var funcs = TemplateFuncs()

// Render executes subject and body. An unknown variable or field is an
// error (missingkey=error), never an empty hole in a customer's email.
func (FallbackRenderer) Render(t EmailTemplate, data EmailData) (RenderedEmail, error) {
	out := RenderedEmail{Template: t.Name}
	st, err := texttemplate.New("subject").Option("missingkey=error").Funcs(funcs).Parse(t.Subject)
	if err != nil {
		return out, TemplateError("email subject", err)
	}
	var sb bytes.Buffer
	if err := st.Execute(&sb, data); err != nil {
		return out, TemplateError("email subject", err)
	}
	out.Subject = strings.Join(strings.Fields(sb.String()), " ")
	bt, err := htmltemplate.New("body").Option("missingkey=error").Funcs(funcs).Parse(t.HTML)
	if err != nil {
		return out, TemplateError("email body", err)
	}
	var bb bytes.Buffer
	if err := bt.Execute(&bb, data); err != nil {
		return out, TemplateError("email body", err)
	}
	out.HTML = fmt.Sprintf(layout, htmltemplate.HTMLEscapeString(out.Subject), bb.String(), htmltemplate.HTMLEscapeString(data.Shop.Name))
	out.Text = HTMLToText(bb.String())
	return out, nil
}

const layout = `<!doctype html><html><head><meta charset="utf-8"><title>%s</title></head>` +
	`<body style="font-family:sans-serif;max-width:600px;margin:auto;color:#222">%s` +
	`<p style="color:#888;font-size:12px">%s</p></body></html>`

// TemplateNames lists the built-in email templates, sorted.
func TemplateNames() []string {
	out := make([]string, 0, len(builtinTemplates))
	for n := range builtinTemplates {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// FormatMoney renders minor units with the currency code: 1234 EUR -> "12.34 EUR".
func FormatMoney(amount int64, currency string) string {
	d := domain.CurrencyDigits(currency)
	sign := ""
	if amount < 0 {
		sign, amount = "-", -amount
	}
	if d == 0 {
		return strings.TrimSpace(fmt.Sprintf("%s%d %s", sign, amount, currency))
	}
	p := int64(1)
	for range d {
		p *= 10
	}
	return strings.TrimSpace(fmt.Sprintf("%s%d.%0*d %s", sign, amount/p, d, amount%p, currency))
}

// amountRe is an amount in minor units, as the flows' conditions write them
// ("20000" is 200.00 EUR, 20,000 JPY): fifteen digits stay inside an int64.
var amountRe = regexp.MustCompile(`^\d{1,15}$`)

// minorUnits reads a step's amount (minor units of the currency it is shown
// in, like order.total in a condition).
func minorUnits(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if !amountRe.MatchString(s) {
		return 0, fmt.Errorf("%q is not an amount in cents like 20000 (200.00)", s)
	}
	return strconv.ParseInt(s, 10, 64)
}

// AddressLines is an address as the lines an email prints, empty parts left out.
func AddressLines(a domain.Address) []string {
	var out []string
	for _, s := range []string{a.Name, a.Company, a.Address1, a.Address2, strings.TrimSpace(a.Zip + " " + a.City), a.Province, a.Country} {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func linesData(lines []domain.LineItem, currency string) []LineData {
	out := make([]LineData, 0, len(lines))
	for _, l := range lines {
		out = append(out, LineData{Name: l.Name, SKU: l.SKU, Quantity: l.Quantity, Price: FormatMoney(l.Price, currency),
			Total: FormatMoney(l.Price*int64(l.Quantity)-l.Discount, currency)})
	}
	return out
}

// OrderDataIn is an order as email templates show it, its date in loc
// (the shop's zone). The template editor's preview uses it too, so the
// seller sees what the customer will get.
func OrderDataIn(o domain.Order, loc *time.Location) OrderData {
	return OrderData{Name: o.Name, Lines: linesData(o.Lines, o.Currency), Subtotal: FormatMoney(o.Subtotal, o.Currency),
		Shipping: FormatMoney(o.Shipping, o.Currency), Taxes: FormatMoney(o.Taxes, o.Currency),
		Discount: FormatMoney(o.Discount, o.Currency), Total: FormatMoney(o.Total, o.Currency),
		ShippingAddress: AddressLines(o.ShippingAddress), BillingAddress: AddressLines(o.Billing),
		CreatedOn: o.CreatedAt.In(loc).Format("2 January 2006")}
}

func couponDescription(percent int, amount int64, currency string, free bool) string {
	var parts []string
	if percent > 0 {
		parts = append(parts, fmt.Sprintf("%d %% off", percent))
	}
	if amount > 0 {
		parts = append(parts, FormatMoney(amount, currency)+" off")
	}
	if free {
		parts = append(parts, "free shipping")
	}
	return strings.Join(parts, " + ")
}

// sampleEmailData fills every field, so validating a template against it
// finds unknown variables and syntax errors, not missing data.
func sampleEmailData(vars map[string]string) EmailData {
	line := LineData{Name: "Stoneware mug", SKU: "MUG-1", Quantity: 2, Price: "12.00 EUR", Total: "24.00 EUR"}
	if vars == nil {
		vars = map[string]string{}
	}
	return EmailData{
		Shop:     ShopData{Name: "Ann's Pottery", Email: "shop@example.com"},
		Customer: CustomerData{FirstName: "Ann", LastName: "Lee", Email: "ann@example.com", Country: "DE"},
		Order: OrderData{Name: "#1001", Lines: []LineData{line}, Subtotal: "24.00 EUR", Shipping: "4.90 EUR", Taxes: "0.00 EUR",
			Discount: "0.00 EUR", Total: "28.90 EUR", ShippingAddress: []string{"Ann Lee", "Main St 1", "10115 Berlin", "DE"},
			BillingAddress: []string{"Ann Lee", "Main St 1", "10115 Berlin", "DE"}, CreatedOn: "1 March 2026"},
		Cart:     CartData{Lines: []LineData{line}, Total: "24.00 EUR", RecoveryURL: "https://shop.example.com/cart/abc"},
		Shipment: ShipmentData{Carrier: "DHL", TrackingNumber: "0034", TrackingURL: "https://track.example/0034", Status: "delivered"},
		Coupon:   CouponData{Code: "SC-ABCD-EFGH", Description: "10 % off", ExpiresOn: "15 March 2026"},
		Product:  ProductData{SKU: "MUG-1", Title: "Stoneware mug"},
		PurchaseOrder: PurchaseOrderData{Number: "PO-0007", Supplier: "Clayworks", Total: "48.00 EUR",
			Lines: []LineData{{Name: "Stoneware mug", SKU: "CW-MUG", Quantity: 12, Price: "4.00 EUR", Total: "48.00 EUR"}}},
		Vars: vars,
	}
}
