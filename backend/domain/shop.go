package domain

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image"
	_ "image/jpeg" // DecodeConfig reads a JPEG logo's size
	_ "image/png"  // and a PNG's
	"io"
	"net/mail"
	"net/url"
	"strings"
	"time"
	// The IANA zone names, built into the binary: Windows has no zoneinfo
	// folder, and without these every zone but UTC would be refused there.
	_ "time/tzdata"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/currency"
	"golang.org/x/text/language"
)

// ShopIdentity is who the shop is: the name every email is signed with, the
// address the law of many countries asks for in marketing mail, the
// currency amounts are in when a file names none, the time zone of "today",
// and what purchase orders print as sender and delivery address.
type ShopIdentity struct {
	Name      string `json:"name"`
	LegalName string `json:"legalName"` // the registered business name, when not the shop's name
	// Address is the postal address, one line per line.
	Address string `json:"address"`
	// DeliveryAddress is where suppliers deliver, one line per line;
	// empty: Address.
	DeliveryAddress string `json:"deliveryAddress"`
	Email           string `json:"email"`
	Phone           string `json:"phone"`
	Website         string `json:"website"`
	Currency        string `json:"currency"`
	TimeZone        string `json:"timeZone"`
	Language        string `json:"language"` // BCP 47 ("en", "de-AT"); empty: English
	VATNumber       string `json:"vatNumber"`
	// Logo is the stored logo's type ("image/png"), "" without one. The
	// image is read on its own (ShopLogo), as it is larger than the rest.
	Logo string `json:"logo"`
}

// ShopLogo is the logo file, kept in the shop database (not as a path, so
// it moves with the shop file and its backups).
type ShopLogo struct {
	Type string // image/png, image/jpeg or image/svg+xml
	Data []byte
}

// Logo limits: a logo heads emails and documents, so a small file is enough,
// and a larger one would bloat every backup of the shop.
const (
	MaxLogoBytes  = 256 << 10
	MaxLogoPixels = 2000
)

// FieldProblem is what is wrong with one field of a form, under the JSON
// name of the field, so the form can show it beside that field.
type FieldProblem struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// Configured tells whether the seller has told Shopclerk who the shop is:
// until then emails have no name to sign with and amounts no currency.
func (s ShopIdentity) Configured() bool {
	return s.Name != "" && s.Currency != "" && s.TimeZone != ""
}

// AddressLines is Address as its lines.
func (s ShopIdentity) AddressLines() []string { return lines(s.Address) }

