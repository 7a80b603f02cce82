package email

import (
	htmltemplate "html/template"
	"regexp"
	"strings"
)

// This file is the block editor's side of a template: an email edited as a
// list of blocks (heading, text, button, product list, coupon, order
// summary, image, divider, spacer, or a piece of the seller's own HTML)
// rather than as HTML. The blocks are written out here as the template's
// HTML body, Go template actions and all, so the outbox, the rules engine
// and the preview render a block template exactly like any other: same
// Parse, same Layout and footer, same HTMLToText for the plain-text part.
// The blocks themselves are kept beside the HTML (email_templates.blocks)
// so the editor reopens what the seller built, not a re-reading of it.

// BlockKind is what a block is.
type BlockKind string

const (
	BlockHeading  BlockKind = "heading"
	BlockText     BlockKind = "text"
	BlockButton   BlockKind = "button"
	BlockProducts BlockKind = "products"
	BlockCoupon   BlockKind = "coupon"
	BlockSummary  BlockKind = "summary"
	BlockImage    BlockKind = "image"
	BlockDivider  BlockKind = "divider"
	BlockSpacer   BlockKind = "spacer"
	// BlockHTML is the seller's own HTML, kept as written: a saved
	// template the converter cannot read as blocks opens as one of these.
	BlockHTML BlockKind = "html"
)

// BlockKinds lists the kinds in the order the editor offers them.
var BlockKinds = []BlockKind{BlockHeading, BlockText, BlockButton, BlockProducts, BlockCoupon, BlockSummary,
	BlockImage, BlockDivider, BlockSpacer, BlockHTML}

// LineSource is whose lines a product list shows.
type LineSource string

const (
	LinesOrder         LineSource = "order"
	LinesCart          LineSource = "cart"
	LinesPurchaseOrder LineSource = "purchase_order"
)

// LineColumn is the amount a product list shows beside each line.
type LineColumn string

const (
	ColumnTotal LineColumn = "total" // quantity × price
	ColumnPrice LineColumn = "price" // the unit price
	ColumnNone  LineColumn = "none"
)

// Block is one block of an email. Which fields count depends on Kind:
//   - heading, text: Text, in the editor's inline markup (**bold**,
//     *italic*, [label](link), a line break as a new line; variables as
//     {{.Customer.FirstName}}); no raw HTML. A text block with If is shown
//     only when that variable is not empty (If ".PurchaseOrder.Note").
//   - button: Text is the label, URL the link (a variable such as
//     {{.Cart.RecoveryURL}} or an http(s) address).
//   - products: Lines and Column.
//   - image: URL (http or https) and Text, its description (alt text);
//     or Logo, the shop's logo (carried inside the email, see logoHTML).
//   - html: Text is the HTML, as the seller wrote it.
type Block struct {
	Kind   BlockKind  `json:"kind"`
	Text   string     `json:"text,omitempty"`
	URL    string     `json:"url,omitempty"`
	Lines  LineSource `json:"lines,omitempty"`
	Column LineColumn `json:"column,omitempty"`
	If     string     `json:"if,omitempty"`
	Logo   bool       `json:"logo,omitempty"`
}

// Doc is how blocks are stored beside a template: versioned, so a later
// shape of a block can read an older document.
type Doc struct {
	Version int     `json:"version"`
	Blocks  []Block `json:"blocks"`
}

// DocVersion is the version BlocksHTML writes.
const DocVersion = 1

// Styles of the fixed blocks. The product tables and the button are the
// designed templates' own (the mail package builds its defaults from
// them), so a default read as blocks writes back the same HTML.
const (
	tableOpen   = `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:16px 0">`
	cellStyle   = `padding:6px 0;border-bottom:1px solid #eee`
	headingTag  = `<h2 style="margin:0 0 12px;font:bold 22px/1.3 Arial,Helvetica,sans-serif;color:#222">`
	dividerHTML = `<hr style="border:0;border-top:1px solid #e5e5e5;margin:20px 0">`
	spacerHTML  = `<div style="height:24px;line-height:24px">&nbsp;</div>`
	imageStyle  = `display:block;max-width:100%;height:auto;margin:16px 0;border:0`
)

// OrderLinesHTML, CartLinesHTML and POLinesHTML are the designed
// templates' line tables (the mail package's defaults use them).
const (
	OrderLinesHTML = tableOpen + `{{range .Order.Lines}}<tr><td style="` + cellStyle + `">{{.Quantity}} × {{.Name}}</td>` +
		`<td align="right" style="` + cellStyle + `">{{.Total}}</td></tr>{{end}}</table>`
	CartLinesHTML = `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:16px 0">` +
		`{{range .Cart.Lines}}<tr><td style="padding:4px 0">{{.Quantity}} × {{.Name}}</td><td align="right">{{.Price}}</td></tr>{{end}}</table>`
	POLinesHTML = tableOpen + `{{range .PurchaseOrder.Lines}}<tr><td style="` + cellStyle + `;white-space:nowrap">{{.Quantity}} x {{.SKU}}</td>` +
		`<td style="padding:6px 0 6px 12px;border-bottom:1px solid #eee">{{.Name}}</td></tr>{{end}}</table>`
)

