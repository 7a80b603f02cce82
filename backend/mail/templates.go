package mail

import (
	"context"
	htmltemplate "html/template"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/email"
	"shopclerk/backend/store/outboxdb"
)

// Templates renders the emails of the ready-made flows inside the layout
// made for mail clients and WCAG AA (email.Layout: one 600 px table, inline
// styles, a hidden preheader), with a plain-text alternative. Values are
// escaped by html/template in the HTML part; the subject is rendered as
// text and later kept on one line by Compose. It is the email.Renderer the app gives
// the rules engine and the purchase orders.
type Templates struct {
	// Overrides are the seller's edited templates, by name.
	Overrides map[string]email.Template

	// Store, when set, holds the seller's saved templates (Settings >
	// Templates). Lookup does not read it: the rules engine takes a
	// Snapshot at the start of each plan and run, so one plan renders from
	// one version of every template and an edit applies from the next.
	Store *outboxdb.DB

	// parsed keeps each subject and body source parsed (and, for the body,
	// escaped by html/template on first use): a plan renders thousands of
	// emails from a handful of templates, and parsing per email was about a
	// third of rendering. Keyed by the source itself, so an edited template
	// is simply a new entry.
	mu     sync.Mutex
	parsed map[string]*email.Parsed
}

// maxParsed bounds the cache; a seller editing templates all day only ever
// makes it start over.
const maxParsed = 256

func (t *Templates) parse(tp email.Template) (*email.Parsed, error) {
	key := tp.Subject + "\x00" + tp.HTML + "\x00" + tp.Text
	t.mu.Lock()
	p, ok := t.parsed[key]
	t.mu.Unlock()
	if ok {
		return p, nil
	}
	p, err := email.Parse(tp)
	if err != nil {
		return nil, err
	}
	t.mu.Lock()
	if t.parsed == nil || len(t.parsed) >= maxParsed {
		t.parsed = map[string]*email.Parsed{}
	}
	t.parsed[key] = p
	t.mu.Unlock()
	return p, nil
}

var _ email.RendererSnapshot = (*Templates)(nil)

// Snapshot implements email.RendererSnapshot: the designed defaults with the
// seller's saved templates over them, as they are now.
func (t *Templates) Snapshot(ctx context.Context) (email.Renderer, error) {
	if t.Store == nil {
		return t, nil
	}
	saved, err := t.Store.EmailTemplates(ctx)
	if err != nil {
		return nil, err
	}
	o := make(map[string]email.Template, len(t.Overrides)+len(saved))
	for k, v := range t.Overrides {
		o[k] = v
	}
	for _, v := range saved {
		o[v.Name] = email.Template{Name: v.Name, Subject: v.Subject, HTML: v.HTML, Text: v.Text}
	}
	return &Templates{Overrides: o}, nil
}

// DefaultTemplateNames are the designed defaults, in the order the
// template editor lists them.
var DefaultTemplateNames = []string{"order_confirmation", "shipping_update", "cart_reminder", "cart_reminder_second",
	"cart_reminder_coupon", "winback", "welcome_voucher", "spend_tier_coupon", "feedback_request", "birthday_offer", "purchase_order"}

// EditableTemplateNames are the templates the seller can edit: the designed
// defaults first, then the other built-in flow emails (email.TemplateNames,
// rendered in the same layout), so every email a ready-made flow sends can
// be changed.
func EditableTemplateNames() []string {
	out := append([]string{}, DefaultTemplateNames...)
	for _, n := range email.TemplateNames() {
		if _, ok := defaults[n]; !ok {
			out = append(out, n)
		}
	}
	return out
}

const (
	lineTable = email.OrderLinesHTML
	cartList  = email.CartLinesHTML
	poLines   = email.POLinesHTML
)

// button is the designed call-to-action button (email.Button).
var button = email.Button

