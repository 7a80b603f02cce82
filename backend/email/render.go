package email

import (
	"bytes"
	"context"
	"fmt"
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

// Fallback renders the built-in templates (or a seller's override)
// with html/template, inside a plain layout. It exists so the engine can show
// and queue real emails before the mail package offers designed templates.
type Fallback struct{}

var _ Renderer = Fallback{}

// Lookup finds a built-in template.
func (Fallback) Lookup(name string) (Template, bool) {
	t, ok := builtin[name]
	return t, ok
}

// funcs serve the emails and task texts of flows (Funcs).
var funcs = Funcs()

// Render executes subject and body. An unknown variable or field is an
// error (missingkey=error), never an empty hole in a customer's email.
func (Fallback) Render(t Template, data Data) (Rendered, error) {
	out := Rendered{Template: t.Name}
	st, err := texttemplate.New("subject").Option("missingkey=error").Funcs(funcs).Parse(t.Subject)
	if err != nil {
		return out, TemplateError("email subject", err)
	}
	var sb bytes.Buffer
	if err := st.Execute(&sb, data); err != nil {
		return out, TemplateError("email subject", err)
	}
	out.Subject = strings.Join(strings.Fields(sb.String()), " ")
	bt, err := htmltemplate.New("body").Option("missingkey=error").Funcs(funcs).Parse(t.HTML)
	if err != nil {
		return out, TemplateError("email body", err)
	}
	var bb bytes.Buffer
	if err := bt.Execute(&bb, data); err != nil {
		return out, TemplateError("email body", err)
	}
	out.HTML = fmt.Sprintf(layout, htmltemplate.HTMLEscapeString(out.Subject), bb.String(), htmltemplate.HTMLEscapeString(data.Shop.Name))
	out.Text = HTMLToText(bb.String())
	return out, nil
}

const layout = `<!doctype html><html><head><meta charset="utf-8"><title>%s</title></head>` +
	`<body style="font-family:sans-serif;max-width:600px;margin:auto;color:#222">%s` +
	`<p style="color:#888;font-size:12px">%s</p></body></html>`

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
