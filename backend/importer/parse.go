package importer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"strings"
	"sync/atomic"

	"shopclerk/backend/domain"
	"shopclerk/backend/importer/sheet"
)

// maxIssues caps the issues kept per file; beyond it they are counted.
const maxIssues = 10000

// MappingLookup finds a mapping remembered for a header set; the store
// implements it, and nil means nothing is remembered.
type MappingLookup func(ctx context.Context, headerHash string) (Kind, Mapping, bool, error)

// parsed is the state of reading one file.
type parsed struct {
	in       sheet.File
	sn       sheet.Sniffed
	t        *sheet.Reader
	sheets   []string
	sheet    string
	header   []string
	sample   [][]string
	sampleNo []int
	// sampleErr is why a sample row could not be read ("" when it could).
	sampleErr []sheet.Reason
	b         *binding
	env       *env
	hash      string // header hash
	remember  bool   // the binding came from a remembered mapping
	question  []DateQuestion

	rejects, warnings []Issue
	rejectCount       int
	rows              int
	// binaryRows are rows rejected for holding binary junk (sheet.MaxBinaryRows).
	binaryRows int
	bytes      atomic.Int64
	// sum hashes a CSV file's bytes as the main table reads them.
	sum *fileSum

	// clashes are rows the Writer refused (skuless.go); only the writing
	// goroutine touches them until the parser is done.
	clashes []Issue
	// takeOvers, rekeyed and twins are what the writing goroutine did with
	// the generated keys rows' real SKUs could take over (takeover.go).
	takeOvers      map[string]domain.TakeOver
	rekeyed, twins []keyPair
	// trackingNotes are what the store said of tracking rows (tracking.go),
	// kept by the writing goroutine like clashes.
	trackingNotes []Issue
}

// fileSum hashes and counts the bytes written to it.
type fileSum struct {
	h hash.Hash
	n int64
}

func (f *fileSum) Write(b []byte) (int, error) {
	f.n += int64(len(b))
	return f.h.Write(b)
}

// fileHash is the sha256 of the whole file, once the main table has read it
// to its end; "" for a workbook, or a table not read to its end.
func (p *parsed) fileHash() string {
	if p.sum == nil || p.sum.n != p.in.Size {
		return ""
	}
	return hex.EncodeToString(p.sum.h.Sum(nil))
}

// openTable opens the input's rows from the start, counting the bytes of a
// CSV file for the progress bar; the main table also hashes them as they
// pass (sum, sheet.Options.Tee), instead of a separate read of the whole
// file before the import starts.
func (p *parsed) openTable(sheetName string, sum *fileSum) (*sheet.Reader, error) {
	o := sheet.Options{Sheet: sheetName, Bytes: &p.bytes}
	if sum != nil {
		o.Tee = sum
	}
	r, err := sheet.Open(p.in, p.sn, o)
	if err != nil {
		return nil, err
	}
	p.sheets, p.sheet = r.Sheets, r.Sheet
	return r, nil
}

// open sniffs the file, reads its header and a sample of rows, and binds a
// preset (detected, forced, mapped or remembered). A file that cannot be
// imported at all returns a *domain.Error; an unknown header returns a nil
// binding so Inspect can ask for a mapping.
func open(ctx context.Context, in sheet.File, opts Options, lookup MappingLookup) (*parsed, error) {
	sn, err := sheet.Sniff(in)
	if err != nil {
		return nil, err
	}
	p := &parsed{in: in, sn: sn}
	if sn.Format == sheet.FormatCSV {
		p.sum = &fileSum{h: sha256.New()}
	}
	if p.t, err = p.openTable(opts.Sheet, p.sum); err != nil {
		return nil, err
	}
	if p.header, err = p.t.Header(); err != nil {
		p.t.Close()
		return nil, err
	}
	if msg := duplicateColumn(p.header); msg != "" {
		p.t.Close()
		return nil, domain.Errorf(domain.CodeInvalid, "%s: %s", in.Name, msg)
	}
	s, err := p.t.Sample()
	if err != nil {
		p.t.Close()
		return nil, err
	}
	p.sample, p.sampleNo, p.sampleErr = s.Rows, s.Nums, s.Unreadable
	p.hash = headerHash(p.header)
	if err := p.bindPreset(ctx, opts, lookup); err != nil {
		p.t.Close()
		return nil, err
	}
	return p, nil
}

