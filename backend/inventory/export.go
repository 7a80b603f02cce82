package inventory

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
	"github.com/xuri/excelize/v2"

	"shopclerk/backend/domain"
	"shopclerk/backend/email"
	"shopclerk/backend/pdftext"
)

// ExportFormat is a file type a purchase order can be saved as.
type ExportFormat string

const (
	FormatXLSX ExportFormat = "xlsx"
	FormatPDF  ExportFormat = "pdf"
	FormatCSV  ExportFormat = "csv"
)

// drawLogo puts a PNG or JPEG logo in the top right corner, at most 45 ×
// 18 mm, its proportions kept; anything the PDF library cannot draw is
// left out rather than failing the order.
func (d Document) drawLogo(pdf *fpdf.Fpdf) {
	kind := map[string]string{"image/png": "PNG", "image/jpeg": "JPG"}[d.Logo.Type]
	if kind == "" || len(d.Logo.Data) == 0 {
		return
	}
	info := pdf.RegisterImageOptionsReader("shop-logo", fpdf.ImageOptions{ImageType: kind}, bytes.NewReader(d.Logo.Data))
	if pdf.Err() || info == nil || info.Width() <= 0 || info.Height() <= 0 {
		pdf.ClearError()
		return
	}
	w, h := 45.0, 45.0*info.Height()/info.Width()
	if h > 18 {
		w, h = 18*info.Width()/info.Height(), 18
	}
	pw, _ := pdf.GetPageSize()
	_, top, right, _ := pdf.GetMargins()
	pdf.ImageOptions("shop-logo", pw-right-w, top, w, h, false, fpdf.ImageOptions{ImageType: kind}, 0, "")
}

// Render produces the document in one format.
func (d Document) Render(f ExportFormat) ([]byte, error) {
	switch f {
	case FormatXLSX:
		return d.XLSX()
	case FormatPDF:
		return d.PDF()
	case FormatCSV:
		return d.CSV()
	}
	return nil, domain.Errorf(domain.CodeInvalid, "Purchase orders can be saved as xlsx, pdf or csv, not %q.", string(f))
}

// Document is a purchase order as the supplier receives it.
type Document struct {
	PO       domain.PurchaseOrder
	Supplier domain.Supplier
	// Shop is the sender (Settings > Shop): its name, address, contact and
	// VAT number head the order, and its delivery address (else its
	// address) says where the goods go.
	Shop domain.ShopIdentity
	// Logo heads the PDF when it is a PNG or JPEG (the PDF library draws
	// no SVG); none: no logo.
	Logo     domain.ShopLogo
	Date     time.Time
	Location *time.Location // the shop's time zone, for the printed date
}

// from is the sender's name as the order prints it: the legal name, with
// the shop's name beside it when they differ.
func (d Document) from() string {
	s := d.Shop
	switch {
	case s.LegalName == "" || s.LegalName == s.Name:
		return s.Name
	case s.Name == "":
		return s.LegalName
	}
	return s.LegalName + " (" + s.Name + ")"
}

// contact is the sender's email and phone on one line.
func (d Document) contact() string {
	var out []string
	for _, v := range []string{d.Shop.Email, d.Shop.Phone} {
		if v != "" {
			out = append(out, v)
		}
	}
	return strings.Join(out, " · ")
}

// head is the block above the lines, label and value, with an address as
// its lines; a row without a value is left out.
func (d Document) head(supplierEmail string) [][2]string {
	var rows [][2]string
	add := func(label string, values ...string) {
		for _, v := range values {
			if v != "" {
				rows = append(rows, [2]string{label, v})
				label = ""
			}
		}
	}
	add("From", d.from())
	add("", d.Shop.AddressLines()...)
	add("", d.contact())
	if d.Shop.VATNumber != "" {
		add("", "VAT no. "+d.Shop.VATNumber)
	}
	if lines := d.Shop.DeliveryLines(); len(lines) > 0 {
		add("Deliver to", append([]string{d.Shop.Name}, lines...)...)
	}
	add("To", d.Supplier.Name)
	add(supplierEmail, d.Supplier.Email)
	add("Date", d.date())
	add("Currency", d.PO.Currency)
	return rows
}

func (d Document) date() string {
	loc := d.Location
	if loc == nil {
		loc = time.UTC
	}
	return d.Date.In(loc).Format("2006-01-02")
}

// SafeCell makes a text cell inert in spreadsheets: a value starting with
// = + - @ or a tab or carriage return would be read as a formula by Excel,
// LibreOffice or Sheets (CSV/formula injection), so it gets a leading
// apostrophe, which spreadsheets show as plain text.
func SafeCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// majorUnits is the amount as a spreadsheet number. A float is fine here:
// it is display only, derived from the exact integer.
func majorUnits(amount int64, currency string) float64 {
	f, _ := strconv.ParseFloat(email.Decimal(amount, currency), 64)
	return f
}

var lineHeader = []string{"Supplier SKU", "Our SKU", "Item", "Quantity", "Unit cost", "Line total"}

func lineCode(l domain.PurchaseOrderLine) string {
	if l.SupplierSKU != "" {
		return l.SupplierSKU
	}
	return l.SKU
}

func lineTitle(l domain.PurchaseOrderLine) string {
	return strings.TrimSpace(l.Title + " " + l.VariantTitle)
}