// DeliveryLines is where suppliers deliver: DeliveryAddress, else Address.
func (s ShopIdentity) DeliveryLines() []string {
	if l := lines(s.DeliveryAddress); len(l) > 0 {
		return l
	}
	return s.AddressLines()
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// Normalized trims every field, writes the currency in capitals, the
// language in its canonical form, a web address typed without a scheme as
// https://, and an address one trimmed line per line.
func (s ShopIdentity) Normalized() ShopIdentity {
	for _, f := range []*string{&s.Name, &s.LegalName, &s.Email, &s.Phone, &s.Website, &s.Currency, &s.TimeZone, &s.Language, &s.VATNumber} {
		*f = strings.TrimSpace(*f)
	}
	s.Currency = strings.ToUpper(s.Currency)
	s.Address = strings.Join(s.AddressLines(), "\n")
	s.DeliveryAddress = strings.Join(lines(s.DeliveryAddress), "\n")
	if s.Website != "" && !strings.Contains(s.Website, "://") {
		s.Website = "https://" + s.Website
	}
	if t, err := language.Parse(s.Language); err == nil && s.Language != "" {
		s.Language = t.String()
	}
	return s
}

// Problems checks a normalized identity field by field: the name, the
// currency and the time zone are needed, the rest is checked when given.
func (s ShopIdentity) Problems() []FieldProblem {
	var out []FieldProblem
	add := func(field, format string, args ...any) {
		out = append(out, FieldProblem{Field: field, Message: fmt.Sprintf(format, args...)})
	}
	text := func(field, label, v string, max int) {
		switch {
		case utf8.RuneCountInString(v) > max:
			add(field, "%s is longer than %d characters.", label, max)
		case strings.ContainsFunc(v, unicode.IsControl):
			add(field, "%s has a control character in it; type it on one line.", label)
		}
	}
	if s.Name == "" {
		add("name", "Give the shop's name: it signs every email.")
	}
	text("name", "The shop's name", s.Name, 100)
	text("legalName", "The legal name", s.LegalName, 200)
	for _, a := range []struct{ field, label, v string }{{"address", "The address", s.Address}, {"deliveryAddress", "The delivery address", s.DeliveryAddress}} {
		ls := lines(a.v)
		if len(ls) > 8 {
			add(a.field, "%s has %d lines; 8 are enough for any address.", a.label, len(ls))
		}
		for _, l := range ls {
			if utf8.RuneCountInString(l) > 120 || strings.ContainsFunc(l, unicode.IsControl) {
				add(a.field, "%s has a line that is longer than 120 characters or holds a control character: %.40q", a.label, l)
				break
			}
		}
	}
	if s.Email != "" {
		if a, err := mail.ParseAddress(s.Email); err != nil || a.Name != "" || a.Address != s.Email || !strings.Contains(a.Address[strings.LastIndex(a.Address, "@")+1:], ".") {
			add("email", "%q is not a plain email address like hello@myshop.com (no name, no <>).", s.Email)
		}
	}
	if s.Phone != "" {
		digits := 0
		for _, r := range s.Phone {
			if r >= '0' && r <= '9' {
				digits++
			}
		}
		if strings.ContainsFunc(s.Phone, func(r rune) bool { return (r < '0' || r > '9') && !strings.ContainsRune("+-()./ ", r) }) {
			add("phone", "%q is not a phone number: use digits, spaces and + - ( ) / . only.", s.Phone)
		} else if digits < 5 || digits > 20 {
			add("phone", "%q is not a phone number: it has %d digits.", s.Phone, digits)
		}
	}
	if s.Website != "" {
		if u, err := url.Parse(s.Website); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.User != nil ||
			!strings.Contains(u.Hostname(), ".") && u.Hostname() != "localhost" {
			add("website", "%q is not a web address like https://myshop.com.", s.Website)
		} else if len(s.Website) > 300 {
			add("website", "The web address is longer than 300 characters.")
		}
	}
	if s.Currency == "" {
		add("currency", "Give the shop's currency (an ISO 4217 code such as EUR, USD or GBP): amounts without one are in it.")
	} else if u, err := currency.ParseISO(s.Currency); err != nil || u.String() != s.Currency || s.Currency == "XXX" || s.Currency == "XTS" {
		add("currency", "%q is not an ISO 4217 currency code such as EUR, USD or GBP.", s.Currency)
	}
	if s.TimeZone == "" {
		add("timeZone", "Give the shop's time zone (an IANA name such as Europe/Berlin): it decides when a day starts.")
	} else if _, err := time.LoadLocation(s.TimeZone); err != nil || s.TimeZone == "Local" {
		add("timeZone", "%q is not a time zone name such as Europe/Berlin or America/New_York.", s.TimeZone)
	}
	if s.Language != "" {
		if t, err := language.Parse(s.Language); err != nil || t.String() != s.Language || s.Language == "und" || len(s.Language) > 35 {
			add("language", "%q is not a language code such as en, de or fr-CA.", s.Language)
		}
	}
	if s.VATNumber != "" {
		ok := len(s.VATNumber) >= 4 && len(s.VATNumber) <= 20
		digits := 0
		for _, r := range s.VATNumber {
			switch {
			case r >= '0' && r <= '9':
				digits++
			case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z', r == ' ', r == '-', r == '.':
			default:
				ok = false
			}
		}
		if !ok || digits < 2 {
			add("vatNumber", "%q is not a VAT number such as DE123456789: letters, digits, spaces, dots and dashes, 4 to 20 of them.", s.VATNumber)
		}
	}
	return out
}

// Check is Problems as one error for the seller, nil when there are none.
func (s ShopIdentity) Check() error {
	ps := s.Problems()
	if len(ps) == 0 {
		return nil
	}
	msgs := make([]string, len(ps))
	for i, p := range ps {
		msgs[i] = p.Message
	}
	return Errorf(CodeInvalid, "The shop's details were not saved. %s", strings.Join(msgs, " "))
}

// CheckLogo tells what image data is (image/png, image/jpeg or
// image/svg+xml), or why it cannot be the shop's logo.
func CheckLogo(data []byte) (string, error) {
	if len(data) == 0 {
		return "", Errorf(CodeInvalid, "The logo file is empty.")
	}
	if len(data) > MaxLogoBytes {
		return "", Errorf(CodeInvalid, "The logo is %d KB; a logo can be at most %d KB. Save it smaller (a logo 600 pixels wide is plenty).",
			(len(data)+1023)/1024, MaxLogoBytes>>10)
	}
	if cfg, format, err := image.DecodeConfig(bytes.NewReader(data)); err == nil {
		if cfg.Width > MaxLogoPixels || cfg.Height > MaxLogoPixels {
			return "", Errorf(CodeInvalid, "The logo is %d × %d pixels; at most %d on each side.", cfg.Width, cfg.Height, MaxLogoPixels)
		}
		if cfg.Width == 0 || cfg.Height == 0 {
			return "", Errorf(CodeInvalid, "The logo has no pixels.")
		}
		return "image/" + format, nil
	}
	if err := checkSVG(data); err != nil {
		return "", err
	}
	return "image/svg+xml", nil
}

// checkSVG accepts an SVG document without scripts, embedded HTML or event
// handlers: a logo is a picture, and one that runs code is not wanted in an
// email or a window.
func checkSVG(data []byte) error {
	notImage := Errorf(CodeInvalid, "The logo must be a PNG, JPEG or SVG image; this file is none of them.")
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	root := true
	for {
		tok, err := d.Token()
		if err == io.EOF {
			if root {
				return notImage
			}
			return nil
		}
		if err != nil {
			return notImage
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if root {
			if el.Name.Local != "svg" {
				return notImage
			}
			root = false
		}
		if n := strings.ToLower(el.Name.Local); n == "script" || n == "foreignobject" {
			return Errorf(CodeInvalid, "The SVG logo holds a <%s>; a logo can only be a picture.", el.Name.Local)
		}
		for _, a := range el.Attr {
			v := strings.ToLower(strings.TrimSpace(a.Value))
			if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") || strings.HasPrefix(v, "javascript:") {
				return Errorf(CodeInvalid, "The SVG logo runs code (%s); a logo can only be a picture.", a.Name.Local)
			}
		}
	}
}
