package email

import (
	"fmt"
	"html"
	"maps"
	"regexp"
	"slices"
	"strings"

	"shopclerk/backend/domain"
)

// This file holds what every renderer of Shopclerk's templates shares (the
// engine's Fallback and the mail package's designed templates): the
// functions a template can call, the plain-text version of an HTML body, and
// the seller-facing wording of a template that does not parse or names a
// variable that does not exist.

var (
	linkRe   = regexp.MustCompile(`(?is)<a\s[^>]*href="([^"]*)"[^>]*>(.*?)</a>`)
	blockRe  = regexp.MustCompile(`(?i)</?(p|div|br|tr|li|h[1-6]|table)[^>]*>`)
	cellRe   = regexp.MustCompile(`(?i)</td>\s*<td[^>]*>`)
	tagsRe   = regexp.MustCompile(`(?s)<[^>]*>`)
	spacesRe = regexp.MustCompile(`[ \t]+`)
	blanksRe = regexp.MustCompile(`\n\s*\n(\s*\n)+`)
)

// Funcs are the functions an email template can call, the same in
// the engine's Fallback (which checks a flow's custom emails when it
// is saved) and the mail package's Templates (which render what customers
// get), so an email that one accepts the other renders. Each call returns a
// fresh map: no renderer can change another's.
func Funcs() map[string]any {
	return map[string]any{
		"join":  strings.Join,    // {{join .Order.ShippingAddress ", "}}
		"upper": strings.ToUpper, // {{upper .Coupon.Code}}
	}
}

// funcNames lists the template functions for a seller: "join or upper".
func funcNames() string {
	names := slices.Sorted(maps.Keys(Funcs()))
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// HTMLToText is the plain-text version of an HTML body: blocks on their own
// lines, table cells side by side (one space apart), links written out as
// "label (url)" so a reader of the text part can still follow them.
func HTMLToText(h string) string {
	s := linkRe.ReplaceAllString(h, "$2 ($1)")
	s = cellRe.ReplaceAllString(s, " ")
	s = blockRe.ReplaceAllString(s, "\n")
	s = tagsRe.ReplaceAllString(s, "")
	// Every entity, numeric ones included: html/template writes a "+" in a
	// value as &#43;. A no-break space is a space in plain text.
	s = strings.ReplaceAll(html.UnescapeString(s), "\u00a0", " ")
	s = spacesRe.ReplaceAllString(s, " ")
	lines := strings.Split(s, "\n")
	for i := range lines {
		lines[i] = strings.TrimSpace(lines[i])
	}
	return strings.TrimSpace(blanksRe.ReplaceAllString(strings.Join(lines, "\n"), "\n\n"))
}

var (
	// fieldErr finds what a template names that does not exist: a field,
	// a {{.Vars.x}} the step does not set, or a function.
	fieldErr = regexp.MustCompile(`can't evaluate field (\w+)|map has no entry for key "?(\w+)"?|function "(\w+)" not defined`)
	// posErr takes Go's "template: body:3:14: executing "body" at <.X>: ..."
	// apart into the line, the action and the complaint.
	posErr = regexp.MustCompile(`^template: [^:]+:(\d+)(?::\d+)?: (?:executing "[^"]*" at <([^>]*)>: )?(.*)$`)
)

// TemplateError words a template failure for the seller: which variable is
// unknown, or on which line the syntax is wrong. part names what failed
// ("email subject", "email body", "task"). The Go error stays the cause,
// for the log.
func TemplateError(part string, err error) error {
	msg := err.Error()
	line, action := "", ""
	if m := posErr.FindStringSubmatch(msg); m != nil {
		line, action, msg = m[1], m[2], m[3]
	}
	where := ""
	if line != "" {
		where = " (line " + line + ")"
	}
	if m := fieldErr.FindStringSubmatch(msg); m != nil {
		if m[2] != "" {
			// A missing map key can only be one of the step's own
			// variables: .Vars is the only map in the data.
			return domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("the %s uses {{.Vars.%s}}%s, which the automation step does not set",
				part, m[2], where))
		}
		if m[3] != "" {
			return domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("the %s calls %q%s, which is not a template function; use %s",
				part, m[3], where, funcNames()))
		}
		name := m[1]
		used := ""
		if action != "" {
			used = " in {{" + action + "}}"
		}
		return domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("the %s uses %q%s%s, which Shopclerk does not know; use one of .Customer, .Order, .Cart, .Shipment, .Coupon, .Product, .PurchaseOrder, .Shop or .Vars",
			part, name, used, where))
	}
	return domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("the %s has a mistake%s: %s", part, where, msg))
}