func (p *parsed) bindPreset(ctx context.Context, opts Options, lookup MappingLookup) error {
	switch {
	case opts.Mapping != nil || opts.Preset == PresetGeneric:
		b, err := genericBinding(opts.Kind, opts.Mapping, p.header)
		if err != nil {
			return err
		}
		p.b = b
	case opts.Preset != "":
		pr := presetByName(opts.Preset)
		if pr == nil {
			return domain.Errorf(domain.CodeInvalid, "There is no preset called %q; the presets are %s.", opts.Preset, strings.Join(PresetNames(), ", "))
		}
		set := map[string]bool{}
		for _, h := range p.header {
			set[normHeader(h)] = true
		}
		if !pr.matches(set) {
			return domain.Errorf(domain.CodeInvalid, "%s does not look like a %s: it lacks the columns that export always has.", p.in.Name, pr.label)
		}
		p.b = bind(pr, p.header)
	default:
		p.b = detect(p.header, p.in.Name, p.sample)
		if p.b == nil && lookup != nil {
			kind, m, ok, err := lookup(ctx, p.hash)
			if err != nil {
				return err
			}
			if ok {
				if b, err := genericBinding(kind, m, p.header); err == nil {
					p.b, p.remember = b, true
				}
			}
		}
	}
	return nil
}

// unknownHeader is the refusal for a header no preset or mapping fits.
func (p *parsed) unknownHeader() error {
	return domain.Errorf(domain.CodeInvalid, "Shopclerk does not recognise the columns of %s (%d columns, starting %q). Map its columns on the Import screen, or pass --preset.",
		p.in.Name, len(p.header), strings.Join(p.header[:min(3, len(p.header))], ", "))
}

// prepare decides the date order of every date column from all its values
// (the sample first; the whole file when the sample cannot tell) and sets
// up the builder environment.
func (p *parsed) prepare(opts Options, full bool) error {
	p.env = &env{file: p.in.Name, b: p.b, opts: opts, decimalComma: p.sn.Delim == ';', dateOrder: map[int]DateOrder{}}
	stats := map[int]*dateStats{}
	for f := range p.b.idx {
		if dateFields[f] {
			stats[p.b.idx[f]] = &dateStats{}
		}
	}
	if len(stats) == 0 {
		return nil
	}
	undecided := false
	for _, rec := range p.sample {
		for i, st := range stats {
			if i < len(rec) {
				st.add(cleanCell(rec[i]))
			}
		}
	}
	for _, st := range stats {
		if st.slashed > 0 && st.order() == DateAuto {
			undecided = true
		}
	}
	if undecided && full {
		t, err := p.openTable(p.sheet, nil)
		if err != nil {
			return err
		}
		for st := range stats {
			stats[st] = &dateStats{}
		}
		t.Next() // the header
		for {
			rec, _, err := t.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				if _, ok := err.(*sheet.RowError); ok {
					continue
				}
				t.Close()
				return err
			}
			for i, st := range stats {
				if i < len(rec) {
					st.add(cleanCell(rec[i]))
				}
			}
		}
		t.Close()
		p.bytes.Store(0)
	}
	for i, st := range stats {
		col := strings.TrimSpace(p.header[i])
		order := st.order()
		answer, answered := opts.DateOrders[col]
		if !answered {
			answer, answered = opts.DateOrders["*"]
		}
		switch {
		case answered && answer != DateAuto:
			order = answer
		case order == DateAuto && p.b.preset.dateOrder != DateAuto:
			order = p.b.preset.dateOrder
		case order == DateAuto:
			order = opts.DefaultDateOrder
			if order == DateAuto {
				order = DateDMY
			}
			if st.ambiguous() {
				p.question = append(p.question, DateQuestion{Column: col, Samples: st.samples, Default: order})
			}
		}
		p.env.dateOrder[i] = order
	}
	return nil
}

// addReject and addWarning keep at most maxIssues issues, each value
// clipped: 10,000 cells of 64 KB would be 640 MB.
func (p *parsed) addReject(is Issue) {
	is.Value = clip(is.Value)
	p.rejectCount++
	if len(p.rejects) < maxIssues {
		p.rejects = append(p.rejects, is)
	}
}

func (p *parsed) addWarning(is Issue) {
	is.Value = clip(is.Value)
	if len(p.warnings) < maxIssues {
		p.warnings = append(p.warnings, is)
	}
}