// XLSX renders the order as an Excel workbook: a heading block, then one
// row per line with numbers as numbers, so the supplier can sum and sort.
func (d Document) XLSX() ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Purchase order"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not build the purchase order spreadsheet")
	}
	cur := d.PO.Currency
	numFmt := "#,##0.00"
	if domain.CurrencyDigits(cur) == 0 {
		numFmt = "#,##0"
	} else if domain.CurrencyDigits(cur) == 3 {
		numFmt = "#,##0.000"
	}
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	title, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	money, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &numFmt})
	boldMoney, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, CustomNumFmt: &numFmt})
	set := func(cell string, v any) {
		if s, ok := v.(string); ok {
			v = SafeCell(s)
		}
		f.SetCellValue(sheet, cell, v)
	}
	set("A1", "Purchase order "+d.PO.Number)
	f.SetCellStyle(sheet, "A1", "A1", title)
	head := d.head("Supplier email")
	if d.PO.Note != "" {
		head = append(head, [2]string{"Note", d.PO.Note})
	}
	for i, kv := range head {
		set(fmt.Sprintf("A%d", i+2), kv[0])
		set(fmt.Sprintf("B%d", i+2), kv[1])
		f.SetCellStyle(sheet, fmt.Sprintf("A%d", i+2), fmt.Sprintf("A%d", i+2), bold)
	}
	row := len(head) + 3
	for i, h := range lineHeader {
		cell, _ := excelize.CoordinatesToCellName(i+1, row)
		set(cell, h)
	}
	f.SetCellStyle(sheet, fmt.Sprintf("A%d", row), fmt.Sprintf("F%d", row), bold)
	for _, l := range d.PO.Lines {
		row++
		set(fmt.Sprintf("A%d", row), lineCode(l))
		set(fmt.Sprintf("B%d", row), l.SKU)
		set(fmt.Sprintf("C%d", row), lineTitle(l))
		set(fmt.Sprintf("D%d", row), l.Quantity)
		set(fmt.Sprintf("E%d", row), majorUnits(l.UnitCost, cur))
		set(fmt.Sprintf("F%d", row), majorUnits(int64(l.Quantity)*l.UnitCost, cur))
		f.SetCellStyle(sheet, fmt.Sprintf("E%d", row), fmt.Sprintf("F%d", row), money)
	}
	row++
	set(fmt.Sprintf("E%d", row), "Total")
	set(fmt.Sprintf("F%d", row), majorUnits(d.PO.Total, cur))
	f.SetCellStyle(sheet, fmt.Sprintf("E%d", row), fmt.Sprintf("E%d", row), bold)
	f.SetCellStyle(sheet, fmt.Sprintf("F%d", row), fmt.Sprintf("F%d", row), boldMoney)
	for col, w := range map[string]float64{"A": 18, "B": 16, "C": 40, "D": 10, "E": 12, "F": 14} {
		f.SetColWidth(sheet, col, col, w)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not build the purchase order spreadsheet")
	}
	return buf.Bytes(), nil
}

// CSV renders the lines as CSV, every text cell escaped by SafeCell.
func (d Document) CSV() ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(lineHeader)
	for _, l := range d.PO.Lines {
		w.Write([]string{SafeCell(lineCode(l)), SafeCell(l.SKU), SafeCell(lineTitle(l)), strconv.Itoa(l.Quantity),
			email.Decimal(l.UnitCost, d.PO.Currency), email.Decimal(int64(l.Quantity)*l.UnitCost, d.PO.Currency)})
	}
	w.Write([]string{"", "", "", "", "Total", email.Decimal(d.PO.Total, d.PO.Currency)})
	w.Flush()
	if err := w.Error(); err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not build the CSV")
	}
	return b.Bytes(), nil
}

// PDF renders the order as an A4 page (more pages for long orders). Text
// prints in its own script whatever the supplier writes in (see pdftext).
func (d Document) PDF() ([]byte, error) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetTitle("Purchase order "+d.PO.Number, true)
	pdf.SetCreator("Shopclerk", true)
	pdf.SetCreationDate(d.Date)
	pdf.SetModificationDate(d.Date)
	pdf.SetAutoPageBreak(true, 15)
	pdf.AddPage()
	t := pdftext.New(pdf)
	d.drawLogo(pdf)
	t.SetFont(true, 16)
	t.Cell(0, 10, "Purchase order "+d.PO.Number, "", 1, "L")
	for _, kv := range d.head("Email") {
		t.SetFont(true, 10)
		t.Cell(30, 6, kv[0], "", 0, "L")
		t.SetFont(false, 10)
		t.Cell(0, 6, kv[1], "", 1, "L")
	}
	if d.PO.Note != "" {
		t.Paragraph(5, d.PO.Note)
	}
	pdf.Ln(4)
	widths := []float64{32, 30, 60, 18, 24, 26}
	align := []string{"L", "L", "L", "R", "R", "R"}
	header := func() {
		t.SetFont(true, 9)
		for i, h := range lineHeader {
			t.Cell(widths[i], 7, h, "B", 0, align[i])
		}
		pdf.Ln(-1)
		t.SetFont(false, 9)
	}
	header()
	for _, l := range d.PO.Lines {
		if pdf.GetY() > 270 {
			pdf.AddPage()
			header()
		}
		cells := []string{lineCode(l), l.SKU, lineTitle(l), strconv.Itoa(l.Quantity),
			email.Decimal(l.UnitCost, d.PO.Currency), email.Decimal(int64(l.Quantity)*l.UnitCost, d.PO.Currency)}
		for i, c := range cells {
			t.Cell(widths[i], 6, c, "", 0, align[i])
		}
		pdf.Ln(-1)
	}
	t.SetFont(true, 10)
	t.Cell(widths[0]+widths[1]+widths[2]+widths[3]+widths[4], 8, "Total "+d.PO.Currency, "T", 0, "R")
	t.Cell(widths[5], 8, email.Decimal(d.PO.Total, d.PO.Currency), "T", 1, "R")
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not build the purchase order PDF")
	}
	return b.Bytes(), nil
}
