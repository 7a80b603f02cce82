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

// pageData is what the layout template reads: a Page with its footer
// written out. Flat on purpose: a field reached through an embedded struct
// costs text/template a reflect lookup that allocates, on every email.
type pageData struct {
	Lang, Subject, Preheader, Shop string
	Heading, Body, Footer          htmltemplate.HTML
}

// signer is the name the footer signs with: the legal name where there is one.
func (s Shop) signer() string {
	if s.LegalName != "" {
		return s.LegalName
	}
	return s.Name
}

// site is the web address as the footer shows it (without https://) and
// links it, or "" when the shop has none (or one that is not http(s)).
func (s Shop) site() (text, href string) {
	u, ok := webURL(s.Website)
	if !ok {
		return "", ""
	}
	return strings.TrimSuffix(u.Host+u.EscapedPath(), "/"), u.String()
}

// footer writes the footer's lines: the signer, the address, then the
// email, phone and web address on one line, then the VAT number. esc
// escapes a text and link writes the web address; the HTML and the text
// footer differ only in those two.
func (s Shop) footer(b *strings.Builder, sep string, esc func(string) string, link func(text, href string) string) {
	start := b.Len()
	line := func(v string) {
		if b.Len() > start {
			b.WriteString(sep)
		}
		b.WriteString(v)
	}
	if n := s.signer(); n != "" {
		line(esc(n))
	}
	for _, l := range s.Address {
		line(esc(l))
	}
	contact := ""
	for _, v := range []string{s.Email, s.Phone} {
		if v != "" {
			if contact != "" {
				contact += " · "
			}
			contact += esc(v)
		}
	}
	if text, href := s.site(); text != "" {
		if contact != "" {
			contact += " · "
		}
		contact += link(text, href)
	}
	if contact != "" {
		line(contact)
	}
	if s.VATNumber != "" {
		line("VAT no. " + esc(s.VATNumber))
	}
}

// footerHTML is the footer as escaped HTML, written here rather than in
// the template: html/template escapes each action by its context, which
// for a dozen small pieces cost more than the rest of the layout. The one
// link is an http(s) address (webURL), escaped as an attribute value.
func (s Shop) footerHTML() htmltemplate.HTML {
	var b strings.Builder
	s.footer(&b, "<br>", htmltemplate.HTMLEscapeString, func(text, href string) string {
		return `<a href="` + htmltemplate.HTMLEscapeString(href) + `" style="color:#595959;text-decoration:underline">` +
			htmltemplate.HTMLEscapeString(text) + "</a>"
	})
	return htmltemplate.HTML(b.String())
}

// TextFooter is the footer of an email's plain-text part, the same lines as
// the HTML footer after the "-- " signature mark; "" for a shop with nothing
// to sign with.
func TextFooter(s Shop) string {
	const mark = "\n\n-- \n"
	var b strings.Builder
	b.Grow(128)
	b.WriteString(mark)
	s.footer(&b, "\n", func(v string) string { return v }, func(text, _ string) string { return text })
	if b.Len() == len(mark) {
		return ""
	}
	b.WriteByte('\n')
	return b.String()
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
	d := pageData{Lang: p.Lang, Subject: p.Subject, Preheader: p.Preheader, Shop: p.Shop.Name, Body: p.Body, Footer: p.Shop.footerHTML()}
	if p.Shop.Logo && p.Shop.Name != "" {
		d.Heading = htmltemplate.HTML(LogoImg(p.Shop.Name))
	}
	if err := layout.Execute(&b, d); err != nil {
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
{{with .Shop}}<tr><td style="padding:20px 28px;border-bottom:1px solid #eee;font:bold 20px Arial,Helvetica,sans-serif;color:#222">{{with $.Heading}}{{.}}{{else}}{{$.Shop}}{{end}}</td></tr>
{{end}}<tr><td style="padding:24px 28px;font:16px/1.5 Arial,Helvetica,sans-serif;color:#222">{{.Body}}</td></tr>
{{with .Footer}}<tr><td style="padding:16px 28px;border-top:1px solid #eee;font:12px/1.5 Arial,Helvetica,sans-serif;color:#595959">{{.}}</td></tr>
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