var defaults = map[string]email.Template{
	"order_confirmation": {Subject: "Your order {{.Order.Name}} is confirmed",
		HTML: `<p>Hi {{.Customer.FirstName}},</p><p>thank you for your order {{.Order.Name}} of {{.Order.CreatedOn}}. We have your payment and are getting it ready.</p>` +
			lineTable + `<p>Subtotal {{.Order.Subtotal}}<br>Shipping {{.Order.Shipping}}<br>Taxes {{.Order.Taxes}}<br><strong>Total {{.Order.Total}}</strong></p>` +
			`<p>We will email you the tracking link as soon as it ships.</p>`},
	"shipping_update": {Subject: "Your order {{.Order.Name}} is on its way",
		HTML: `<p>Hi {{.Customer.FirstName}},</p><p>good news: your order {{.Order.Name}} has left us with {{.Shipment.Carrier}} (tracking number {{.Shipment.TrackingNumber}}).</p>` +
			button("{{.Shipment.TrackingURL}}", "Track your parcel")},
	"cart_reminder": {Subject: "{{.Customer.FirstName}}, you left something in your basket",
		HTML: `<p>Hi {{.Customer.FirstName}},</p><p>your basket is still waiting for you:</p>` + cartList +
			`<p>Total {{.Cart.Total}}</p>` + button("{{.Cart.RecoveryURL}}", "Finish your order") + `<p>Questions? Just reply to this email.</p>`},
	"cart_reminder_second": {Subject: "Still thinking it over?",
		HTML: `<p>Hi {{.Customer.FirstName}},</p><p>we kept your basket for you:</p>` + cartList + button("{{.Cart.RecoveryURL}}", "Back to my basket")},
	"cart_reminder_coupon": {Subject: "{{.Coupon.Description}} on your basket, just for you",
		HTML: `<p>Hi {{.Customer.FirstName}},</p><p>here is {{.Coupon.Description}} with the code <strong>{{.Coupon.Code}}</strong>, valid until {{.Coupon.ExpiresOn}}.</p>` +
			cartList + button("{{.Cart.RecoveryURL}}", "Use my code in my basket")},
	"winback": {Subject: "We miss you, {{.Customer.FirstName}}",
		HTML: `<p>Hi {{.Customer.FirstName}},</p><p>it has been a while since your last order at {{.Shop.Name}}. Come and see what is new, here is {{.Coupon.Description}} with the code <strong>{{.Coupon.Code}}</strong> (until {{.Coupon.ExpiresOn}}).</p>`},
	"welcome_voucher": {Subject: "Welcome to {{.Shop.Name}}: {{.Coupon.Description}}",
		HTML: `<p>Hi {{.Customer.FirstName}},</p><p>thanks for signing up. As a welcome, here is {{.Coupon.Description}} on your first order with the code <strong>{{.Coupon.Code}}</strong>, valid until {{.Coupon.ExpiresOn}}.</p>`},
	"spend_tier_coupon": {Subject: "A thank-you for being one of our best customers",
		HTML: `<p>Hi {{.Customer.FirstName}},</p><p>you have spent over {{.Vars.tier}} with us, thank you! Your next order gets {{.Coupon.Description}} with <strong>{{.Coupon.Code}}</strong> (until {{.Coupon.ExpiresOn}}).</p>`},
	"feedback_request": {Subject: "How is your order {{.Order.Name}}?",
		HTML: `<p>Hi {{.Customer.FirstName}},</p><p>your order arrived a few days ago. Are you happy with it? Just reply to this email: we read every answer.</p>` + lineTable},
	"birthday_offer": {Subject: "Happy birthday, {{.Customer.FirstName}}!",
		HTML: `<p>Hi {{.Customer.FirstName}},</p><p>happy birthday from all of us at {{.Shop.Name}}! Treat yourself: {{.Coupon.Description}} with the code <strong>{{.Coupon.Code}}</strong>, until {{.Coupon.ExpiresOn}}.</p>`},
	// purchase_order has the words purchase orders were sent with before
	// they went through the templates, and that plain text as its own
	// (signed by Render's "-- Shop" rather than a second shop name).
	"purchase_order": {Subject: "Purchase order {{.PurchaseOrder.Number}}",
		HTML: `<p>Hello {{.PurchaseOrder.Supplier}},</p><p>please find attached our purchase order {{.PurchaseOrder.Number}} (as a spreadsheet and a PDF).</p>` +
			poLines + `<p>Total: {{.PurchaseOrder.Total}}</p>{{with .PurchaseOrder.Note}}<p>{{.}}</p>{{end}}` +
			`<p>Please confirm the order and the expected delivery date by replying to this email.</p><p>Thank you,<br>{{.Shop.Name}}</p>`,
		Text: "Hello {{.PurchaseOrder.Supplier}},\n\nplease find attached our purchase order {{.PurchaseOrder.Number}} (as a spreadsheet and a PDF).\n\n" +
			"{{range .PurchaseOrder.Lines}}  {{.Quantity}} x {{.SKU}}  {{.Name}}\n{{end}}\nTotal: {{.PurchaseOrder.Total}}\n" +
			"{{with .PurchaseOrder.Note}}\n{{.}}\n{{end}}\nPlease confirm the order and the expected delivery date by replying to this email.\n\n" +
			"Thank you,\n"}, // the shop's name follows as the signature Render adds
}

