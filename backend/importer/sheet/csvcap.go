package sheet

import "io"

// recordCap passes delimited text through, cutting every record at
// MaxRowText, so encoding/csv never buffers more than that (a 50 MB cell
// held whole took 600 MB). The cut part is replaced by cutMark, and by a
// closing quote when the cut fell inside a quoted cell, so the reader
// resumes at the next row.
//
// It follows encoding/csv's own rules for where a record ends, so that a
// damaged row (a bare quote) never shifts its idea of a record: a quote
// opens a cell only at the cell's start; in a quoted cell "" is a quote and
// a quote before the delimiter or a line break closes it; any other quote
// is an error after which csv goes on at the next line, or, with lazy quotes
// (tab-separated files), just a character.
type recordCap struct {
	r     io.Reader
	delim byte
	lazy  bool
	buf   []byte
	state csvState
	n     int    // bytes of the current record passed on
	cut   bool   // dropping the rest of the current record
	close bool   // the cut fell inside a quoted cell: close it
	out   []byte // filtered bytes not yet read
	obuf  []byte
}

// csvState is where encoding/csv is within a record.
type csvState int

const (
	csvCellStart  csvState = iota
	csvUnquoted            // in a cell that did not start with a quote
	csvQuoted              // in a quoted cell
	csvAfterQuote          // just after a quote in a quoted cell
	csvBadLine             // csv refused this line: it resumes at the next
)

func newRecordCap(r io.Reader, delim rune, lazy bool) *recordCap {
	return &recordCap{r: r, delim: byte(delim), lazy: lazy, buf: make([]byte, 64<<10)}
}

func (c *recordCap) Read(p []byte) (int, error) {
	for len(c.out) == 0 {
		n, err := c.r.Read(c.buf)
		c.out = c.filter(c.buf[:n], c.obuf[:0])
		c.obuf = c.out[:0]
		if err != nil && len(c.out) == 0 {
			if c.cut { // a cut record at the end of the file
				c.out = c.endCut(c.out)
				continue
			}
			return 0, err
		}
	}
	n := copy(p, c.out)
	c.out = c.out[n:]
	return n, nil
}

// step moves the state over b and reports whether b ends the record.
func (c *recordCap) step(b byte) bool {
	switch {
	case c.state == csvQuoted:
		if b == '"' {
			c.state = csvAfterQuote
		}
		return false
	case b == '\n': // outside a quoted cell, and after a refused line
		c.state = csvCellStart
		return true
	case c.state == csvBadLine:
		return false
	case b == c.delim:
		c.state = csvCellStart
		return false
	}
	quote := b == '"'
	switch {
	case c.state == csvCellStart && quote, c.state == csvAfterQuote && quote:
		c.state = csvQuoted // a quoted cell opens, or "" inside one
	case c.state == csvAfterQuote && b == '\r':
	case c.state == csvAfterQuote && c.lazy:
		c.state = csvQuoted // a lone quote is a character
	case c.state == csvAfterQuote, quote && !c.lazy:
		c.state = csvBadLine
	default:
		c.state = csvUnquoted
	}
	return false
}

func (c *recordCap) filter(in, out []byte) []byte {
	for _, b := range in {
		before := c.state
		end := c.step(b)
		if c.cut {
			if end {
				out = append(c.endCut(out), '\n')
			}
			continue
		}
		if c.n >= MaxRowText && !end {
			c.cut, c.close = true, before == csvQuoted
			continue
		}
		out = append(out, b)
		c.n++
		if end {
			c.n = 0
		}
	}
	return out
}

func (c *recordCap) endCut(out []byte) []byte {
	out = append(out, cutMark...)
	if c.close {
		out = append(out, '"')
	}
	c.cut, c.n = false, 0
	return out
}
