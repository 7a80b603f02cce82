package rules_test

import (
	"context"
	"strings"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/email"
	"shopclerk/backend/mail"
	"shopclerk/backend/rules"
	"shopclerk/backend/rules/flow"
	"shopclerk/backend/store/rulesdb"
	"shopclerk/backend/store/storetest"
)

// TestTemplateFuncsSaveAndRenderAlike: a flow's custom email that calls any
// template function saves (the engine checks it with email.Fallback),
// passes the Settings check, and renders the same with both renderers.
// Before, the engine knew only join, so an email using upper, which the
// mail package renders, was refused on save.
func TestTemplateFuncsSaveAndRenderAlike(t *testing.T) {
	uses := map[string]struct{ call, want string }{
		"join":  {`{{join .Order.ShippingAddress ", "}}`, "Alex Sample, Sample Street 1, 10115 Berlin, DE"},
		"upper": {`{{upper .Customer.FirstName}}`, "ALEX"},
	}
	for name := range email.Funcs() {
		if _, ok := uses[name]; !ok {
			t.Errorf("template function %q has no case here", name)
		}
	}
	ctx := context.Background()
	st := rulesdb.New(storetest.Open(t))
	eng := rules.New(st, rules.Options{})
	data := mail.SampleData(email.Shop{Name: "Ann's Pottery", Email: "shop@example.com"})
	for name, u := range uses {
		t.Run(name, func(t *testing.T) {
			tp := email.Template{Name: "custom", Subject: "For " + u.call, HTML: "<p>Hello " + u.call + "</p>"}
			def := flow.Definition{Trigger: flow.TriggerSpec{Type: domain.TriggerOrderPaid},
				Steps: []flow.Step{{Action: domain.StepSendEmail, Subject: tp.Subject, Body: tp.HTML}}}
			if _, err := eng.SaveFlow(ctx, rules.Flow{Name: "uses " + name, Definition: def}); err != nil {
				t.Fatalf("flow not saved: %v", err)
			}
			if err := mail.CheckTemplate(tp, data.Shop); err != nil {
				t.Fatalf("refused in Settings: %v", err)
			}
			fallback, err := email.Fallback{}.Render(tp, data)
			if err != nil {
				t.Fatal(err)
			}
			designed, err := (&mail.Templates{}).Render(tp, data)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range []email.Rendered{fallback, designed} {
				if r.Subject != "For "+u.want || !strings.Contains(r.HTML, "Hello "+u.want) || !strings.Contains(r.Text, "Hello "+u.want) {
					t.Errorf("rendered %q / %q, want %q", r.Subject, r.Text, u.want)
				}
			}
		})
	}
}
