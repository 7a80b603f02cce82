package email

import (
	"regexp"
	"strings"
	"testing"

	"shopclerk/backend/domain"
)

// Every email is a document a screen reader can announce: its language,
// the subject as its title (escaped), tables that only lay out, and no grey
// text under 4.5:1 on white (the footer used #888, 3.5:1).
func TestLayoutIsAnAccessibleDocument(t *testing.T) {
	for _, c := range []struct {
		name string
		tp   Template
		shop Shop
		lang string
	}{
		{"english by default", Template{Name: "winback_news"}, Shop{Name: "Tom & Co"}, "en"},
		{"the shop's language", Template{Name: "winback_news"}, Shop{Name: "Tom & Co", Lang: "fr"}, "fr"},
		{"a built-in in its own language", Template{Name: "onboarding_de"}, Shop{Name: "Tom & Co"}, "de"},
		{"the seller's version of it", Template{Name: "onboarding_de", Subject: "Hallo", HTML: "<p>Hallo</p>"}, Shop{Name: "Tom & Co"}, "de"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := c.tp.Language(c.shop); got != c.lang {
				t.Fatalf("Language = %q, want %q", got, c.lang)
			}
		})
	}
	tp, _ := Fallback{}.Lookup("cart_last_chance")
	data := Sample(nil)
	data.Shop = Shop{Name: "Tom & Co"}
	out, err := Fallback{}.Render(tp, data)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<html lang="en">`, `<title>Your basket is about to expire</title>`, `color:#595959">Tom &amp; Co`,
		`>Have another look at your basket</a>`} {
		if !strings.Contains(out.HTML, want) {
			t.Errorf("HTML lacks %s:\n%s", want, out.HTML)
		}
	}
	if n, p := strings.Count(out.HTML, "<table"), strings.Count(out.HTML, `<table role="presentation"`); n != p {
		t.Errorf("%d of %d tables are role=presentation:\n%s", p, n, out.HTML)
	}
	if regexp.MustCompile(`color:#[89a-f]{3}\b`).MatchString(out.HTML) {
		t.Errorf("light grey text:\n%s", out.HTML)
	}
	if !strings.Contains(out.Text, "a week ago you chose:") || !strings.Contains(out.Text, "Have another look at your basket (https://shop.example.com/cart/abc)\n\n-- \nTom & Co\n") {
		t.Errorf("text part %q", out.Text)
	}
}

// Every built-in template's links say where they go; "here", "click" or
// "it" alone tells a screen reader's list of links nothing.
func TestBuiltinLinksSayWhereTheyGo(t *testing.T) {
	linkText := regexp.MustCompile(`<a [^>]*>([^<]*)</a>`)
	for _, name := range TemplateNames() {
		for _, m := range linkText.FindAllStringSubmatch(builtin[name].HTML, -1) {
			if l := strings.ToLower(m[1]); len(strings.Fields(l)) < 2 || regexp.MustCompile(`\b(here|click|it|now)$`).MatchString(l) {
				t.Errorf("%s: link text %q", name, m[1])
			}
		}
	}
}

// Every email is signed with the shop's identity, as the seller gave it in
// Settings > Shop: the name heads it; the footer, in the HTML and the text
// part alike, carries the legal name, the postal address (which the law of
// many countries asks for in marketing mail), the contact and the VAT number.
// A shop that gave only its name gets only its name; one without a name gets
// no heading at all, never a placeholder.
func TestFooterSignsWithTheShopsIdentity(t *testing.T) {
	tp, _ := Fallback{}.Lookup("winback_news")
	data := Sample(map[string]string{"news": "new glazes"})
	data.Shop = ShopOf(domain.ShopIdentity{Name: "Clay & Co", LegalName: "Clay & Co GmbH", Address: "Hauptstr. 1\n10115 Berlin\nGermany",
		Email: "hello@clay.test", Phone: "+49 30 123456", Website: "https://clay.test/", VATNumber: "DE123456789", Language: "de"})
	out, err := Fallback{}.Render(tp, data)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<html lang="de">`, `color:#222">Clay &amp; Co</td>`,
		`color:#595959">Clay &amp; Co GmbH<br>Hauptstr. 1<br>10115 Berlin<br>Germany<br>` +
			`hello@clay.test · +49 30 123456 · ` +
			`<a href="https://clay.test/" style="color:#595959;text-decoration:underline">clay.test</a><br>VAT no. DE123456789</td>`} {
		if !strings.Contains(out.HTML, want) {
			t.Errorf("HTML lacks %s:\n%s", want, out.HTML)
		}
	}
	wantText := "\n\n-- \nClay & Co GmbH\nHauptstr. 1\n10115 Berlin\nGermany\nhello@clay.test · +49 30 123456 · clay.test\nVAT no. DE123456789\n"
	if !strings.HasSuffix(out.Text, wantText) {
		t.Errorf("text part %q lacks the footer %q", out.Text, wantText)
	}

	data.Shop = Shop{Name: "Clay"}
	if out, _ = (Fallback{}).Render(tp, data); !strings.Contains(out.HTML, `color:#595959">Clay</td>`) || !strings.HasSuffix(out.Text, "\n-- \nClay\n") {
		t.Errorf("name only: %s\n%q", out.HTML, out.Text)
	}
	data.Shop = Shop{}
	out, _ = Fallback{}.Render(tp, data)
	if strings.Contains(out.HTML, "font:bold 20px") || strings.Contains(out.HTML, "border-top:1px solid #eee") || strings.Contains(out.Text, "-- ") {
		t.Errorf("a shop without a name still got a heading or footer:\n%s\n%q", out.HTML, out.Text)
	}
	for _, bad := range []string{"Your shop", "Demo shop", "our shop"} {
		if strings.Contains(out.HTML, bad) {
			t.Errorf("placeholder %q in the email", bad)
		}
	}
}
