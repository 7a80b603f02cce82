package mail

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/email"
	"shopclerk/backend/rules"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/outboxdb"
	"shopclerk/backend/store/rulesdb"
	"shopclerk/backend/store/storetest"
)

// tplNow is a Monday 10:00 UTC, outside the engine's default quiet hours.
var tplNow = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

func templateStore(t *testing.T) *outboxdb.DB {
	t.Helper()
	st := outboxdb.New(storetest.Open(t, storetest.At(tplNow)))
	return st
}

// abandonCart writes a consenting customer's cart, idle for two hours.
func abandonCart(t *testing.T, st *outboxdb.DB, ext, email, first string) {
	t.Helper()
	c := domain.Customer{Source: domain.SourceShopify, ExternalID: email, Email: email, FirstName: first, Country: "DE",
		AcceptsMarketing: true, CreatedAt: tplNow.Add(-400 * 24 * time.Hour)}
	updated := tplNow.Add(-2 * time.Hour)
	cart := domain.Cart{Source: domain.SourceShopify, ExternalID: ext, Email: email, Currency: "EUR", Total: 2400,
		RecoveryURL: "https://shop.example/cart/" + ext, CreatedAt: updated.Add(-10 * time.Minute), UpdatedAt: updated,
		Lines: []domain.LineItem{{SKU: "MUG-1", Name: "Stoneware mug", Quantity: 2, Price: 1200}}}
	if _, _, err := importdb.New(st.Store).WriteBatch(context.Background(), domain.BatchMeta{FileName: ext + ".csv", FileHash: ext, Preset: "test", Kind: "test"},
		importdb.WriteOptions{}, func(w *importdb.Writer) error { return w.UpsertCart(cart, &c) }); err != nil {
		t.Fatal(err)
	}
}

// cartEngine is an automation engine over st, rendering with the mail
// templates, with the abandoned-cart flow switched on.
func cartEngine(t *testing.T, st *outboxdb.DB) *rules.Engine {
	t.Helper()
	ctx := context.Background()
	e := rules.New(rulesdb.New(st.Store), rules.Options{Renderer: &Templates{Store: st}, Log: slog.New(slog.DiscardHandler)})
	id, err := e.InstallTemplate(ctx, "cart_abandoned")
	if err != nil {
		t.Fatal(err)
	}
	if err := e.SetEnabled(ctx, id, true); err != nil {
		t.Fatal(err)
	}
	return e
}

