package rules_test

import (
	"strings"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/email"
	"shopclerk/backend/mail"
	"shopclerk/backend/rules/flow"
)

// TestTemplatesRenderWithMailTemplates renders every email of every
// ready-made flow with the mail package's templates, which the app plugs in:
// a variable a flow does not give (a Vars key, a coupon no earlier step
// issues) must not reach a customer as an error or a blank.
func TestTemplatesRenderWithMailTemplates(t *testing.T) {
	r := &mail.Templates{}
	for _, ft := range flow.Templates {
		coupon := false
		for i, s := range ft.Definition.Steps {
			if s.Action == domain.StepIssueCoupon {
				coupon = true
			}
			if s.Action != domain.StepSendEmail {
				continue
			}
			t.Run(ft.Key+"/"+s.Template, func(t *testing.T) {
				tp, ok := r.Lookup(s.Template)
				if !ok {
					t.Fatalf("step %d: no template %q", i, s.Template)
				}
				if !coupon && strings.Contains(tp.Subject+tp.HTML, ".Coupon") {
					t.Fatalf("step %d: template %q shows a coupon but no earlier step issues one", i, s.Template)
				}
				data := mail.SampleData(email.Shop{Name: "Ann's Pottery", Email: "shop@example.com"})
				data.Vars = s.Vars
				if data.Vars == nil {
					data.Vars = map[string]string{}
				}
				if _, err := r.Render(tp, data); err != nil {
					t.Fatalf("step %d: %v", i, err)
				}
			})
		}
	}
}
