package importer

import (
	"bytes"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"shopclerk/backend/domain"
)

// xlsxXMLInMemory is the largest sheet part excelize may unpack in memory;
// anything bigger goes to a temp file and is streamed, which keeps the peak
// memory flat whatever the workbook's size.
const xlsxXMLInMemory = 4 << 20

func openWorkbook(in input) (*excelize.File, error) {
	opt := excelize.Options{UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: xlsxXMLInMemory}
	var f *excelize.File
	var err error
	if in.data != nil {
		f, err = excelize.OpenReader(bytes.NewReader(in.data), opt)
	} else {
		f, err = excelize.OpenFile(in.path, opt)
	}
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("%s looks like an Excel file but cannot be opened (it may be damaged or password-protected).", in.name))
	}
	return f, nil
}

// xlsxTable streams one sheet through excelize's row iterator. Cells come
// raw: numbers as Excel stores them (so dates are serial numbers that the
// value parsers convert), formulas as their cached result.
type xlsxTable struct {
	f    *excelize.File
	rows *excelize.Rows
	row  int
}

var _ table = (*xlsxTable)(nil)

func newXLSXTable(f *excelize.File, sheet string, name string) (*xlsxTable, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		f.Close()
		return nil, domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("The sheet %q of %s cannot be read.", sheet, name))
	}
	return &xlsxTable{f: f, rows: rows}, nil
}

func (t *xlsxTable) Next() ([]string, int, error) {
	if !t.rows.Next() {
		if err := t.rows.Error(); err != nil {
			return nil, t.row, domain.Wrap(err, domain.CodeInvalid, "The sheet is damaged and cannot be read to the end.")
		}
		return nil, t.row, io.EOF
	}
	t.row++
	cols, err := t.rows.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, t.row, &rowError{Row: t.row, Reason: "the cells of this row cannot be read: " + err.Error()}
	}
	return cols, t.row, nil
}

func (t *xlsxTable) Close() error {
	t.rows.Close()
	return t.f.Close()
}

// pickSheet returns the sheet to read: the one asked for, else the active
// sheet (what Excel shows on opening), else the first.
func pickSheet(f *excelize.File, want, name string) (string, []string, error) {
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return "", nil, domain.Errorf(domain.CodeInvalid, "%s has no sheets.", name)
	}
	if want != "" {
		for _, s := range sheets {
			if s == want {
				return s, sheets, nil
			}
		}
		return "", sheets, domain.Errorf(domain.CodeInvalid, "%s has no sheet called %q; its sheets are %v.", name, want, sheets)
	}
	if i := f.GetActiveSheetIndex(); i >= 0 && i < len(sheets) {
		if n := f.GetSheetName(i); n != "" {
			return n, sheets, nil
		}
	}
	return sheets[0], sheets, nil
}