func savedCount(t *testing.T, st *outboxdb.DB) int {
	t.Helper()
	all, err := st.EmailTemplates(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return len(all)
}

func TestSaveTemplateRefusesWhatDoesNotRender(t *testing.T) {
	ctx := context.Background()
	st := templateStore(t)
	shop := email.Shop{Name: "Bea's Shop"}
	good := email.Template{Name: "winback", Subject: "We miss you, {{.Customer.FirstName}}", HTML: "<p>Come back to {{.Shop.Name}}</p>"}
	if err := SaveTemplate(ctx, st, good, shop); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		tp   email.Template
		want string
		code domain.Code
	}{
		{"unknown variable", email.Template{Name: "winback", Subject: "Hi", HTML: "<p>{{.Customer.Nickname}}</p>"},
			`the email body uses "Nickname" in {{.Customer.Nickname}} (line 1), which Shopclerk does not know`, domain.CodeInvalid},
		{"unknown variable in the subject", email.Template{Name: "winback", Subject: "Hi {{.Buyer}}", HTML: "<p>x</p>"},
			`the email subject uses "Buyer"`, domain.CodeInvalid},
		{"broken syntax", email.Template{Name: "winback", Subject: "Hi", HTML: "<p>one</p>\n<p>{{.Order.Name</p>"},
			"the email body has a mistake (line 2): ", domain.CodeInvalid},
		{"unknown function", email.Template{Name: "winback", Subject: "Hi", HTML: "{{shout .Shop.Name}}"},
			`the email body calls "shout" (line 1), which is not a template function; use join or upper`, domain.CodeInvalid},
		{"broken plain text", email.Template{Name: "winback", Subject: "Hi", HTML: "<p>x</p>", Text: "Hi {{.Customer.Nick}}"},
			`the email plain text uses "Nick"`, domain.CodeInvalid},
		{"a variable a purchase order is not given", email.Template{Name: "purchase_order", Subject: "PO {{.Vars.po_number}}", HTML: "<p>{{.Vars.delivery_date}}</p>"},
			"the email uses {{.Vars.delivery_date}}, which this email is not given; it can use {{.Vars.po_number}}", domain.CodeInvalid},
		{"a customer email with the purchase order", email.Template{Name: "winback", Subject: "Hi", HTML: "<p>{{.PurchaseOrder.Number}}</p>"},
			"the email uses .PurchaseOrder, which only the purchase order email to a supplier is given", domain.CodeInvalid},
		{"no subject", email.Template{Name: "winback", Subject: "  ", HTML: "<p>x</p>"}, "the email needs a subject", domain.CodeInvalid},
		{"no body", email.Template{Name: "winback", Subject: "Hi", HTML: ""}, "the email needs a body", domain.CodeInvalid},
		{"unknown template", email.Template{Name: "no_such_email", Subject: "Hi", HTML: "<p>x</p>"},
			`there is no email template called "no_such_email"`, domain.CodeNotFound},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := SaveTemplate(ctx, st, c.tp, shop)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want %q", err, c.want)
			}
			if got := domain.CodeOf(err); got != c.code {
				t.Fatalf("code %s, want %s", got, c.code)
			}
			et, err := LoadTemplate(ctx, st, "winback")
			if err != nil || !et.Customised || et.HTML != good.HTML || savedCount(t, st) != 1 {
				t.Fatalf("the refused template changed what is saved: %+v %v", et, err)
			}
		})
	}
	// A flow step's own variables are the automation's to give: any name
	// passes the check.
	if err := SaveTemplate(ctx, st, email.Template{Name: "winback", Subject: "Hi", HTML: "<p>{{.Vars.headline}}</p>"}, shop); err != nil {
		t.Fatalf("a .Vars name was refused: %v", err)
	}
}

func TestLoadAndResetTemplate(t *testing.T) {
	ctx := context.Background()
	st := templateStore(t)
	def, err := LoadTemplate(ctx, st, "order_confirmation")
	if err != nil || def.Customised || def.UpdatedAt != nil || def.Subject != defaults["order_confirmation"].Subject {
		t.Fatalf("default: %+v %v", def, err)
	}
	edited := email.Template{Name: "order_confirmation", Subject: "Thanks for {{.Order.Name}}", HTML: "<p>Got it</p>", Text: "Got it, {{.Customer.FirstName}}"}
	if err := SaveTemplate(ctx, st, edited, email.Shop{}); err != nil {
		t.Fatal(err)
	}
	got, err := LoadTemplate(ctx, st, "order_confirmation")
	if err != nil || !got.Customised || got.Subject != edited.Subject || got.Text != edited.Text || got.UpdatedAt == nil || !got.UpdatedAt.Equal(tplNow) {
		t.Fatalf("saved: %+v %v", got, err)
	}
	if err := ResetTemplate(ctx, st, "order_confirmation"); err != nil {
		t.Fatal(err)
	}
	if got, _ := LoadTemplate(ctx, st, "order_confirmation"); got.Customised || got.Subject != def.Subject || got.HTML != def.HTML {
		t.Fatalf("after reset: %+v", got)
	}
	if err := ResetTemplate(ctx, st, "nope"); domain.CodeOf(err) != domain.CodeNotFound {
		t.Fatalf("reset of an unknown template: %v", err)
	}
}

