package email

import (
	"bytes"
	"context"
	htmltemplate "html/template"
	"sort"
	"strings"
	texttemplate "text/template"
)

// Renderer renders a template with data. The mail package may supply its own
// (its templates, its layout); Fallback is the engine's minimal one.
type Renderer interface {
	Lookup(name string) (Template, bool)
	Render(t Template, data Data) (Rendered, error)
}

// RendererSnapshot is a Renderer whose templates can change while an
// engine lives (the seller edits them in Settings). Each plan and each run
// renders from one snapshot taken at its start, so a plan never mixes two
// versions of a template and a saved edit applies from the next plan on.
type RendererSnapshot interface {
	Renderer
	Snapshot(ctx context.Context) (Renderer, error)
}

// Fallback renders the built-in templates (or a seller's override) with
// html/template, inside the same Layout as the mail package's. It exists so
// the engine can show and queue real emails before the mail package offers
// designed templates.
type Fallback struct{}

var _ Renderer = Fallback{}

// Lookup finds a built-in template.
func (Fallback) Lookup(name string) (Template, bool) {
	t, ok := builtin[name]
	return t, ok
}

// funcs serve the emails and task texts of flows (Funcs).
var funcs = Funcs()

// Parsed is a template parsed once, with the functions and the refusal of
// unknown names every renderer shares, so a template one renderer accepts
// the other renders, and a mistake is worded the same by both.
type Parsed struct {
	subject *texttemplate.Template
	body    *htmltemplate.Template
	text    *texttemplate.Template // the seller's plain-text version, if any
}

// Parse parses subject, HTML body and, when there is one, the seller's
// plain-text version. An unknown variable or field is an error when the
// template is executed (missingkey=error), never an empty hole in a
// customer's email.
func Parse(t Template) (*Parsed, error) {
	st, err := texttemplate.New("subject").Option("missingkey=error").Funcs(funcs).Parse(t.Subject)
	if err != nil {
		return nil, TemplateError("email subject", err)
	}
	bt, err := htmltemplate.New("body").Option("missingkey=error").Funcs(funcs).Parse(t.HTML)
	if err != nil {
		return nil, TemplateError("email body", err)
	}
	p := &Parsed{subject: st, body: bt}
	if strings.TrimSpace(t.Text) != "" {
		if p.text, err = texttemplate.New("plain text").Option("missingkey=error").Funcs(funcs).Parse(t.Text); err != nil {
			return nil, TemplateError("email plain text", err)
		}
	}
	return p, nil
}

// Execute renders the subject (as written, spaces and all), the HTML body
// without a layout, and the seller's plain text, "" when the template has
// none (then the text part is HTMLToText of the body).
func (p *Parsed) Execute(data Data) (subject, body, text string, err error) {
	var b bytes.Buffer
	if err := p.subject.Execute(&b, data); err != nil {
		return "", "", "", TemplateError("email subject", err)
	}
	subject = b.String()
	b.Reset()
	if err := p.body.Execute(&b, data); err != nil {
		return "", "", "", TemplateError("email body", err)
	}
	body = b.String()
	if p.text != nil {
		b.Reset()
		if err := p.text.Execute(&b, data); err != nil {
			return "", "", "", TemplateError("email plain text", err)
		}
		text = b.String()
	}
	return subject, body, text, nil
}

// Render executes subject and body inside the Layout. The engine
// checks a flow's own emails with it, which have no plain-text version:
// the text part is always derived from the body.
func (Fallback) Render(t Template, data Data) (Rendered, error) {
	out := Rendered{Template: t.Name}
	p, err := Parse(Template{Subject: t.Subject, HTML: t.HTML})
	if err != nil {
		return out, err
	}
	subject, body, _, err := p.Execute(data)
	if err != nil {
		return out, err
	}
	out.Subject = strings.Join(strings.Fields(subject), " ")
	if out.HTML, err = Layout(Page{Lang: t.Language(data.Shop), Subject: out.Subject, Shop: data.Shop,
		Body: htmltemplate.HTML(body)}); err != nil {
		return out, err
	}
	out.Text = HTMLToText(body) + TextFooter(data.Shop)
	return out, nil
}

// TemplateNames lists the built-in email templates, sorted.
func TemplateNames() []string {
	out := make([]string, 0, len(builtin))
	for n := range builtin {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// RenderText executes a plain-text template, such as a task's title and
// detail, with the same functions and the same refusal of unknown names as
// an email. part names it in a mistake ("task").
func RenderText(part, src string, data Data) (string, error) {
	t, err := texttemplate.New("t").Option("missingkey=error").Funcs(funcs).Parse(src)
	if err != nil {
		return "", TemplateError(part, err)
	}
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return "", TemplateError(part, err)
	}
	return b.String(), nil
}
