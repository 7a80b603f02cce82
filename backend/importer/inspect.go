package importer

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/xuri/excelize/v2"

	"shopclerk/backend/domain"
	"shopclerk/backend/importer/sheet"
)

const (
	previewRecords = 20
	// inspectFullScan: below this size Inspect reads the whole file to
	// decide date columns, so its questions match what Import will do.
	inspectFullScan = 64 << 20
)

// Inspect reads the start of a file and says what it is: source and kind,
// columns, sheets, a preview of the first records as they will be stored,
// date columns it cannot decide alone, and a suggested or remembered
// mapping when no preset fits. Nothing is written.
func Inspect(ctx context.Context, spec FileSpec, lookup MappingLookup) (FileInfo, error) {
	in, err := sheet.NewFile(spec.Path, spec.Name, spec.Data)
	if err != nil {
		return FileInfo{}, err
	}
	p, err := open(ctx, in, spec.Options, lookup)
	if err != nil {
		return FileInfo{}, err
	}
	defer p.close()
	info := FileInfo{Name: in.Name, Size: in.Size, Format: p.sn.Format, Encoding: p.sn.Encoding, Sheets: p.sheets, Sheet: p.sheet,
		Columns: p.header, HeaderHash: p.hash, Label: p.label(), Fields: genericFields, MappingRemembered: p.remember}
	if p.sn.Format == sheet.FormatCSV {
		info.Delimiter = string(p.sn.Delim)
	}
	if p.b == nil {
		info.Mapping = suggestMapping(p.header)
		return info, nil
	}
	info.Preset, info.Source, info.Kind = p.b.preset.name, p.b.preset.source, p.b.preset.kind
	if p.b.preset.name == PresetGeneric {
		info.Mapping = Mapping{}
		for f, i := range p.b.idx {
			info.Mapping[f] = p.header[i]
		}
	}
	if err := p.prepare(spec.Options, in.Size <= inspectFullScan); err != nil {
		return FileInfo{}, err
	}
	info.Questions = p.question
	err = p.run(ctx, func(r Record) {
		if len(info.Preview) < previewRecords {
			info.Preview = append(info.Preview, r)
		}
	}, sheet.SampleRows, nil)
	if err != nil {
		return FileInfo{}, err
	}
	info.Issues = append(append(info.Issues, p.rejects...), p.warnings...)
	return info, nil
}

// suggestMapping guesses a mapping from column names that resemble a
// field's label or key, for the mapping editor to start from.
func suggestMapping(header []string) Mapping {
	m := Mapping{}
	for _, fields := range genericFields {
		for _, fi := range fields {
			if _, done := m[fi.Field]; done {
				continue
			}
			for _, h := range header {
				n := normHeader(h)
				key := strings.ReplaceAll(string(fi.Field), "_", " ")
				if n == key || n == strings.ToLower(fi.Label) || strings.ReplaceAll(n, "-", " ") == key {
					m[fi.Field] = h
					break
				}
			}
		}
	}
	return m
}

// escapeCell neutralises text a spreadsheet would run as a formula when the
// rejects are opened or re-saved as CSV (values come from untrusted files).
func escapeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// WriteRejectsXLSX writes rejected rows as a one-sheet workbook, streaming.
func WriteRejectsXLSX(w io.Writer, issues []Issue) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := "Rejected rows"
	f.SetSheetName("Sheet1", sheet)
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not build the spreadsheet")
	}
	sw.SetRow("A1", []any{"File", "Row", "Column", "Value", "Reason"})
	for i, is := range issues {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, []any{escapeCell(is.File), is.Row, escapeCell(is.Column), escapeCell(is.Value), escapeCell(is.Reason)}); err != nil {
			return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not build the spreadsheet")
		}
	}
	if err := sw.Flush(); err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not build the spreadsheet")
	}
	_, err = f.WriteTo(w)
	return err
}

// WriteRejectsFile writes rejected rows to an xlsx file at path.
func WriteRejectsFile(path string, issues []Issue) error {
	f, err := os.Create(path)
	if err != nil {
		return domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("Shopclerk cannot write %s.", path))
	}
	if err := WriteRejectsXLSX(f, issues); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