func TestPlainTextVersion(t *testing.T) {
	tpl := &Templates{}
	data := SampleData(email.Shop{Name: "Bea's Shop"})
	tp := email.Template{Name: "x", Subject: "Hi", HTML: "<p>Hello <b>{{.Customer.FirstName}}</b></p>", Text: "Dear {{.Customer.FirstName}} & co\n"}
	r, err := tpl.Render(tp, data)
	if err != nil {
		t.Fatal(err)
	}
	// The seller's text is used as written (no HTML escaping), the shop's
	// signature follows, and the hidden preheader still comes from the HTML.
	if !strings.HasPrefix(r.Text, "Dear Alex & co\n\n-- \nBea's Shop") || !strings.Contains(r.HTML, ">Hello Alex</div>") {
		t.Fatalf("text %q\nhtml %s", r.Text, r.HTML)
	}
	tp.Text = ""
	if r, _ := tpl.Render(tp, data); !strings.HasPrefix(r.Text, "Hello Alex") {
		t.Fatalf("derived text %q", r.Text)
	}
}

// TestAutomationUsesSavedTemplate: an engine built before the seller saves
// (as the app's scheduler is) renders the saved version from the next plan
// on; a message already queued keeps its content after a reset, and the
// next email is the default again.
func TestAutomationUsesSavedTemplate(t *testing.T) {
	ctx := context.Background()
	st := templateStore(t)
	e := cartEngine(t, st)
	abandonCart(t, st, "c1", "carl@example.com", "Carl")

	firstEmail := func(p *rules.Preview) *rules.EmailPreview {
		t.Helper()
		for _, f := range p.Flows {
			if f.Error != "" {
				t.Fatalf("flow %s: %s", f.Name, f.Error)
			}
			for _, it := range f.Items {
				if it.Email != nil {
					return it.Email
				}
			}
		}
		t.Fatal("no email planned")
		return nil
	}
	p, err := e.Plan(ctx, tplNow)
	if err != nil {
		t.Fatal(err)
	}
	if em := firstEmail(p); em.Template != "cart_reminder" || !strings.Contains(em.Subject, "you left something in your basket") {
		t.Fatalf("before the edit: %+v", em.Rendered)
	}

	edited := email.Template{Name: "cart_reminder", Subject: "{{.Customer.FirstName}}, your mugs are waiting",
		HTML: `<p>Your basket of {{.Cart.Total}} is kept for you.</p>`, Text: "Your basket of {{.Cart.Total}} is kept, {{.Customer.FirstName}}."}
	if err := SaveTemplate(ctx, st, edited, email.Shop{Name: "Bea's Shop"}); err != nil {
		t.Fatal(err)
	}
	p, err = e.Plan(ctx, tplNow)
	if err != nil {
		t.Fatal(err)
	}
	if em := firstEmail(p); em.Subject != "Carl, your mugs are waiting" || !strings.Contains(em.HTML, "Your basket of 24.00 EUR is kept for you.") {
		t.Fatalf("the plan did not use the saved template: %+v", em.Rendered)
	}
	res, err := e.Run(ctx, tplNow, p.AllKeys())
	if err != nil || len(res.Failed) > 0 {
		t.Fatalf("run: %v %+v", err, res.Failed)
	}
	queued := func() []domain.OutboxMessage {
		t.Helper()
		msgs, err := st.ListMessages(ctx, domain.MsgQueued, 10, 0)
		if err != nil {
			t.Fatal(err)
		}
		return msgs
	}
	msgs := queued()
	if len(msgs) != 1 || msgs[0].Subject != "Carl, your mugs are waiting" || !strings.HasPrefix(msgs[0].Text, "Your basket of 24.00 EUR is kept, Carl.") ||
		!strings.Contains(msgs[0].HTML, "is kept for you") {
		t.Fatalf("queued: %+v", msgs)
	}

	if err := ResetTemplate(ctx, st, "cart_reminder"); err != nil {
		t.Fatal(err)
	}
	abandonCart(t, st, "c2", "dora@example.com", "Dora")
	p, err = e.Plan(ctx, tplNow)
	if err != nil {
		t.Fatal(err)
	}
	if em := firstEmail(p); em.To != "dora@example.com" || em.Subject != "Dora, you left something in your basket" {
		t.Fatalf("after the reset: %+v", em)
	}
	if msgs := queued(); len(msgs) != 1 || msgs[0].Subject != "Carl, your mugs are waiting" {
		t.Fatalf("the queued message changed with the template: %+v", msgs)
	}
}

