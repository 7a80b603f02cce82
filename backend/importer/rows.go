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
	// lineSKUs links an order line without a SKU to the product with a
	// generated key whose name it carries (skuless.go); nil for other files.
	lineSKUs map[string]string
	// keys are the shop's generated keys, for a products or inventory file
	// whose rows may now carry the real SKU of one (takeover.go); nil when
	// the shop has none.
	keys *knownKeys
}

// rowCtx reads one record's cells through the binding, turning failures
// into issues instead of errors.
type rowCtx struct {
	e     *env
	cells []string
	num   int
	bad   bool
}

// colRef is a field's column, resolved once: builders of files that may be
// large (orders) keep their fields' colRefs and read cells by index, instead
// of through the binding's map for every cell of every row.
type colRef struct {
	f     Field
	n     int // the column's index + 1; 0 (the zero colRef) when the file has none for f
	code  bool
	order DateOrder
}

// ref resolves f's column (its date order too: ref is taken after prepare).
func (e *env) ref(f Field) colRef {
	c := colRef{f: f, code: codeFields[f]}
	if i, ok := e.b.idx[f]; ok {
		c.n, c.order = i+1, e.dateOrder[i]
	}
	return c
}

func (c colRef) ok() bool { return c.n > 0 }

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
func (r *rowCtx) str(f Field) string { return r.cell(r.e.ref(f)) }

// cell is str for a resolved column.
func (r *rowCtx) cell(c colRef) string {
	if c.n == 0 || c.n > len(r.cells) {
		return ""
	}
	s := cleanCell(r.cells[c.n-1])
	if c.code && len(s) > 2 && isScientific(s) {
		r.warnAt(c.f, s, "looks like a number Excel rewrote in scientific notation; its last digits are lost. Export again and import without opening the file in Excel")
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
func (r *rowCtx) money(f Field, exp int) int64 { return r.moneyAt(r.e.ref(f), exp) }

func (r *rowCtx) moneyAt(c colRef, exp int) int64 {
	s := r.cell(c)
	if s == "" {
		return 0
	}
	v, err := parseMoney(s, exp, r.e.decimalComma)
	if err != nil {
		r.rejectAt(c.f, s, "is not an amount of money")
	}
	return v
}

func (r *rowCtx) qty(f Field) int { return r.qtyAt(r.e.ref(f)) }

func (r *rowCtx) qtyAt(c colRef) int {
	s := r.cell(c)
	n, err := parseQuantity(s)
	if err != nil {
		r.rejectAt(c.f, s, "is not a whole number")
	}
	return n
}

func (r *rowCtx) boolean(f Field) bool { return r.booleanAt(r.e.ref(f)) }

func (r *rowCtx) booleanAt(c colRef) bool {
	s := r.cell(c)
	v, ok := parseBool(s)
	if !ok {
		r.warnAt(c.f, s, "is not yes/no; read as no")
	}
	return v
}

// date reads a date field; empty gives the zero time.
func (r *rowCtx) date(f Field) time.Time { return r.dateAt(r.e.ref(f)) }

func (r *rowCtx) dateAt(c colRef) time.Time {
	s := r.cell(c)
	if s == "" {
		return time.Time{}
	}
	t, err := parseDate(s, c.order, r.e.opts.location())
	if err != nil {
		r.rejectAt(c.f, s, "is not a date Shopclerk can read")
	}
	return t
}

func (r *rowCtx) datePtr(f Field) *time.Time { return r.datePtrAt(r.e.ref(f)) }

func (r *rowCtx) datePtrAt(c colRef) *time.Time {
	t := r.dateAt(c)
	if t.IsZero() {
		return nil
	}
	return &t
}

// zip reads a postcode and warns when Excel dropped its leading zeros.
func (r *rowCtx) zip(f Field, country string) string { return r.zipAt(r.e.ref(f), country) }

func (r *rowCtx) zipAt(c colRef, country string) string {
	z := r.cell(c)
	if z == "-" {
		return ""
	}
	if zipLostZeros(z, country) {
		r.warnAt(c.f, z, "is shorter than this country's postcodes: Excel probably dropped its leading zeros")
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