// Lookup finds the seller's override, a designed default, or the built-in
// template of that name (email.Fallback).
func (t *Templates) Lookup(name string) (email.Template, bool) {
	if o, ok := t.Overrides[name]; ok {
		o.Name = name
		return o, true
	}
	if d, ok := defaults[name]; ok {
		d.Name = name
		return d, true
	}
	return email.Fallback{}.Lookup(name)
}

// Render executes the template. A variable the data does not have is an
// error naming it, never a blank in a customer's email.
func (t *Templates) Render(tp email.Template, data email.Data) (email.Rendered, error) {
	out := email.Rendered{Template: tp.Name}
	p, err := t.parse(tp)
	if err != nil {
		return out, err
	}
	subject, body, own, err := p.Execute(data)
	if err != nil {
		return out, err
	}
	out.Subject = oneLine(subject)
	// The text alternative and the preheader are the same conversion; do it once.
	text := email.HTMLToText(body)
	preheader := preheaderOf(text)
	if strings.TrimSpace(tp.Text) != "" { // the seller wrote their own
		text = strings.TrimSpace(own)
	}
	if out.HTML, err = email.Layout(email.Page{Lang: tp.Language(data.Shop), Subject: out.Subject, Shop: data.Shop,
		Preheader: preheader, Body: htmltemplate.HTML(body)}); err != nil {
		return out, err
	}
	out.Text = text + email.TextFooter(data.Shop)
	return out, nil
}

// preheaderOf is the hidden preheader: the start of the body's text
// (already converted by email.HTMLToText).
func preheaderOf(text string) string {
	t := oneLine(text)
	if len(t) > 110 {
		t = t[:110]
	}
	return t
}

// EditableTemplate is a template as the editor shows it: the seller's saved
// version, or the default when there is none, and which of the two it is.
type EditableTemplate struct {
	Name       string     `json:"name"`
	Subject    string     `json:"subject"`
	HTML       string     `json:"html"`
	Text       string     `json:"text"` // the seller's plain-text version; empty: derived from HTML
	Customised bool       `json:"customised"`
	UpdatedAt  *time.Time `json:"updatedAt"`
	// Blocks is the template as the block editor opens it: the blocks it
	// was saved from, else its HTML read as blocks; BlocksExact is false
	// when that HTML could not be read and Blocks is one HTML block.
	Blocks      []email.Block `json:"blocks"`
	BlocksExact bool          `json:"blocksExact"`
}

func knownTemplate(name string) (email.Template, error) {
	d, ok := (&Templates{}).Lookup(name)
	if !ok {
		return d, domain.Errorf(domain.CodeNotFound, "there is no email template called %q", name)
	}
	return d, nil
}