// Button is a call-to-action link drawn as a button Outlook renders too (a
// cell with a background). Its label says where it goes, as a screen reader
// lists an email's links by their text; white bold on #1864ab is 6.1:1
// (WCAG AA asks 4.5:1 for text of this size). href and label are written
// as given: the caller escapes them.
func Button(href, label string) string {
	return `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:20px 0"><tr><td style="background:#1864ab;border-radius:6px">` +
		`<a href="` + href + `" style="display:inline-block;padding:12px 22px;color:#ffffff;text-decoration:none;font-weight:bold">` + label + `</a></td></tr></table>`
}

// linesHTML is a product list's table.
func linesHTML(src LineSource, col LineColumn) string {
	switch src {
	case LinesPurchaseOrder:
		return POLinesHTML
	case LinesCart:
		if col == ColumnPrice {
			return CartLinesHTML
		}
	case LinesOrder:
		if col == ColumnTotal || col == "" {
			return OrderLinesHTML
		}
	}
	part := "Order"
	if src == LinesCart {
		part = "Cart"
	}
	amount := ""
	switch col {
	case ColumnTotal, "":
		amount = `<td align="right" style="` + cellStyle + `">{{.Total}}</td>`
	case ColumnPrice:
		amount = `<td align="right" style="` + cellStyle + `">{{.Price}}</td>`
	}
	return tableOpen + `{{range .` + part + `.Lines}}<tr><td style="` + cellStyle + `">{{.Quantity}} × {{.Name}}</td>` + amount + `</tr>{{end}}</table>`
}

// couponHTML is the coupon block: the code large, its value and validity
// under it. #1864ab on white is 6.1:1.
const couponHTML = `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:16px 0"><tr>` +
	`<td align="center" style="padding:16px;border:2px dashed #1864ab;border-radius:6px">` +
	`<div style="font:bold 24px/1.3 Arial,Helvetica,sans-serif;letter-spacing:2px;color:#1864ab">{{.Coupon.Code}}</div>` +
	`<div>{{.Coupon.Description}}, valid until {{.Coupon.ExpiresOn}}</div></td></tr></table>`

// summaryHTML is the order summary block: the order's amounts, the total bold.
var summaryHTML = func() string {
	row := func(label, v string) string {
		return `<tr><td style="padding:2px 0">` + label + `</td><td align="right" style="padding:2px 0">{{.Order.` + v + `}}</td></tr>`
	}
	return tableOpen + row("Subtotal", "Subtotal") + row("Shipping", "Shipping") + row("Discount", "Discount") + row("Taxes", "Taxes") +
		`<tr><td style="padding:6px 0;border-top:1px solid #eee"><strong>Total</strong></td>` +
		`<td align="right" style="padding:6px 0;border-top:1px solid #eee"><strong>{{.Order.Total}}</strong></td></tr></table>`
}()

// logoHTML is the image block of the shop's logo: the inline part named
// LogoCID, which the mail package embeds when it sends. Where the shop has
// no logo fit for email the image is replaced by its alt text, the shop's
// name; the src-then-alt order is what that replacement reads.
const logoHTML = `<img src="cid:` + LogoCID + `" alt="{{.Shop.Name}}" height="64" style="display:block;height:64px;width:auto;max-width:240px;border:0;margin:16px 0">`

// BlocksHTML writes blocks as a template's HTML body. It does not check
// them (CheckBlocks does); a block of an unknown kind writes nothing.
func BlocksHTML(blocks []Block) string {
	var b strings.Builder
	for _, bl := range blocks {
		switch bl.Kind {
		case BlockHeading:
			b.WriteString(headingTag + inlineHTML(bl.Text) + "</h2>")
		case BlockText:
			p := "<p>" + inlineHTML(bl.Text) + "</p>"
			if bl.If != "" {
				p = "{{if " + bl.If + "}}" + p + "{{end}}"
			}
			b.WriteString(p)
		case BlockButton:
			b.WriteString(Button(escapeKeepingActions(bl.URL), escapeKeepingActions(bl.Text)))
		case BlockProducts:
			b.WriteString(linesHTML(bl.Lines, bl.Column))
		case BlockCoupon:
			b.WriteString(couponHTML)
		case BlockSummary:
			b.WriteString(summaryHTML)
		case BlockImage:
			if bl.Logo {
				b.WriteString(logoHTML)
				break
			}
			b.WriteString(`<img src="` + escapeKeepingActions(bl.URL) + `" alt="` + escapeKeepingActions(bl.Text) + `" style="` + imageStyle + `">`)
		case BlockDivider:
			b.WriteString(dividerHTML)
		case BlockSpacer:
			b.WriteString(spacerHTML)
		case BlockHTML:
			b.WriteString(bl.Text)
		}
	}
	return b.String()
}

