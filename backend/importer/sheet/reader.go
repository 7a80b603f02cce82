package sheet

import (
	"fmt"
	"io"
	"strings"
	"sync/atomic"

	"shopclerk/backend/domain"
)

// Reason says, in words a seller reads in the rejected-rows table, why a
// row's cells cannot be imported. The sizes the reasons name are
// MaxRowText and MaxCellText: change them together.
type Reason string

const (
	ReasonRowTooLong     Reason = "this row holds more than 4 MB of text, more than any real export; it was not read"
	ReasonCellTooLong    Reason = "holds more than 64 KB of text, the most Shopclerk reads from one cell"
	ReasonBinary         Reason = "holds control characters or bytes that are not text: the file is damaged here, or is not an export"
	ReasonQuotes         Reason = "this row's quotes do not match up, so its cells cannot be told apart"
	ReasonQuoteOpen      Reason = "a quoted cell in this row is never closed properly: the file looks cut off or damaged here"
	ReasonSharedMissing  Reason = "a cell of this row refers to shared text that is not in the file: the file is damaged here"
	ReasonPastLastColumn Reason = "this row has a cell beyond Excel's last column (XFD): the file is damaged here"
)

// RowError is a row the reader could not split into cells; reading goes on
// at the next row.
type RowError struct {
	Row    int
	Reason Reason
}

func (e *RowError) Error() string { return fmt.Sprintf("row %d: %s", e.Row, e.Reason) }

// table is a source of rows, header first. Implementations stream: they
// hold one record at a time, whatever the file's size.
type table interface {
	Next() ([]string, int, error)
	Close() error
}

// Reader reads the rows of one file, or of one sheet of a workbook.
type Reader struct {
	t    table
	name string
	// Sheets are a workbook's sheets, and Sheet the one being read; both
	// are empty for delimited text.
	Sheets []string
	Sheet  string
}

// Options steer how Open reads a file.
type Options struct {
	// Sheet picks a workbook's sheet; empty reads the active one (what
	// Excel shows on opening), else the first.
	Sheet string
	// Bytes, if set, counts the bytes of delimited text as they are read,
	// for a progress bar.
	Bytes *atomic.Int64
	// Tee, if set, is written the bytes of delimited text as they are read:
	// a CSV file is read once, in order, to its end, so the import hashes it
	// on the way instead of reading the whole file again first.
	Tee io.Writer
}

// Open opens a file's rows from the start; sn is what Sniff found.
func Open(f File, sn Sniffed, o Options) (*Reader, error) {
	r := &Reader{name: f.Name}
	if sn.Format == FormatXLSX {
		wb, err := openWorkbook(f)
		if err != nil {
			return nil, err
		}
		picked, sheets, err := pickSheet(wb, o.Sheet)
		if err != nil {
			wb.Close()
			return nil, err
		}
		r.Sheets, r.Sheet = sheets, picked.name
		if r.t, err = newXLSXTable(wb, picked); err != nil {
			return nil, err
		}
		return r, nil
	}
	rc, err := f.open()
	if err != nil {
		return nil, f.cannotRead(err)
	}
	r.t = newCSVTable(decoder(countingReader{rc, o.Bytes, o.Tee}, sn.Encoding), rc, sn.Delim)
	return r, nil
}

// countingReader counts bytes for the progress bar, and tees them when tee
// is set.
type countingReader struct {
	r   io.Reader
	n   *atomic.Int64
	tee io.Writer
}

func (c countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if c.n != nil {
		c.n.Add(int64(n))
	}
	if c.tee != nil {
		c.tee.Write(p[:n])
	}
	return n, err
}

// Next returns the next row and its number as a spreadsheet shows it (the
// header is row 1). The cells are the reader's until the next call: copy
// what must outlive it. A *RowError means that row is unreadable but
// reading can go on; io.EOF ends the rows; any other error ends them too.
func (r *Reader) Next() ([]string, int, error) { return r.t.Next() }

// Close releases the file.
func (r *Reader) Close() error { return r.t.Close() }

// Blank reports whether a row holds nothing but white space: a blank row
// is no row, and the header is the first row that is not blank.
func Blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// Header reads up to the first row that is not blank and returns a copy of
// it. A file without one, or whose header cannot be read, is refused.
func (r *Reader) Header() ([]string, error) {
	for {
		rec, _, err := r.Next()
		if err == io.EOF {
			return nil, domain.Errorf(domain.CodeInvalid, "%s has no rows at all: there is nothing to import.", r.name)
		}
		if err != nil {
			if re, ok := err.(*RowError); ok {
				return nil, domain.Errorf(domain.CodeInvalid, "The header row of %s cannot be read (%s).", r.name, re.Reason)
			}
			return nil, err
		}
		if !Blank(rec) {
			return append([]string(nil), rec...), nil
		}
	}
}

// Sample is the rows read after the header to detect the preset and date
// orders, held whole (SampleRows, MaxSampleText).
type Sample struct {
	// Rows are copies of the rows' cells; nil for a row that could not be
	// read.
	Rows [][]string
	// Nums are the rows' numbers.
	Nums []int
	// Unreadable is why a row could not be read, "" when it could.
	Unreadable []Reason
}

// Sample reads the rows after the header, up to SampleRows or
// MaxSampleText. A file with only a header row is refused.
func (r *Reader) Sample() (Sample, error) {
	var s Sample
	sampled := 0
	for len(s.Rows) < SampleRows && sampled < MaxSampleText {
		rec, n, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			if _, ok := err.(*RowError); !ok {
				return Sample{}, err
			}
		}
		for _, c := range rec {
			sampled += len(c)
		}
		s.Rows = append(s.Rows, append([]string(nil), rec...))
		s.Nums = append(s.Nums, n)
		s.Unreadable = append(s.Unreadable, "")
		if re, ok := err.(*RowError); ok {
			s.Unreadable[len(s.Unreadable)-1] = re.Reason // remembered as unreadable
		}
	}
	if len(s.Rows) == 0 {
		return Sample{}, domain.Errorf(domain.CodeInvalid, "%s has only a header row: there are no rows to import.", r.name)
	}
	return s, nil
}