// TestEveryEditableTemplatePassesTheSaveCheck: each template the editor
// offers, as shipped, can be saved unchanged.
func TestEveryEditableTemplatePassesTheSaveCheck(t *testing.T) {
	names := EditableTemplateNames()
	if len(names) <= len(DefaultTemplateNames) {
		t.Fatalf("the flows' own emails are missing from the editor: %v", names)
	}
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] {
			t.Fatalf("%s listed twice", n)
		}
		seen[n] = true
		tp, ok := (&Templates{}).Lookup(n)
		if !ok {
			t.Fatalf("%s: no template", n)
		}
		if err := CheckTemplate(tp, email.Shop{Name: "Bea's Shop"}); err != nil {
			t.Errorf("%s: %v", n, err)
		}
	}
}

// FuzzCheckTemplate: whatever the seller types, the save check answers
// (an error or nil) and never panics; what it accepts renders.
func FuzzCheckTemplate(f *testing.F) {
	f.Add("Hi {{.Customer.FirstName}}", "<p>{{range .Order.Lines}}{{.Name}}{{end}}</p>", "")
	f.Add("{{", "<a href=\"{{.Cart.RecoveryURL}}\">x</a>", "{{.Vars.x}}")
	f.Add("x", "{{define \"a\"}}{{template \"a\"}}{{end}}{{template \"a\"}}", "")
	f.Fuzz(func(t *testing.T, subject, html, text string) {
		tp := email.Template{Name: "winback", Subject: subject, HTML: html, Text: text}
		if err := CheckTemplate(tp, email.Shop{Name: "Shop"}); err != nil {
			if domain.CodeOf(err) != domain.CodeInvalid || err.Error() == "" {
				t.Fatalf("unhelpful refusal: %v", err)
			}
		}
	})
}

// TestSpendTierEmailShowsTheTierAsMoney: the designed spend-tier email a
// customer gets says how much they spent over as money ("200.00 EUR"), not
// a bare "200".
func TestSpendTierEmailShowsTheTierAsMoney(t *testing.T) {
	ctx := context.Background()
	st := templateStore(t)
	e := rules.New(rulesdb.New(st.Store), rules.Options{Renderer: &Templates{Store: st}, Log: slog.New(slog.DiscardHandler)})
	id, err := e.InstallTemplate(ctx, "spend_tiers")
	if err != nil {
		t.Fatal(err)
	}
	if err := e.SetEnabled(ctx, id, true); err != nil {
		t.Fatal(err)
	}
	c := domain.Customer{Source: domain.SourceShopify, ExternalID: "ann", Email: "ann@example.com", FirstName: "Ann", Country: "DE",
		AcceptsMarketing: true, CreatedAt: tplNow.Add(-400 * 24 * time.Hour)}
	paid := tplNow.Add(-2 * time.Hour)
	o := domain.Order{Source: domain.SourceShopify, ExternalID: "1001", Name: "#1001", Email: c.Email, Currency: "EUR",
		FinancialStatus: domain.FinancialPaid, Subtotal: 25000, Total: 25000, CreatedAt: paid.Add(-time.Minute), PaidAt: &paid,
		Lines: []domain.LineItem{{SKU: "MUG-1", Name: "Stoneware mug", Quantity: 1, Price: 25000}}}
	if _, _, err := importdb.New(st.Store).WriteBatch(ctx, domain.BatchMeta{FileName: "o.csv", FileHash: "o", Preset: "test", Kind: "test"},
		importdb.WriteOptions{}, func(w *importdb.Writer) error { return w.UpsertOrder(o, &c) }); err != nil {
		t.Fatal(err)
	}
	p, err := e.Plan(ctx, tplNow)
	if err != nil {
		t.Fatal(err)
	}
	var text string
	for _, f := range p.Flows {
		for _, it := range f.Items {
			if it.Email != nil {
				text = it.Email.Text
			}
		}
	}
	if !strings.Contains(text, "you have spent over 200.00 EUR with us") {
		t.Fatalf("spend-tier email: %q", text)
	}
}

