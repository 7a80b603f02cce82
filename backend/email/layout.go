package email

import (
	"bytes"
	htmltemplate "html/template"
	"strings"
)

// Page is what the layout around an email's body shows: the whole document
// a mail client opens, whichever renderer wrote the body.
type Page struct {
	// Lang is the document's language ("en", "de"); empty is "en".
	Lang string
	// Subject titles the document, as a screen reader announces it.
	Subject string
	// Shop heads the email with its name and signs it with the footer: the
	// legal name, the postal address, the contact and the VAT number, those
	// the seller gave. A shop without a name has no heading (never a
	// placeholder such as "Your shop").
	Shop Shop
	// Preheader is the line a mail client shows after the subject in its
	// list; it is not shown in the email itself. Empty: none.
	Preheader string
	Body      htmltemplate.HTML
}

// footerLink is one item of the footer's contact line.
type footerLink struct{ Text, Href string }

// pageData is a Page with its footer worked out.
type pageData struct {
	Page
	Signer  string
	Contact []footerLink
}

// signer is the name the footer signs with: the legal name where there is one.
func (s Shop) signer() string {
	if s.LegalName != "" {
		return s.LegalName
	}
	return s.Name
}

// contact is the footer's contact line: the address (as a mailto: link),
// the phone and the web address (shown without its https://).
func (s Shop) contact() []footerLink {
	var out []footerLink
	if s.Email != "" {
		out = append(out, footerLink{s.Email, "mailto:" + s.Email})
	}
	if s.Phone != "" {
		out = append(out, footerLink{Text: s.Phone})
	}
	if u, ok := webURL(s.Website); ok {
		out = append(out, footerLink{strings.TrimSuffix(u.Host+u.EscapedPath(), "/"), u.String()})
	}
	return out
}

// TextFooter is the footer of an email's plain-text part, the same lines as
// the HTML footer after the "-- " signature mark; "" for a shop with nothing
// to sign with.
func TextFooter(s Shop) string {
	var lines []string
	if n := s.signer(); n != "" {
		lines = append(lines, n)
	}
	lines = append(lines, s.Address...)
	var c []string
	for _, l := range s.contact() {
		c = append(c, l.Text)
	}
	if len(c) > 0 {
		lines = append(lines, strings.Join(c, " · "))
	}
	if s.VATNumber != "" {
		lines = append(lines, "VAT no. "+s.VATNumber)
	}
	if len(lines) == 0 {
		return ""
	}
	return "\n\n-- \n" + strings.Join(lines, "\n") + "\n"
}

// Layout writes p as a whole HTML document. It renders well in Gmail,
// Outlook (Word engine) and Apple Mail: tables for structure, inline
// styles, no web fonts or scripts. It is also held to WCAG 2.1 AA (the
// e2e spec emails.a11y checks every template as a standalone page): the
// document names its language and is titled by the subject; its tables are
// role="presentation" so a screen reader reads the email, not a grid; every
// text has 4.5:1 contrast against its background (the footer #595959 on
// white is 7:1, its links too, underlined; the mail package's buttons white
// on #1864ab, 6.1:1). The seller's body keeps its own HTML.
func Layout(p Page) (string, error) {
	if p.Lang == "" {
		p.Lang = "en"
	}
	var b bytes.Buffer
	b.Grow(len(p.Body) + 2048)
	if err := layout.Execute(&b, pageData{Page: p, Signer: p.Shop.signer(), Contact: p.Shop.contact()}); err != nil {
		return "", TemplateError("email layout", err)
	}
	return b.String(), nil
}

var layout = htmltemplate.Must(htmltemplate.New("layout").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>{{.Subject}}</title></head>
<body style="margin:0;padding:0;background:#f4f5f7">
{{with .Preheader}}<div style="display:none;max-height:0;overflow:hidden;opacity:0">{{.}}</div>
{{end}}<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border-radius:8px">
{{with .Shop.Name}}<tr><td style="padding:20px 28px;border-bottom:1px solid #eee;font:bold 20px Arial,Helvetica,sans-serif;color:#222">{{.}}</td></tr>
{{end}}<tr><td style="padding:24px 28px;font:16px/1.5 Arial,Helvetica,sans-serif;color:#222">{{.Body}}</td></tr>
{{if or .Signer .Shop.Address .Contact .Shop.VATNumber}}<tr><td style="padding:16px 28px;border-top:1px solid #eee;font:12px/1.5 Arial,Helvetica,sans-serif;color:#595959">
{{- .Signer}}{{range $i, $l := .Shop.Address}}{{if or $i $.Signer}}<br>{{end}}{{$l}}{{end}}
{{- if .Contact}}{{if or .Signer .Shop.Address}}<br>{{end}}{{range $i, $c := .Contact}}{{if $i}} · {{end}}
{{- if $c.Href}}<a href="{{$c.Href}}" style="color:#595959;text-decoration:underline">{{$c.Text}}</a>{{else}}{{$c.Text}}{{end}}{{end}}{{end}}
{{- with .Shop.VATNumber}}<br>VAT no. {{.}}{{end}}</td></tr>
{{end}}</table></td></tr></table>
</body></html>
`))

// Language is the language an email of t is written in: its own (a
// built-in template in another language names it, and so does a seller's
// version of that template), else the shop's, else "en".
func (t Template) Language(shop Shop) string {
	if t.Lang != "" {
		return t.Lang
	}
	if b, ok := builtin[t.Name]; ok && b.Lang != "" {
		return b.Lang
	}
	if shop.Lang != "" {
		return shop.Lang
	}
	return "en"
}