// clip shortens a value for an issue: the rejected-rows table shows a
// cell, not 50 MB of it.
func clip(s string) string {
	const n = 200
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

// run feeds the sample and then the rest of the table through the preset's
// builder. limit > 0 stops after that many data rows (previews).
func (p *parsed) run(ctx context.Context, emit func(Record), limit int, progress func(rows int)) error {
	p.env.emit = emit
	p.env.reject = p.addReject
	p.env.warn = p.addWarning
	bld := p.b.preset.newBuilder(p.env)
	r := &rowCtx{e: p.env}
	// Blank rows count only once a row follows them: trailing blank rows
	// (Excel keeps formatted ones) are not rows.
	blanks := 0
	handle := func(rec []string, n int, unreadable sheet.Reason) error {
		if unreadable == "" && sheet.Blank(rec) {
			blanks++
			return nil
		}
		p.rows += blanks + 1
		blanks = 0
		if unreadable != "" {
			p.addReject(Issue{File: p.in.Name, Row: n, Reason: string(unreadable)})
			return nil
		}
		if reason := p.checkRow(rec, n); reason != "" {
			return p.tooMuchBinary(n)
		}
		r.cells, r.num, r.bad = rec, n, false
		bld.row(r)
		return nil
	}
	for i, rec := range p.sample {
		if err := handle(rec, p.sampleNo[i], p.sampleErr[i]); err != nil {
			return err
		}
		if limit > 0 && p.rows >= limit {
			bld.end()
			return nil
		}
	}
	// Counted apart from p.rows, which blank rows leave alone: a million
	// formatted blank rows must not check ctx and report progress each.
	for read := 0; ; read++ {
		if read%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			if progress != nil {
				progress(p.rows)
			}
		}
		rec, n, err := p.t.Next()
		if err == io.EOF {
			break
		}
		var unreadable sheet.Reason
		if err != nil {
			re, ok := err.(*sheet.RowError)
			if !ok {
				return err
			}
			n, unreadable = re.Row, re.Reason
		}
		if err := handle(rec, n, unreadable); err != nil {
			return err
		}
		if limit > 0 && p.rows >= limit {
			break
		}
	}
	bld.end()
	if progress != nil {
		progress(p.rows)
	}
	return nil
}

// checkRow rejects a row that is wider than the header, holds a cell past
// sheet.MaxCellText, was cut at sheet.MaxRowText or holds binary junk; it returns the
// reason, "" for a row to import.
func (p *parsed) checkRow(rec []string, n int) string {
	width := len(p.header)
	is := Issue{File: p.in.Name, Row: n}
	if len(rec) > width && !sheet.Blank(rec[width:]) {
		is.Reason = fmt.Sprintf("this row has %d cells but the header has %d: a cell probably holds an unquoted %q", len(rec), width, string(p.sn.Delim))
		if p.sn.Format == sheet.FormatXLSX {
			is.Reason = fmt.Sprintf("this row has cells beyond the header's last column (column %d; the header has %d)", len(rec), width)
		}
		p.addReject(is)
		return is.Reason
	}
	col, reason, binary := sheet.RowProblem(rec)
	if reason == "" {
		return ""
	}
	if col >= 0 {
		is.Column, is.Value = strings.TrimSpace(p.header[col]), rec[col]
	}
	is.Reason = string(reason)
	if binary {
		p.binaryRows++
	}
	p.addReject(is)
	return is.Reason
}

// tooMuchBinary refuses the file once binary rows are more than a few and
// a tenth of all: junk that the first 64 KB did not show.
func (p *parsed) tooMuchBinary(n int) error {
	if p.binaryRows <= sheet.MaxBinaryRows || p.binaryRows*10 <= p.rows {
		return nil
	}
	return domain.Errorf(domain.CodeInvalid, "%s holds binary data, not text (%d rows up to row %d): it is damaged, or is not an export. Nothing of it was imported; export it again.",
		p.in.Name, p.binaryRows, n)
}

func (p *parsed) close() {
	if p.t != nil {
		p.t.Close()
	}
}

// label is what the import screen says the file is.
func (p *parsed) label() string {
	if p.b == nil {
		return fmt.Sprintf("unknown: map the columns (%d columns)", len(p.header))
	}
	return fmt.Sprintf("%s, %d columns", p.b.preset.label, len(p.header))
}