// TestRunSendsWhatItsPlanShowed: a run renders from the templates its plan
// rendered from. The welcome email is rendered again at run time with the
// coupon really issued; a template saved between the plan and the run must
// not change it (the next plan shows the edit).
func TestRunSendsWhatItsPlanShowed(t *testing.T) {
	ctx := context.Background()
	st := templateStore(t)
	e := rules.New(rulesdb.New(st.Store), rules.Options{Renderer: &Templates{Store: st}, Log: slog.New(slog.DiscardHandler)})
	id, err := e.InstallTemplate(ctx, "welcome_voucher")
	if err != nil {
		t.Fatal(err)
	}
	if err := e.SetEnabled(ctx, id, true); err != nil {
		t.Fatal(err)
	}
	consent := tplNow.Add(-time.Hour)
	c := domain.Customer{Source: domain.SourceShopify, ExternalID: "nia", Email: "nia@example.com", FirstName: "Nia", Country: "FR",
		AcceptsMarketing: true, ConsentAt: &consent, CreatedAt: consent}
	if _, _, err := importdb.New(st.Store).WriteBatch(ctx, domain.BatchMeta{FileName: "c.csv", FileHash: "c", Preset: "test", Kind: "test"},
		importdb.WriteOptions{}, func(w *importdb.Writer) error {
			_, err := w.UpsertCustomer(c, importdb.CustomerAuthoritative)
			return err
		}); err != nil {
		t.Fatal(err)
	}
	p, err := e.Plan(ctx, tplNow)
	if err != nil {
		t.Fatal(err)
	}
	var planned *rules.EmailPreview
	for _, f := range p.Flows {
		for _, it := range f.Items {
			if it.Email != nil {
				planned = it.Email
			}
		}
	}
	if planned == nil || !strings.HasPrefix(planned.Subject, "Welcome to") {
		t.Fatalf("planned %+v", planned)
	}
	edited := email.Template{Name: "welcome_voucher", Subject: "Edited after the preview", HTML: "<p>{{.Coupon.Code}}</p>"}
	if err := SaveTemplate(ctx, st, edited, email.Shop{Name: "Shop"}); err != nil {
		t.Fatal(err)
	}
	res, err := e.RunPreview(ctx, p, p.AllKeys())
	if err != nil || res.Done != 2 || len(res.Failed) > 0 {
		t.Fatalf("run: %v %+v", err, res)
	}
	msgs, err := st.ListMessages(ctx, domain.MsgQueued, 10, 0)
	if err != nil || len(msgs) != 1 {
		t.Fatalf("queued %v %v", msgs, err)
	}
	if m := msgs[0]; m.Subject != planned.Subject || !strings.Contains(m.HTML, "thanks for signing up") || strings.Contains(m.HTML, "XXXX-XXXX") {
		t.Fatalf("the run did not send what its plan showed:\nplanned %q\nqueued  %q\n%s", planned.Subject, m.Subject, m.HTML)
	}
	// The next plan (a Run plans afresh too) renders from the saved template.
	c.ExternalID, c.Email, c.FirstName = "ola", "ola@example.com", "Ola"
	if _, _, err := importdb.New(st.Store).WriteBatch(ctx, domain.BatchMeta{FileName: "c2.csv", FileHash: "c2", Preset: "test", Kind: "test"},
		importdb.WriteOptions{}, func(w *importdb.Writer) error {
			_, err := w.UpsertCustomer(c, importdb.CustomerAuthoritative)
			return err
		}); err != nil {
		t.Fatal(err)
	}
	if p2, err := e.Plan(ctx, tplNow); err != nil || p2.Items != 2 || p2.Flows[0].Items[1].Email.Subject != "Edited after the preview" {
		t.Fatalf("next plan: %v %+v", err, p2)
	}
}
