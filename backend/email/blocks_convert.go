package email

import (
	"html"
	"regexp"
	"strings"
)

// This file reads a template's HTML body back as blocks, so every template
// opens in the block editor: the built-in and designed ones exactly (the
// tests render each both ways and compare the text a customer reads), the
// block editor's own HTML, and a seller's hand-written HTML where it keeps
// to paragraphs, headings, links, bold and italic. Anything else opens as
// one HTML block holding the body unchanged, never as an error.

// fixedBlocks are the HTML fragments that stand for one block as they are:
// every product list, the coupon, the summary, the divider and the
// spacer BlocksHTML writes, and the line lists of the built-in flow emails.
var fixedBlocks = func() []struct {
	html  string
	block Block
} {
	type fb = struct {
		html  string
		block Block
	}
	out := []fb{
		{builtinOrderLines, Block{Kind: BlockProducts, Lines: LinesOrder, Column: ColumnTotal}},
		{builtinCartLines, Block{Kind: BlockProducts, Lines: LinesCart, Column: ColumnNone}},
		{POLinesHTML, Block{Kind: BlockProducts, Lines: LinesPurchaseOrder}},
		{couponHTML, Block{Kind: BlockCoupon}},
		{summaryHTML, Block{Kind: BlockSummary}},
		{dividerHTML, Block{Kind: BlockDivider}},
		{spacerHTML, Block{Kind: BlockSpacer}},
		{logoHTML, Block{Kind: BlockImage, Logo: true}},
	}
	for _, src := range []LineSource{LinesOrder, LinesCart} {
		for _, col := range []LineColumn{ColumnTotal, ColumnPrice, ColumnNone} {
			out = append(out, fb{linesHTML(src, col), Block{Kind: BlockProducts, Lines: src, Column: col}})
		}
	}
	return out
}()

var (
	buttonRe = regexp.MustCompile(`^` + regexp.QuoteMeta(`<table role="presentation" cellpadding="0" cellspacing="0" style="margin:20px 0"><tr><td style="background:#1864ab;border-radius:6px"><a href="`) +
		`([^"]*)` + regexp.QuoteMeta(`" style="display:inline-block;padding:12px 22px;color:#ffffff;text-decoration:none;font-weight:bold">`) +
		`([^<]*)` + regexp.QuoteMeta(`</a></td></tr></table>`))
	headingRe = regexp.MustCompile(`(?is)^<h([1-6])(?:\s[^>]*)?>(.*?)</h([1-6])>`)
	paraRe    = regexp.MustCompile(`(?is)^<p>(.*?)</p>`)
	ifParaRe  = regexp.MustCompile(`(?is)^\{\{if (\.[\w.]+)\}\}<p>(.*?)</p>\{\{end\}\}`)
	withRe    = regexp.MustCompile(`(?is)^\{\{with (\.[\w.]+)\}\}<p>\{\{\.\}\}</p>\{\{end\}\}`)
	imgRe     = regexp.MustCompile(`(?is)^<img\s([^>]*?)/?>`)
	hrRe      = regexp.MustCompile(`(?i)^<hr[^>]*>`)
	attrRe    = regexp.MustCompile(`(?i)\b(src|alt|href)="([^"]*)"`)
	tagRe     = regexp.MustCompile(`^<(/?)([A-Za-z][A-Za-z0-9]*)([^>]*)>`)
	// controlRe is an action that is not a value: inline text can show
	// variables but not loop or branch.
	controlRe = regexp.MustCompile(`^\{\{-?\s*(if|else|end|range|with|define|template|block|break|continue|/\*)\b`)
)

// HTMLToBlocks reads an HTML body as blocks. exact is false when it
// could not, and the body is then one HTML block holding it unchanged.
func HTMLToBlocks(src string) (blocks []Block, exact bool) {
	fallback := []Block{{Kind: BlockHTML, Text: src}}
	s := src
	for {
		s = strings.TrimLeft(s, " \t\r\n")
		if s == "" {
			break
		}
		b, n, ok := nextBlock(s)
		if !ok {
			return fallback, false
		}
		blocks = append(blocks, b)
		s = s[n:]
	}
	if len(blocks) == 0 {
		return fallback, false
	}
	return blocks, true
}

