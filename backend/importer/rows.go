package importer

import (
	"strings"
	"time"
)

// mergeMode says how a partial record combines with what is stored.
type mergeMode int

const (
	mergeNone mergeMode = iota
	// mergeKeepLines: the file has order-level fields only (Etsy sold
	// orders); keep the stored lines.
	mergeKeepLines
	// mergeKeepHeader: the file has lines only (Etsy order items); keep the
	// stored order-level fields when there are any.
	mergeKeepHeader
)

// builder turns a preset's rows into records. Builders of grouped layouts
// (an order over several rows) hold the group until it ends.
type builder interface {
	row(r *rowCtx)
	end()
}

// env is what builders share for one file.
type env struct {
	file         string
	b            *binding
	opts         Options
	decimalComma bool
	// dateOrder is the decided order per column index.
	dateOrder map[int]DateOrder
	emit      func(Record)
	// reject and warn collect issues; rows that were rejected are counted.
	reject func(Issue)
	warn   func(Issue)
}

// rowCtx reads one record's cells through the binding, turning failures
// into issues instead of errors.
type rowCtx struct {
	e     *env
	cells []string
	num   int
	bad   bool
}

func (r *rowCtx) col(f Field) (int, bool) {
	i, ok := r.e.b.idx[f]
	if !ok || i >= len(r.cells) {
		return 0, false
	}
	return i, true
}

func (r *rowCtx) raw(f Field) string {
	i, ok := r.col(f)
	if !ok {
		return ""
	}
	return r.cells[i]
}

// str returns the field's cleaned text and flags identifiers that Excel
// turned into scientific notation.
func (r *rowCtx) str(f Field) string {
	i, ok := r.col(f)
	if !ok {
		return ""
	}
	s := cleanCell(r.cells[i])
	if codeFields[f] && len(s) > 2 && isScientific(s) {
		r.warnAt(f, s, "looks like a number Excel rewrote in scientific notation; its last digits are lost. Export again and import without opening the file in Excel")
	}
	return s
}

func (r *rowCtx) colName(f Field) string {
	if i, ok := r.e.b.idx[f]; ok && i < len(r.e.b.columns) {
		return strings.TrimSpace(r.e.b.columns[i])
	}
	return string(f)
}

func (r *rowCtx) rejectAt(f Field, value, reason string) {
	r.bad = true
	r.e.reject(Issue{File: r.e.file, Row: r.num, Column: r.colName(f), Value: value, Reason: reason})
}

func (r *rowCtx) warnAt(f Field, value, reason string) {
	r.e.warn(Issue{File: r.e.file, Row: r.num, Column: r.colName(f), Value: value, Reason: reason})
}

// money reads an amount in minor units of a currency with exp decimals.
func (r *rowCtx) money(f Field, exp int) int64 {
	s := r.str(f)
	if s == "" {
		return 0
	}
	v, err := parseMoney(s, exp, r.e.decimalComma)
	if err != nil {
		r.rejectAt(f, s, "is not an amount of money")
	}
	return v
}

func (r *rowCtx) qty(f Field) int {
	s := r.str(f)
	n, err := parseQuantity(s)
	if err != nil {
		r.rejectAt(f, s, "is not a whole number")
	}
	return n
}

func (r *rowCtx) boolean(f Field) bool {
	s := r.str(f)
	v, ok := parseBool(s)
	if !ok {
		r.warnAt(f, s, "is not yes/no; read as no")
	}
	return v
}

// date reads a date field; empty gives the zero time.
func (r *rowCtx) date(f Field) time.Time {
	s := r.str(f)
	if s == "" {
		return time.Time{}
	}
	i, _ := r.col(f)
	t, err := parseDate(s, r.e.dateOrder[i], r.e.opts.location())
	if err != nil {
		r.rejectAt(f, s, "is not a date Shopclerk can read")
	}
	return t
}

func (r *rowCtx) datePtr(f Field) *time.Time {
	t := r.date(f)
	if t.IsZero() {
		return nil
	}
	return &t
}

// zip reads a postcode and warns when Excel dropped its leading zeros.
func (r *rowCtx) zip(f Field, country string) string {
	z := r.str(f)
	if z == "-" {
		return ""
	}
	if zipLostZeros(z, country) {
		r.warnAt(f, z, "is shorter than this country's postcodes: Excel probably dropped its leading zeros")
	}
	return z
}

// splitName splits "Casey Fixture" into first and last name.
func splitName(full string) (string, string) {
	full = strings.Join(strings.Fields(full), " ")
	first, last, _ := strings.Cut(full, " ")
	return first, last
}

// own copies a cell's text out of its record. A cell is a slice of the whole
// record's string, so a key the Writer keeps for the batch (an email, a SKU)
// would otherwise keep the whole row alive: 40 MB at a million line items.
func own(s string) string { return strings.Clone(s) }
