package sheet

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"shopclerk/backend/domain"
)

// Excel's sheet size: XFD is column 16,384.
const (
	xlsxMaxRows = 1 << 20
	xlsxMaxCols = 1 << 14
)

// xlsxTable streams one sheet's XML. Cells come raw: numbers as Excel
// stores them (so dates are serial numbers that the value parsers convert),
// formulas as their cached result, shared strings looked up. A cell with a
// style but no value is no cell, and a row of such cells is blank. Rows the
// sheet does not list are skipped: the row numbers say where rows are.
type xlsxTable struct {
	wb    *workbook
	part  io.Closer
	dec   *xml.Decoder
	sst   *sharedStrings
	row   int
	total int64 // the text of the sheet's cells so far
}

var _ table = (*xlsxTable)(nil)

func newXLSXTable(wb *workbook, sheet wbSheet) (*xlsxTable, error) {
	sst, err := wb.readSharedStrings()
	if err != nil {
		wb.Close()
		return nil, err
	}
	rc, err := wb.part(sheet.part, MaxUnzipped)
	if err == nil && rc == nil {
		err = domain.Errorf(domain.CodeInvalid, "The sheet %q of %s is missing from the file: it is damaged.", sheet.name, wb.name)
	}
	if err != nil {
		wb.Close()
		return nil, err
	}
	return &xlsxTable{wb: wb, part: rc, dec: xml.NewDecoder(rc), sst: sst}, nil
}

func (t *xlsxTable) damaged(err error) error {
	return domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("The sheet of %s is damaged and cannot be read to the end.", t.wb.name))
}

// Next returns the next <row> of the sheet.
func (t *xlsxTable) Next() ([]string, int, error) {
	for {
		tok, err := t.dec.Token()
		if err == io.EOF {
			return nil, t.row, io.EOF
		}
		if err != nil {
			if err == errTagTooLong {
				return nil, t.row, domain.Errorf(domain.CodeInvalid, "The sheet of %s holds markup no spreadsheet writes (%v); it is damaged or was made to harm.", t.wb.name, err)
			}
			return nil, t.row, t.damaged(err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "row" {
			n := t.row + 1
			if v := attr(se, "r"); v != "" {
				if n, err = strconv.Atoi(v); err != nil || n < 1 || n > xlsxMaxRows {
					return nil, t.row, domain.Errorf(domain.CodeInvalid, "The sheet of %s numbers a row %q, which Excel cannot have; the file is damaged.", t.wb.name, v)
				}
			}
			t.row = n
			return t.readRow()
		}
	}
}

// readRow reads the cells up to </row>. A row past MaxRowText, or with a
// reference to shared text that is not there, is read to its end but
// returned as a *RowError; the sheet past MaxFileText is refused.
func (t *xlsxTable) readRow() ([]string, int, error) {
	var cells []string
	var reason Reason
	var rowText int64
	col := 0
	var cur *xlsxCell
	var text cellText
	inText, depthPh := false, 0
	for {
		tok, err := t.dec.Token()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return nil, t.row, t.damaged(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "c":
				col++
				if ref := attr(e, "r"); ref != "" {
					if c := refColumn(ref); c > 0 {
						col = c
					}
				}
				cur, text = &xlsxCell{typ: attr(e, "t")}, cellText{}
			case "v":
				inText = cur != nil
			case "t":
				inText = cur != nil && depthPh == 0
			case "is":
				if cur != nil {
					cur.inline = true
				}
			case "rPh":
				depthPh++
			}
		case xml.CharData:
			if inText {
				text.add(e)
				cur.has = true
			}
		case xml.Comment:
			if inText {
				text.addCut(e)
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "v", "t":
				inText = false
			case "rPh":
				depthPh--
			case "c":
				if cur == nil || !cur.has {
					cur = nil
					continue // formatting only: not a cell
				}
				v, size, ok := cur.value(t.sst, text)
				cur = nil
				if !ok {
					reason = ReasonSharedMissing
					continue
				}
				if col > xlsxMaxCols {
					reason = ReasonPastLastColumn
					continue
				}
				if v == "" {
					continue
				}
				t.total += size
				rowText += int64(len(v))
				if t.total > MaxFileText {
					return nil, t.row, domain.Errorf(domain.CodeInvalid, "The cells of %s expand to more than %s of text, far more than any real export (a shared text repeated in many cells?), so Shopclerk stopped reading it. Nothing was imported.",
						t.wb.name, humanSize(MaxFileText))
				}
				if rowText > MaxRowText {
					reason = ReasonRowTooLong
					continue
				}
				for len(cells) < col {
					cells = append(cells, "")
				}
				cells[col-1] = v
			case "row":
				if reason != "" {
					return nil, t.row, &RowError{Row: t.row, Reason: reason}
				}
				return cells, t.row, nil
			}
		}
	}
}

// xlsxCell is the cell being read: its type attribute, whether it is an
// inline string, and whether it had a value at all.
type xlsxCell struct {
	typ         string
	inline, has bool
}

// value is the cell's raw text: a shared string looked up, inline text and
// shared strings unescaped, anything else (numbers, booleans as 0/1,
// errors, formula results) as stored; and the length of its full text.
func (c *xlsxCell) value(sst *sharedStrings, text cellText) (string, int64, bool) {
	switch {
	case c.typ == "s":
		i, err := strconv.Atoi(strings.TrimSpace(string(text.b)))
		if err != nil {
			return "", 0, false
		}
		return sst.get(i)
	case c.typ == "inlineStr" || c.inline:
		return string(unescapeOOXML(text.b)), text.n, true
	}
	return string(text.b), text.n, true
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// refColumn is the column number of a cell reference ("AB12" -> 28), 0 when
// it has no letters; past XFD it is larger than xlsxMaxCols.
func refColumn(ref string) int {
	n := 0
	for i := 0; i < len(ref) && i < 4; i++ {
		c := ref[i] | 0x20
		if c < 'a' || c > 'z' {
			break
		}
		n = n*26 + int(c-'a'+1)
	}
	return n
}

func (t *xlsxTable) Close() error {
	t.part.Close()
	return t.wb.Close()
}

// pickSheet returns the sheet to read: the one asked for, else the active
// sheet (what Excel shows on opening), else the first.
func pickSheet(wb *workbook, want string) (wbSheet, []string, error) {
	names := make([]string, len(wb.sheets))
	for i, s := range wb.sheets {
		names[i] = s.name
	}
	if len(wb.sheets) == 0 {
		return wbSheet{}, nil, domain.Errorf(domain.CodeInvalid, "%s has no sheets.", wb.name)
	}
	if want != "" {
		for _, s := range wb.sheets {
			if s.name == want {
				return s, names, nil
			}
		}
		return wbSheet{}, names, domain.Errorf(domain.CodeInvalid, "%s has no sheet called %q; its sheets are %v.", wb.name, want, names)
	}
	if i := wb.active; i >= 0 && i < len(wb.sheets) {
		return wb.sheets[i], names, nil
	}
	return wb.sheets[0], names, nil
}
