package domain

import (
	"bytes"
	"image"
	"image/png"
	"strings"
	"testing"
)

func validShop() ShopIdentity {
	return ShopIdentity{Name: "Clay & Co", Currency: "EUR", TimeZone: "Europe/Berlin"}
}

// Every field is checked with a message that names what is wrong and shows
// what would be right; a field given right passes.
func TestShopIdentityProblems(t *testing.T) {
	for _, c := range []struct {
		name  string
		edit  func(*ShopIdentity)
		field string // "" : no problem
		says  string
	}{
		{"all good", func(s *ShopIdentity) {
			s.LegalName, s.Address, s.Email, s.Phone = "Clay & Co GmbH", "Hauptstr. 1\n10115 Berlin\nGermany", "hello@clay.test", "+49 (30) 123-456"
			s.Website, s.Language, s.VATNumber, s.DeliveryAddress = "https://clay.test/shop", "de-AT", "DE 123456789", "Lager 2\n10117 Berlin"
		}, "", ""},
		{"no name", func(s *ShopIdentity) { s.Name = "" }, "name", "signs every email"},
		{"no currency", func(s *ShopIdentity) { s.Currency = "" }, "currency", "ISO 4217"},
		{"a currency that is not ISO 4217", func(s *ShopIdentity) { s.Currency = "EURO" }, "currency", `"EURO" is not an ISO 4217`},
		{"a made-up code", func(s *ShopIdentity) { s.Currency = "ABC" }, "currency", "ISO 4217"},
		{"no currency code", func(s *ShopIdentity) { s.Currency = "XXX" }, "currency", "ISO 4217"},
		{"a zone abbreviation", func(s *ShopIdentity) { s.TimeZone = "CEST" }, "timeZone", "Europe/Berlin"},
		{"the computer's zone", func(s *ShopIdentity) { s.TimeZone = "Local" }, "timeZone", "time zone name"},
		{"no zone", func(s *ShopIdentity) { s.TimeZone = "" }, "timeZone", "IANA"},
		{"an email with a name", func(s *ShopIdentity) { s.Email = "Ann <ann@clay.test>" }, "email", "plain email address"},
		{"an email without a domain", func(s *ShopIdentity) { s.Email = "ann@localhost" }, "email", "plain email address"},
		{"not an email", func(s *ShopIdentity) { s.Email = "ann at clay" }, "email", "plain email address"},
		{"a web address of another scheme", func(s *ShopIdentity) { s.Website = "ftp://clay.test" }, "website", "https://myshop.com"},
		{"a web address with a password", func(s *ShopIdentity) { s.Website = "https://me:pw@clay.test" }, "website", "https://myshop.com"},
		{"a web address without a host", func(s *ShopIdentity) { s.Website = "https://" }, "website", "https://myshop.com"},
		{"a phone with letters", func(s *ShopIdentity) { s.Phone = "call me" }, "phone", "digits, spaces"},
		{"a phone too short", func(s *ShopIdentity) { s.Phone = "12" }, "phone", "2 digits"},
		{"a language that is none", func(s *ShopIdentity) { s.Language = "klingonish" }, "language", "en, de or fr-CA"},
		{"a VAT number with symbols", func(s *ShopIdentity) { s.VATNumber = "DE#123!" }, "vatNumber", "DE123456789"},
		{"a VAT number without digits", func(s *ShopIdentity) { s.VATNumber = "NONE" }, "vatNumber", "DE123456789"},
		{"a name on two lines", func(s *ShopIdentity) { s.Name = "Clay\nCo" }, "name", "control character"},
		{"an address of many lines", func(s *ShopIdentity) { s.Address = strings.Repeat("line\n", 9) }, "address", "8 are enough"},
		{"a delivery line too long", func(s *ShopIdentity) { s.DeliveryAddress = strings.Repeat("x", 121) }, "deliveryAddress", "longer than 120"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := validShop()
			c.edit(&s)
			ps := s.Normalized().Problems()
			if c.field == "" {
				if len(ps) > 0 {
					t.Fatalf("problems with a good identity: %+v", ps)
				}
				return
			}
			if len(ps) != 1 || ps[0].Field != c.field || !strings.Contains(ps[0].Message, c.says) {
				t.Fatalf("got %+v, want one problem with %s saying %q", ps, c.field, c.says)
			}
			if err := s.Normalized().Check(); err == nil || CodeOf(err) != CodeInvalid || !strings.Contains(err.Error(), c.says) {
				t.Fatalf("Check: %v", err)
			}
		})
	}
}

// What a seller types is tidied before it is checked: spaces, a lower-case
// currency, a web address without https://, blank address lines.
func TestShopIdentityNormalized(t *testing.T) {
	s := ShopIdentity{Name: "  Clay ", Currency: "eur", TimeZone: " Europe/Berlin", Website: "clay.test", Language: "EN-gb",
		Address: "  Hauptstr. 1 \r\n\n 10115 Berlin\n"}.Normalized()
	want := ShopIdentity{Name: "Clay", Currency: "EUR", TimeZone: "Europe/Berlin", Website: "https://clay.test", Language: "en-GB",
		Address: "Hauptstr. 1\n10115 Berlin"}
	if s != want {
		t.Fatalf("got %+v\nwant %+v", s, want)
	}
	if got := s.DeliveryLines(); len(got) != 2 || got[1] != "10115 Berlin" {
		t.Fatalf("delivery defaults to the address: %q", got)
	}
	s.DeliveryAddress = "Lager 2"
	if got := s.DeliveryLines(); len(got) != 1 || got[0] != "Lager 2" {
		t.Fatalf("delivery address of its own: %q", got)
	}
	if !s.Configured() || (ShopIdentity{Name: "x", Currency: "EUR"}).Configured() {
		t.Fatal("Configured needs name, currency and time zone")
	}
}

func pngOf(w, h int) []byte {
	var b bytes.Buffer
	png.Encode(&b, image.NewRGBA(image.Rect(0, 0, w, h)))
	return b.Bytes()
}

func TestCheckLogo(t *testing.T) {
	for _, c := range []struct {
		name string
		data []byte
		typ  string
		says string
	}{
		{"a PNG", pngOf(120, 40), "image/png", ""},
		{"an SVG", []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>`), "image/svg+xml", ""},
		{"empty", nil, "", "empty"},
		{"too large a file", append(pngOf(10, 10), make([]byte, MaxLogoBytes)...), "", "at most 256 KB"},
		{"too many pixels", pngOf(2400, 10), "", "2400 × 10 pixels"},
		{"a text file", []byte("hello"), "", "PNG, JPEG or SVG"},
		{"an HTML page", []byte("<html><body>hi</body></html>"), "", "PNG, JPEG or SVG"},
		{"an SVG with a script", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`), "", "<script>"},
		{"an SVG with a handler", []byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>`), "", "runs code"},
		{"an SVG linking script", []byte(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink"><a x:href="javascript:alert(1)"/></svg>`), "", "runs code"},
	} {
		t.Run(c.name, func(t *testing.T) {
			typ, err := CheckLogo(c.data)
			if c.says == "" {
				if err != nil || typ != c.typ {
					t.Fatalf("got %q %v, want %q", typ, err, c.typ)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.says) {
				t.Fatalf("got %q %v, want an error saying %q", typ, err, c.says)
			}
		})
	}
}
