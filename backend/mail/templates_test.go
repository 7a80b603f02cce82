package mail

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/email"
)

var update = flag.Bool("update", false, "rewrite the golden .eml files")

var marketingTemplates = map[string]bool{"cart_reminder": true, "cart_reminder_second": true, "cart_reminder_coupon": true,
	"winback": true, "welcome_voucher": true, "spend_tier_coupon": true, "birthday_offer": true}

// boundaryRe normalises go-mail's random MIME boundaries for comparison.
var boundaryRe = regexp.MustCompile(`[0-9a-f]{60,64}`)

// TestGoldenDefaultTemplates renders every default template with the
// sample data and composes the full message, compared with testdata/*.eml.
func TestGoldenDefaultTemplates(t *testing.T) {
	tpl := &Templates{}
	a := baseAccount()
	a.FromName = "Bea's Shop"
	data := SampleData(email.Shop{Name: "Bea's Shop", Email: "seller@shop.test"})
	for _, name := range DefaultTemplateNames {
		t.Run(name, func(t *testing.T) {
			tp, ok := tpl.Lookup(name)
			if !ok {
				t.Fatal("missing default")
			}
			r, err := tpl.Render(tp, data)
			if err != nil {
				t.Fatal(err)
			}
			kind := domain.KindTransactional
			if marketingTemplates[name] {
				kind = domain.KindMarketing
			}
			if name == "purchase_order" {
				kind = domain.KindSupplier
			}
			c, err := Compose(a, domain.OutboxMessage{MessageID: "<golden." + strings.ReplaceAll(name, "_", "-") + "@shop.test>", Kind: kind,
				ToAddr: "alex@example.com", ToName: "Alex Sample", Subject: r.Subject, HTML: r.HTML, Text: r.Text}, t0)
			if err != nil {
				t.Fatal(err)
			}
			got := boundaryRe.ReplaceAll(c.Raw, []byte("BOUNDARY"))
			path := filepath.Join("testdata", name+".eml")
			if *update {
				os.MkdirAll("testdata", 0o755)
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create)", err)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("%s differs from the golden file (run with -update if intended):\n%s", name, got)
			}
			if marketingTemplates[name] != bytes.Contains(got, []byte("List-Unsubscribe:")) {
				t.Fatal("List-Unsubscribe on the wrong kind of mail")
			}
			if !bytes.Contains(got, []byte("Content-Type: text/plain")) || !bytes.Contains(got, []byte("Content-Type: text/html")) {
				t.Fatal("needs both a plain-text and an HTML part")
			}
		})
	}
}

func TestTemplateEscapesAndReportsUnknownVariables(t *testing.T) {
	tpl := &Templates{}
	data := SampleData(email.Shop{Name: "Shop"})
	data.Customer.FirstName = `<script>alert(1)</script>`
	tp, _ := tpl.Lookup("order_confirmation")
	r, err := tpl.Render(tp, data)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(r.HTML, "<script>") || !strings.Contains(r.HTML, "&lt;script&gt;") {
		t.Fatal("customer name not escaped in HTML")
	}
	if !strings.Contains(r.Text, "<script>alert(1)</script>") {
		t.Fatal("plain text should show the name as typed")
	}
	for _, bad := range []email.Template{
		{Name: "x", Subject: "Hi {{.Customer.Nickname}}", HTML: "x"},
		{Name: "x", Subject: "Hi", HTML: "{{.Vars.missing}}"},
		{Name: "x", Subject: "Hi", HTML: "{{.Order.Name"},
	} {
		_, err := tpl.Render(bad, data)
		if err == nil || !strings.Contains(err.Error(), "the email") {
			t.Fatalf("%q: %v", bad.Subject+bad.HTML, err)
		}
	}
	_, err = tpl.Render(email.Template{Subject: "Hi {{.Customer.Nickname}}", HTML: "x"}, data)
	if !strings.Contains(err.Error(), `"Nickname"`) {
		t.Fatalf("unknown variable not named: %v", err)
	}
	// A step variable the data lacks is the step's, not an unknown name
	// (the same words as the engine's own renderer, email.TemplateError).
	_, err = tpl.Render(email.Template{Subject: "Hi", HTML: "<p>{{.Vars.missing}}</p>"}, data)
	if err == nil || err.Error() != "the email body uses {{.Vars.missing}} (line 1), which the automation step does not set" {
		t.Fatalf("missing step variable: %v", err)
	}
}

func TestPreviewOnRealCustomer(t *testing.T) {
	r := newRig(t, mailtestOptions(), nil)
	ctx := context.Background()
	id := seedCustomerWithOrder(t, r.st)
	d, err := PreviewData(ctx, r.st, id, email.Shop{Name: "Bea's Shop"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Customer.FirstName != "Alice" || d.Order.Name != "#1042" || d.Order.Total != email.FormatMoney(4250, "EUR") || d.Shipment.TrackingNumber != "TRK1" {
		t.Fatalf("%+v", d)
	}
	tp, _ := (&Templates{}).Lookup("shipping_update")
	out, err := (&Templates{}).Render(tp, d)
	if err != nil || !strings.Contains(out.HTML, "TRK1") || !strings.Contains(out.Text, "Track your parcel (https://track.test/TRK1)") {
		t.Fatalf("%v\n%s", err, out.Text)
	}
}
