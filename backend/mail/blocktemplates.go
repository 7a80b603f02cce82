package mail

import (
	"context"
	"encoding/json"
	"slices"
	"strings"

	"shopclerk/backend/domain"
	"shopclerk/backend/email"
	"shopclerk/backend/store/outboxdb"
)

// This file is the template editor's block side: what each template is
// given (its variables, for the picker and for refusing a block that names
// one it does not have), the blocks a template opens with, and saving and
// previewing a template edited as blocks.

// TemplateKind is what a template is about, which decides the parts of
// email.Data its emails are given.
type TemplateKind string

const (
	KindOrder         TemplateKind = "order"
	KindShipment      TemplateKind = "shipment"
	KindCart          TemplateKind = "cart"
	KindCustomer      TemplateKind = "customer"
	KindPurchaseOrder TemplateKind = "purchase_order"
)

// kindParts are the parts of email.Data the flows fill for each kind: an
// order's emails come from order triggers, a cart's from abandoned
// checkouts, a customer's from dates and sign-ups; a coupon step may come
// before any customer email.
var kindParts = map[TemplateKind][]string{
	KindOrder:         {"Customer", "Order", "Coupon", "Shop"},
	KindShipment:      {"Customer", "Order", "Shipment", "Coupon", "Shop"},
	KindCart:          {"Customer", "Cart", "Coupon", "Shop"},
	KindCustomer:      {"Customer", "Coupon", "Shop"},
	KindPurchaseOrder: {"PurchaseOrder", "Shop"},
}

// templateKinds is the kind of every editable template; a test keeps it
// whole (EditableTemplateNames).
var templateKinds = map[string]TemplateKind{
	"order_confirmation": KindOrder, "feedback_request": KindOrder, "spend_tier_coupon": KindOrder,
	"renewal_reminder": KindOrder, "payment_overdue": KindOrder,
	"shipping_update": KindShipment, "shipment_shipped": KindShipment, "shipment_out_for_delivery": KindShipment,
	"shipment_delivered": KindShipment, "shipment_problem": KindShipment, "shipment_stuck": KindShipment,
	"cart_reminder": KindCart, "cart_reminder_second": KindCart, "cart_reminder_coupon": KindCart, "cart_last_chance": KindCart,
	"winback": KindCustomer, "winback_news": KindCustomer, "winback_offer": KindCustomer, "account_closure": KindCustomer,
	"welcome_voucher": KindCustomer, "birthday_offer": KindCustomer, "followup_offer": KindCustomer,
	"onboarding": KindCustomer, "onboarding_de": KindCustomer,
	"purchase_order": KindPurchaseOrder,
}

// TemplateVariables is what the variable picker offers for one template.
type TemplateVariables struct {
	Name      string           `json:"name"`
	Kind      TemplateKind     `json:"kind"`
	Variables []email.Variable `json:"variables"`
}

// AllTemplateVariables lists the variables of every editable template, in
// the editor's order. The frontend keeps a copy (src/api/emailVariables.json)
// that a test holds equal to this.
func AllTemplateVariables() []TemplateVariables {
	var out []TemplateVariables
	for _, n := range EditableTemplateNames() {
		out = append(out, TemplateVariables{Name: n, Kind: templateKinds[n], Variables: kindOf(n).Variables})
	}
	return out
}

// kindOf is the email.Kind the blocks of template name are checked against:
// its parts' variables and the step variables its default uses.
func kindOf(name string) email.Kind {
	d, _ := (&Templates{}).Lookup(name)
	var vars []string
	given, fixed := givenVars[name]
	if fixed {
		vars = given
	} else {
		for _, m := range varsRe.FindAllStringSubmatch(d.Subject+d.HTML+d.Text, -1) {
			if !slices.Contains(vars, m[1]) {
				vars = append(vars, m[1])
			}
		}
	}
	return email.Kind{Label: strings.ReplaceAll(name, "_", " "), AnyVars: !fixed,
		Variables: email.VariablesOf(kindParts[templateKinds[name]], vars)}
}

// blocksOf is what the editor opens a template with: the blocks it was
// saved from, else its HTML read as blocks (exact false: one HTML block).
func blocksOf(html, saved string) (blocks []email.Block, exact bool) {
	if saved != "" {
		var d email.Doc
		if err := json.Unmarshal([]byte(saved), &d); err == nil && len(d.Blocks) > 0 {
			return d.Blocks, true
		}
	}
	return email.HTMLToBlocks(html)
}

// TemplateBlocks reads an HTML body as blocks, for the editor's switch
// from its HTML tab to its blocks.
func TemplateBlocks(html string) (blocks []email.Block, exact bool) { return email.HTMLToBlocks(html) }

// BlocksTemplate is the template blocks make: the subject and the HTML
// written from them, after refusing blocks the template cannot render
// (email.CheckBlocks: an unknown variable named, an empty button label, an
// image that is not http(s)).
func BlocksTemplate(name, subject string, blocks []email.Block) (email.Template, error) {
	if _, err := knownTemplate(name); err != nil {
		return email.Template{}, err
	}
	if err := email.CheckBlocks(blocks, kindOf(name)); err != nil {
		return email.Template{}, err
	}
	return email.Template{Name: name, Subject: subject, HTML: email.BlocksHTML(blocks)}, nil
}

// SaveTemplateBlocks stores a template edited as blocks: the HTML written
// from them (what every email renders) and the blocks beside it (what the
// editor reopens). Refused, with nothing saved, as BlocksTemplate and
// CheckTemplate refuse. The plain-text part is derived from the HTML.
func SaveTemplateBlocks(ctx context.Context, st *outboxdb.DB, name, subject string, blocks []email.Block, shop email.Shop) error {
	tp, err := BlocksTemplate(name, subject, blocks)
	if err != nil {
		return err
	}
	if err := CheckTemplate(tp, shop); err != nil {
		return err
	}
	doc, err := json.Marshal(email.Doc{Version: email.DocVersion, Blocks: blocks})
	if err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not write the blocks down")
	}
	return st.SaveEmailTemplate(ctx, outboxdb.EmailTemplate{Name: name, Subject: tp.Subject, HTML: tp.HTML, Blocks: string(doc)})
}

// PreviewTemplateBlocks renders blocks as PreviewTemplate renders HTML,
// refusing them first as saving would, so the editor shows the mistake
// while the seller types.
func PreviewTemplateBlocks(ctx context.Context, st *outboxdb.DB, r *Templates, name, subject string, blocks []email.Block, customerID int64) (email.Rendered, error) {
	tp, err := BlocksTemplate(name, subject, blocks)
	if err != nil {
		return email.Rendered{}, err
	}
	return PreviewTemplate(ctx, st, r, name, tp.Subject, tp.HTML, customerID)
}
