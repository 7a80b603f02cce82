package sheet

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
)

// delimiters are the ones spreadsheets write, in the order we prefer them
// when a sample fits several equally well.
var delimiters = []rune{',', ';', '\t', '|'}

// sniffDelimiter picks the delimiter under which the sample's records have
// the most columns, consistently. The sample is already decoded to UTF-8.
func sniffDelimiter(sample []byte) rune {
	// Drop the last, probably cut, line so it cannot skew the count.
	if i := bytes.LastIndexByte(sample, '\n'); i > 0 {
		sample = sample[:i+1]
	}
	best, bestScore := ',', 0.0
	for _, d := range delimiters {
		r := csv.NewReader(bytes.NewReader(sample))
		r.Comma = d
		r.FieldsPerRecord = -1
		r.LazyQuotes = true
		var counts []int
		for len(counts) < 50 {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				continue
			}
			if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
				continue
			}
			counts = append(counts, len(rec))
		}
		if len(counts) == 0 || counts[0] < 2 {
			continue
		}
		same := 0
		for _, c := range counts {
			if c == counts[0] {
				same++
			}
		}
		score := float64(counts[0]) * float64(same) / float64(len(counts))
		if score > bestScore {
			best, bestScore = d, score
		}
	}
	return best
}

// csvTable reads delimited text with encoding/csv, which already handles
// RFC 4180 quoting, "" escapes and CRLF inside quoted cells.
type csvTable struct {
	r      *csv.Reader
	c      io.Closer
	row    int
	header int
}

var _ table = (*csvTable)(nil)

func newCSVTable(r io.Reader, c io.Closer, delim rune) *csvTable {
	// Amazon flat files are tab-separated without any quoting, so a quote
	// there is just a character (a 5" screen).
	lazy := delim == '\t'
	cr := csv.NewReader(bufio.NewReaderSize(newRecordCap(r, delim, lazy), 256<<10))
	cr.Comma = delim
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	cr.LazyQuotes = lazy
	return &csvTable{r: cr, c: c}
}

func (t *csvTable) Next() ([]string, int, error) {
	rec, err := t.r.Read()
	t.row++
	if err == nil {
		return rec, t.row, nil
	}
	if err == io.EOF {
		return nil, t.row, io.EOF
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		reason := ReasonQuotes
		if errors.Is(pe.Err, csv.ErrQuote) {
			reason = ReasonQuoteOpen
		}
		return nil, t.row, &RowError{Row: t.row, Reason: reason}
	}
	return nil, t.row, err
}

func (t *csvTable) Close() error {
	if t.c != nil {
		return t.c.Close()
	}
	return nil
}