// nextBlock reads the one block s starts with, and its length.
func nextBlock(s string) (Block, int, bool) {
	for _, f := range fixedBlocks {
		if strings.HasPrefix(s, f.html) {
			return f.block, len(f.html), true
		}
	}
	if m := buttonRe.FindStringSubmatch(s); m != nil {
		return Block{Kind: BlockButton, URL: html.UnescapeString(m[1]), Text: html.UnescapeString(m[2])}, len(m[0]), true
	}
	if m := withRe.FindStringSubmatch(s); m != nil {
		return Block{Kind: BlockText, Text: "{{" + m[1] + "}}", If: m[1]}, len(m[0]), true
	}
	if m := ifParaRe.FindStringSubmatch(s); m != nil {
		if t, ok := markupOf(m[2]); ok {
			return Block{Kind: BlockText, Text: t, If: m[1]}, len(m[0]), true
		}
		return Block{}, 0, false
	}
	if m := headingRe.FindStringSubmatch(s); m != nil && m[1] == m[3] {
		if t, ok := markupOf(m[2]); ok {
			return Block{Kind: BlockHeading, Text: t}, len(m[0]), true
		}
		return Block{}, 0, false
	}
	if m := paraRe.FindStringSubmatch(s); m != nil {
		if t, ok := markupOf(m[1]); ok {
			return Block{Kind: BlockText, Text: t}, len(m[0]), true
		}
		return Block{}, 0, false
	}
	if m := imgRe.FindStringSubmatch(s); m != nil {
		b := Block{Kind: BlockImage}
		for _, a := range attrRe.FindAllStringSubmatch(m[1], -1) {
			switch strings.ToLower(a[1]) {
			case "src":
				b.URL = html.UnescapeString(a[2])
			case "alt":
				b.Text = html.UnescapeString(a[2])
			}
		}
		return b, len(m[0]), b.URL != ""
	}
	if m := hrRe.FindString(s); m != "" {
		return Block{Kind: BlockDivider}, len(m), true
	}
	return Block{}, 0, false
}

// markupOf writes a paragraph's or heading's inner HTML as inline markup;
// ok is false when it holds anything but text, variables, links, bold,
// italic and line breaks.
func markupOf(h string) (string, bool) {
	var b strings.Builder
	var hrefs []string
	for i := 0; i < len(h); {
		switch {
		case strings.HasPrefix(h[i:], "{{"):
			end := strings.Index(h[i:], "}}")
			if end < 0 || controlRe.MatchString(h[i:]) {
				return "", false
			}
			b.WriteString(h[i : i+end+2])
			i += end + 2
		case h[i] == '<':
			m := tagRe.FindStringSubmatch(h[i:])
			if m == nil {
				return "", false
			}
			closing, name := m[1] == "/", strings.ToLower(m[2])
			switch name {
			case "b", "strong":
				b.WriteString("**")
			case "i", "em":
				b.WriteString("*")
			case "br":
				b.WriteString("\n")
			case "a":
				if closing {
					if len(hrefs) == 0 {
						return "", false
					}
					b.WriteString("](" + hrefs[len(hrefs)-1] + ")")
					hrefs = hrefs[:len(hrefs)-1]
					break
				}
				var href string
				for _, a := range attrRe.FindAllStringSubmatch(m[3], -1) {
					if strings.ToLower(a[1]) == "href" {
						href = html.UnescapeString(a[2])
					}
				}
				if href == "" || strings.ContainsAny(href, "()") && !actionRe.MatchString(href) {
					return "", false
				}
				hrefs = append(hrefs, href)
				b.WriteString("[")
			default:
				return "", false
			}
			i += len(m[0])
		default:
			j := i
			for j < len(h) && h[j] != '<' && !strings.HasPrefix(h[j:], "{{") {
				j++
			}
			t := strings.NewReplacer("\r\n", " ", "\n", " ").Replace(html.UnescapeString(h[i:j]))
			for _, c := range t {
				if strings.ContainsRune(markupChars, c) {
					b.WriteByte('\\')
				}
				b.WriteRune(c)
			}
			i = j
		}
	}
	return b.String(), len(hrefs) == 0
}