// LoadTemplate returns the template the next email of that name will be
// rendered from.
func LoadTemplate(ctx context.Context, st *outboxdb.DB, name string) (EditableTemplate, error) {
	d, err := knownTemplate(name)
	if err != nil {
		return EditableTemplate{}, err
	}
	saved, ok, err := st.EmailTemplate(ctx, name)
	if err != nil {
		return EditableTemplate{}, err
	}
	if !ok {
		out := EditableTemplate{Name: name, Subject: d.Subject, HTML: d.HTML, Text: d.Text}
		out.Blocks, out.BlocksExact = blocksOf(d.HTML, "")
		return out, nil
	}
	at := saved.UpdatedAt
	out := EditableTemplate{Name: name, Subject: saved.Subject, HTML: saved.HTML, Text: saved.Text, Customised: true, UpdatedAt: &at}
	out.Blocks, out.BlocksExact = blocksOf(saved.HTML, saved.Blocks)
	return out, nil
}

// maxTemplateSize bounds one part of a template; an email body is a few KB.
const maxTemplateSize = 256 << 10

var varsRe = regexp.MustCompile(`\.Vars\.(\w+)`)

// givenVars are the {{.Vars.x}} an email sent by Shopclerk itself, not by
// an automation step, is given; the others take any name a step may set.
var givenVars = map[string][]string{"purchase_order": {"po_number"}}

// CheckTemplate parses the template and renders it with sample data, so a
// broken template is refused when the seller saves it, not when a customer
// should have received it. Variables of a flow step ({{.Vars.x}}) are set by
// the automation, so any name is accepted, except in an email no step sends
// (givenVars).
func CheckTemplate(tp email.Template, shop email.Shop) error {
	switch {
	case strings.TrimSpace(tp.Subject) == "":
		return domain.Errorf(domain.CodeInvalid, "the email needs a subject")
	case strings.TrimSpace(tp.HTML) == "":
		return domain.Errorf(domain.CodeInvalid, "the email needs a body")
	case len(tp.Subject)+len(tp.HTML)+len(tp.Text) > maxTemplateSize:
		return domain.Errorf(domain.CodeInvalid, "the email is too long (over %d KB)", maxTemplateSize>>10)
	}
	if tp.Name != "purchase_order" && email.UsesPurchaseOrder(tp) {
		return domain.Errorf(domain.CodeInvalid, "%s", email.NoPurchaseOrder)
	}
	if given, fixed := givenVars[tp.Name]; fixed {
		for _, m := range varsRe.FindAllStringSubmatch(tp.Subject+tp.HTML+tp.Text, -1) {
			if !slices.Contains(given, m[1]) {
				return domain.Errorf(domain.CodeInvalid, "the email uses {{.Vars.%s}}, which this email is not given; it can use {{.Vars.%s}}",
					m[1], strings.Join(given, "}}, {{.Vars."))
			}
		}
	}
	data := SampleData(shop)
	fillVars(&data, tp)
	_, err := (&Templates{}).Render(tp, data)
	return err
}

// fillVars gives each {{.Vars.x}} the template uses and data lacks a marked
// placeholder, "[x]": a flow step sets them when it sends, so a check or a
// preview outside a flow shows where they go instead of failing.
func fillVars(data *email.Data, tp email.Template) {
	if data.Vars == nil {
		data.Vars = map[string]string{}
	}
	for _, m := range varsRe.FindAllStringSubmatch(tp.Subject+tp.HTML+tp.Text, -1) {
		if _, ok := data.Vars[m[1]]; !ok {
			data.Vars[m[1]] = "[" + m[1] + "]"
		}
	}
}

// SaveTemplate stores the seller's version of a template, which every email
// rendered from then on uses instead of the default. A template that does
// not render is refused with the reason and nothing is saved. Messages
// already in the outbox keep what they were rendered with.
func SaveTemplate(ctx context.Context, st *outboxdb.DB, tp email.Template, shop email.Shop) error {
	if _, err := knownTemplate(tp.Name); err != nil {
		return err
	}
	if err := CheckTemplate(tp, shop); err != nil {
		return err
	}
	return st.SaveEmailTemplate(ctx, outboxdb.EmailTemplate{Name: tp.Name, Subject: tp.Subject, HTML: tp.HTML, Text: tp.Text})
}

// ResetTemplate forgets the seller's version, so the default applies again.
func ResetTemplate(ctx context.Context, st *outboxdb.DB, name string) error {
	if _, err := knownTemplate(name); err != nil {
		return err
	}
	return st.DeleteEmailTemplate(ctx, name)
}
