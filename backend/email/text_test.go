package email

import (
	"strings"
	"testing"

	"shopclerk/backend/domain"
)

func TestHTMLToText(t *testing.T) {
	for _, c := range []struct{ name, html, want string }{
		{"blocks", "<p>Hi Ann,</p><p>thanks!<br>Bye</p>", "Hi Ann,\n\nthanks!\nBye"},
		{"links keep their address", `<p><a href="https://shop.example/cart/1" style="x">Finish your order</a></p>`,
			"Finish your order (https://shop.example/cart/1)"},
		{"cells side by side", "<table><tr><td>2 × Mug</td><td align=\"right\">24.00 EUR</td></tr></table>", "2 × Mug 24.00 EUR"},
		{"entities", "<p>Tom &amp; Jerry&nbsp;&lt;3 &#39;x&#39;</p>", "Tom & Jerry <3 'x'"},
		{"numeric entities", "<p>&#43;POT-1 &#x2013; caf&eacute;</p>", "+POT-1 – café"},
		{"blank runs", "<p>a</p>\n\n \n<div></div><p>b</p>", "a\n\nb"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := HTMLToText(c.html); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// The engine's own renderer and the mail package word template problems
// the same way, and both write links out in the plain-text part.
func TestFallbackRendererSharesTextAndWording(t *testing.T) {
	r := Fallback{}
	out, err := r.Render(Template{Subject: "Hi", HTML: `<p><a href="{{.Cart.RecoveryURL}}">Back to my basket</a></p>`}, Sample(nil))
	if err != nil {
		t.Fatal(err)
	}
	if out.Text != "Back to my basket (https://shop.example.com/cart/abc)"+TextFooter(Sample(nil).Shop) {
		t.Errorf("text part %q", out.Text)
	}
	for _, c := range []struct {
		tp   Template
		want string
	}{
		{Template{Subject: "Hi {{.Customer.Nickname}}", HTML: "x"},
			`the email subject uses "Nickname" in {{.Customer.Nickname}} (line 1), which Shopclerk does not know; use one of`},
		{Template{Subject: "Hi", HTML: "<p>\n{{.Vars.headline}}</p>"},
			"the email body uses {{.Vars.headline}} (line 2), which the automation step does not set"},
		{Template{Subject: "Hi", HTML: "<p>\n{{.Order.Name</p>"}, "the email body has a mistake (line 2): "},
		{Template{Subject: "Hi {{lower .Customer.FirstName}}", HTML: "x"},
			`the email subject calls "lower" (line 1), which is not a template function; use join or upper`},
	} {
		_, err := r.Render(c.tp, Sample(nil))
		if err == nil || !strings.HasPrefix(err.Error(), c.want) || domain.CodeOf(err) != domain.CodeInvalid {
			t.Errorf("%q: %v, want %q…", c.tp.Subject+c.tp.HTML, err, c.want)
		}
	}
	if _, err := RenderText("task", "Call {{.Customer.Phone}}", Sample(nil)); err == nil ||
		!strings.HasPrefix(err.Error(), `the task uses "Phone" in {{.Customer.Phone}} (line 1)`) {
		t.Errorf("task: %v", err)
	}
}
