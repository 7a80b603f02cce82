package demo

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"time"
)

// csvWriter writes RFC 4180 rows the way Shopify does: fields are quoted
// only when they must be, except that some empty text columns are written as
// a quoted empty "" (formats.md 1.5). encoding/csv cannot write "" for an
// empty field, hence this small writer.
type csvWriter struct {
	w *bufio.Writer
}

func newCSVWriter(w io.Writer) *csvWriter { return &csvWriter{w: bufio.NewWriterSize(w, 1<<20)} }

// row writes fields; quoteEmpty[i] asks for "" when field i is empty.
func (c *csvWriter) row(fields []string, quoteEmpty []bool) error {
	w := c.w
	for i, f := range fields {
		if i > 0 {
			w.WriteByte(',')
		}
		switch {
		case f == "":
			if quoteEmpty != nil && quoteEmpty[i] {
				w.WriteString(`""`)
			}
		case strings.ContainsAny(f, ",\"\r\n") || f[0] == ' ':
			w.WriteByte('"')
			w.WriteString(strings.ReplaceAll(f, `"`, `""`))
			w.WriteByte('"')
		default:
			w.WriteString(f)
		}
	}
	return w.WriteByte('\n')
}

func (c *csvWriter) flush() error { return c.w.Flush() }

// money formats minor units as Shopify does: 1500.00, -3.50.
func money(cents int64) string {
	neg := cents < 0
	if neg {
		cents = -cents
	}
	b := make([]byte, 0, 12)
	if neg {
		b = append(b, '-')
	}
	b = strconv.AppendInt(b, cents/100, 10)
	b = append(b, '.', byte('0'+cents%100/10), byte('0'+cents%10))
	return string(b)
}

// moneyOrBlank leaves zero amounts empty (compare-at prices).
func moneyOrBlank(cents int64) string {
	if cents == 0 {
		return ""
	}
	return money(cents)
}

// shopTime is Shopify's export time format; the demo exports in UTC.
func shopTime(t time.Time) string { return t.UTC().Format("2006-01-02 15:04:05 -0700") }

func shopTimePtr(t *time.Time) string {
	if t == nil {
		return ""
	}
	return shopTime(*t)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// spreadsheetSafe prefixes numeric-looking zips, phones and ids with an
// apostrophe, as Shopify does so spreadsheets keep leading zeros.
func spreadsheetSafe(s string) string {
	if s == "" {
		return s
	}
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c == '+' || c == ' ') {
			return s
		}
	}
	return "'" + s
}

// columns maps a header to column positions.
type columns map[string]int

func newColumns(header []string) columns {
	m := columns{}
	for i, h := range header {
		m[h] = i
	}
	return m
}

// at returns a header's position; a missing name is a programming error.
func (c columns) at(name string) int {
	i, ok := c[name]
	if !ok {
		panic("demo: no CSV column " + name)
	}
	return i
}

func quoteMask(header []string, names ...string) []bool {
	m := make([]bool, len(header))
	c := newColumns(header)
	for _, n := range names {
		m[c.at(n)] = true
	}
	return m
}