// actionRe finds a template action ({{.Order.Name}}, {{join .X ", "}}).
var actionRe = regexp.MustCompile(`\{\{.*?\}\}`)

// escapeKeepingActions escapes text for HTML but leaves its template
// actions as they are: html/template escapes what they print.
func escapeKeepingActions(s string) string {
	var b strings.Builder
	last := 0
	for _, m := range actionRe.FindAllStringIndex(s, -1) {
		b.WriteString(htmltemplate.HTMLEscapeString(s[last:m[0]]))
		b.WriteString(s[m[0]:m[1]])
		last = m[1]
	}
	b.WriteString(htmltemplate.HTMLEscapeString(s[last:]))
	return b.String()
}

// inlineHTML writes the inline markup of a heading or text block as HTML:
// **bold**, *italic*, [label](link), a new line as <br>, a backslash
// before a markup character to write it as itself. Actions are copied as
// they are. Every tag it opens it closes, whatever the seller typed.
func inlineHTML(s string) string {
	var b strings.Builder
	var open []string // the tags open now, innermost last
	toggle := func(tag string) {
		if n := len(open); n > 0 && open[n-1] == tag {
			b.WriteString("</" + tag + ">")
			open = open[:n-1]
			return
		}
		b.WriteString("<" + tag + ">")
		open = append(open, tag)
	}
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], "{{"):
			end := strings.Index(s[i:], "}}")
			if end < 0 {
				b.WriteString(htmltemplate.HTMLEscapeString(s[i:]))
				i = len(s)
				continue
			}
			b.WriteString(s[i : i+end+2])
			i += end + 2
		case s[i] == '\\' && i+1 < len(s) && strings.IndexByte(markupChars, s[i+1]) >= 0:
			b.WriteString(htmltemplate.HTMLEscapeString(s[i+1 : i+2]))
			i += 2
		case strings.HasPrefix(s[i:], "**"):
			toggle("strong")
			i += 2
		case s[i] == '*':
			toggle("em")
			i++
		case s[i] == '[':
			label, href, n, ok := link(s[i:])
			if !ok {
				b.WriteString("[")
				i++
				continue
			}
			b.WriteString(`<a href="` + escapeKeepingActions(href) + `">` + inlineHTML(label) + `</a>`)
			i += n
		case s[i] == '\n':
			b.WriteString("<br>")
			i++
		default:
			j := i + 1
			for j < len(s) && strings.IndexByte(markupChars+"{\n", s[j]) < 0 {
				j++
			}
			b.WriteString(htmltemplate.HTMLEscapeString(s[i:j]))
			i = j
		}
	}
	for n := len(open) - 1; n >= 0; n-- {
		b.WriteString("</" + open[n] + ">")
	}
	return b.String()
}

// markupChars are the characters inline markup gives a meaning.
const markupChars = `*[]\`

// link reads "[label](href)" at the start of s: the label, the link and
// how many bytes it took. A link may be a variable ({{.Cart.RecoveryURL}}).
func link(s string) (label, href string, n int, ok bool) {
	depth := 0
	for i := 1; i < len(s); i++ {
		if j := skipped(s, i); j > i {
			i = j - 1
			continue
		}
		switch {
		case s[i] == '[':
			depth++
		case s[i] == ']' && depth > 0:
			depth--
		case s[i] == ']':
			if !strings.HasPrefix(s[i+1:], "(") {
				return "", "", 0, false
			}
			rest := s[i+2:]
			end := strings.IndexByte(rest, ')')
			if end < 0 || strings.ContainsAny(rest[:end], " \n") && !actionRe.MatchString(rest[:end]) {
				return "", "", 0, false
			}
			return s[1:i], rest[:end], i + 2 + end + 1, true
		}
	}
	return "", "", 0, false
}

// links are the links of a text block's markup, for CheckBlocks.
func links(s string) []string {
	var out []string
	for i := 0; i < len(s); i++ {
		if j := skipped(s, i); j > i {
			i = j - 1
			continue
		}
		if s[i] == '[' {
			if label, href, n, ok := link(s[i:]); ok {
				out = append(out, href)
				out = append(out, links(label)...)
				i += n - 1
			}
		}
	}
	return out
}

// skipped is where markup reading goes on after an escaped character or
// an action starting at i, whose brackets are not markup; i when neither
// starts there.
func skipped(s string, i int) int {
	switch {
	case s[i] == '\\' && i+1 < len(s):
		return i + 2
	case strings.HasPrefix(s[i:], "{{"):
		if e := strings.Index(s[i:], "}}"); e >= 0 {
			return i + e + 2
		}
	}
	return i
}
