package email

import (
	"regexp"
	"strings"
	"testing"
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
	data.Shop.Name = "Tom & Co"
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
	if !strings.Contains(out.Text, "Have another look at your basket (https://shop.example.com/cart/abc)") {
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
