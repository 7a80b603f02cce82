package importer

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"shopclerk/backend/importer/sheet"
)

// buildXLSX writes sheets of rows with excelize's stream writer. Cells may
// be excelize.Cell values (formulas with a cached value, styled dates).
func buildXLSX(t testing.TB, active string, sheets []string, rows map[string][][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 22})
	for i, name := range sheets {
		if i == 0 {
			f.SetSheetName("Sheet1", name)
		} else {
			f.NewSheet(name)
		}
		sw, err := f.NewStreamWriter(name)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows[name] {
			for c, v := range row {
				if tm, ok := v.(time.Time); ok {
					row[c] = excelize.Cell{StyleID: dateStyle, Value: tm}
				}
			}
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := sw.SetRow(cell, row); err != nil {
				t.Fatal(err)
			}
		}
		sw.Flush()
	}
	if idx, err := f.GetSheetIndex(active); err == nil {
		f.SetActiveSheet(idx)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestXLSXOrders: a real orders export saved as xlsx (as Excel does: text
// stays text, amounts become numbers) parses to the same records as the
// CSV, from the sheet the seller picks.
func TestXLSXOrders(t *testing.T) {
	orig := readReal(t, cadOrders)
	want, _, err := collect(t, FileSpec{Path: writeTemp(t, "o.csv", orig)})
	if err != nil {
		t.Fatal(err)
	}
	recs := records(t, orig)
	total := colIndex(t, recs[0], "Total")
	rows := [][]any{}
	for i, rec := range recs {
		row := make([]any, len(rec))
		for j, c := range rec {
			row[j] = c
			if i > 0 && j == total && c != "" {
				// A formula whose cached value Excel saved beside it.
				row[j] = excelize.Cell{Formula: "=" + c + "*1", Value: c}
			}
		}
		rows = append(rows, row)
	}
	data := buildXLSX(t, "Orders", []string{"Notes", "Orders"}, map[string][][]any{
		"Notes":  {{"exported for the accountant"}},
		"Orders": rows,
	})
	path := writeTemp(t, "orders.xlsx", data)

	info, err := Inspect(context.Background(), FileSpec{Path: path}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if info.Format != sheet.FormatXLSX || info.Sheet != "Orders" || len(info.Sheets) != 2 || info.Preset != PresetShopifyOrders {
		t.Fatalf("inspect: format %s sheet %q sheets %v preset %s", info.Format, info.Sheet, info.Sheets, info.Preset)
	}
	got, p, err := collect(t, FileSpec{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.rejects) > 0 {
		t.Fatalf("rejects: %v", p.rejects)
	}
	if g, w := jsonOf(t, got), jsonOf(t, want); g != w {
		t.Errorf("xlsx records differ from the csv's:\n%s", diffLines(w, g))
	}
	if _, _, err := collect(t, FileSpec{Path: path, Options: Options{Sheet: "Notes"}}); err == nil {
		t.Errorf("the Notes sheet has no orders header and must be refused")
	}
	if _, _, err := collect(t, FileSpec{Path: path, Options: Options{Sheet: "Nope"}}); err == nil {
		t.Errorf("a missing sheet must be refused")
	}
}

// TestXLSXSerialDates: dates Excel stores as serial numbers, read through
// a generic mapping, and the import is idempotent.
func TestXLSXSerialDates(t *testing.T) {
	d := func(s string) time.Time { tm, _ := time.Parse("2006-01-02 15:04", s); return tm }
	data := buildXLSX(t, "Sheet", []string{"Sheet"}, map[string][][]any{"Sheet": {
		{"Order", "When", "Mail", "Amount", "Item", "Qty"},
		{"A-1", d("2024-03-05 14:30"), "x@example.com", 12.5, "Mug", 2},
		{"A-2", d("2024-12-31 00:00"), "y@example.com", 1234.56, "Pot", 1},
	}})
	path := writeTemp(t, "sales.xlsx", data)
	m := Mapping{FOrderID: "Order", FCreatedAt: "When", FEmail: "Mail", FTotal: "Amount", FLineName: "Item", FLineQuantity: "Qty"}
	spec := FileSpec{Path: path, Options: Options{Kind: KindOrders, Mapping: m, Currency: "EUR"}}
	got, p, err := collect(t, spec)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || len(p.rejects) > 0 {
		t.Fatalf("got %d records, rejects %v", len(got), p.rejects)
	}
	o := got[0].Order
	if !o.CreatedAt.Equal(d("2024-03-05 14:30")) || o.Total != 1250 || o.Lines[0].Quantity != 2 || o.Currency != "EUR" {
		t.Errorf("first order: created %s total %d lines %+v", o.CreatedAt, o.Total, o.Lines)
	}
	if got[1].Order.Total != 123456 {
		t.Errorf("second total %d", got[1].Order.Total)
	}

	st := openStore(t)
	first := importOne(t, st, spec)
	second := importOne(t, st, FileSpec{Path: path, Options: Options{Currency: "EUR"}}) // the mapping is remembered
	if first.Error != "" || second.Error != "" {
		t.Fatalf("errors: %q, %q", first.Error, second.Error)
	}
	if second.Counts.Created+second.Counts.Updated != 0 || second.Counts.Unchanged == 0 {
		t.Errorf("second import: %+v", second.Counts)
	}
	info, err := Inspect(context.Background(), FileSpec{Path: path}, StoreLookup(st))
	if err != nil || !info.MappingRemembered || info.Mapping[FEmail] != "Mail" {
		t.Errorf("inspect after import: remembered %v mapping %v err %v", info.MappingRemembered, info.Mapping, err)
	}
}

// TestRejectsExport: rejects go to xlsx with formula-looking cells escaped.
func TestRejectsExport(t *testing.T) {
	var buf bytes.Buffer
	issues := []Issue{{File: "a.csv", Row: 3, Column: "Total", Value: "=HYPERLINK(\"http://x\")", Reason: "is not an amount of money"},
		{File: "a.csv", Row: 4, Column: "SKU", Value: "-12", Reason: "r"}}
	if err := WriteRejectsXLSX(&buf, issues); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Rejected rows")
	if len(rows) != 3 || rows[1][3] != "'=HYPERLINK(\"http://x\")" || rows[2][3] != "'-12" || rows[1][1] != "3" {
		t.Errorf("rows %q", rows)
	}
	if fs, _ := f.GetCellFormula("Rejected rows", "D2"); fs != "" {
		t.Errorf("D2 became a formula %q", fs)
	}
}
