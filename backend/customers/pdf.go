package customers

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"

	"shopclerk/backend/domain"
	"shopclerk/backend/email"
	"shopclerk/backend/pdftext"
)

// pdfDoc writes an export as an A4 document: headings, label-value rows
// and tables, in whatever script the customer's data is written in.
type pdfDoc struct {
	pdf *fpdf.Fpdf
	t   *pdftext.Doc
}

// PDF renders the export as a readable document: the profile, consent,
// value, segments, addresses and notes, then a table per kind of record.
// The JSON file carries the same data in full (email texts included).
func (e Export) PDF() ([]byte, error) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetTitle("Customer data: "+who(e.Customer), true)
	pdf.SetCreator("Shopclerk", true)
	pdf.SetCreationDate(e.ExportedAt)
	pdf.SetModificationDate(e.ExportedAt)
	pdf.SetAutoPageBreak(true, 15)
	pdf.AddPage()
	d := &pdfDoc{pdf: pdf, t: pdftext.New(pdf)}
	t := d.t
	t.SetFont(true, 16)
	t.Cell(0, 10, "Customer data: "+who(e.Customer), "", 1, "L")
	t.SetFont(false, 9)
	shop := e.Shop
	if shop == "" {
		shop = "this shop"
	}
	t.Paragraph(5, fmt.Sprintf("Everything %s holds about this customer in Shopclerk, exported %s. The JSON file exported with this one has the same data in full.",
		shop, e.ExportedAt.Format("2 January 2006 15:04 UTC")))
	c := e.Customer
	d.heading("Profile")
	d.rows([][2]string{
		{"Name", strings.TrimSpace(c.FirstName + " " + c.LastName)}, {"Email", c.Email}, {"Phone", c.Phone},
		{"City", strings.Trim(c.City+", "+c.Country, ", ")}, {"Birthday", c.Birthday},
		{"Customer since", c.CreatedAt.Format("2 Jan 2006")}, {"From", storeName(c.Source)},
		{"Store's note", c.Note}, {"Segments", strings.Join(e.Segments, ", ")},
	})
	d.heading("Consent")
	for _, cs := range e.Consent {
		line := strings.ReplaceAll(string(cs.Status), "_", " ")
		if cs.At != nil {
			line += " on " + cs.At.Format("2 Jan 2006")
		}
		d.rows([][2]string{{strings.ToUpper(string(cs.Channel)), line + ": " + cs.Source}})
		for _, h := range cs.History {
			verb := "withdrawn"
			if h.Given {
				verb = "given"
			}
			d.rows([][2]string{{"", h.At.Format("2 Jan 2006") + ": " + verb + ", " + h.Source}})
		}
	}
	l := e.Lifetime
	cur := l.Spent.Currency
	d.heading("Value")
	d.rows([][2]string{
		{"Orders", strconv.Itoa(l.Orders)}, {"Spent", money(l.Spent.Amount, cur)}, {"Refunded", money(l.Refunded, cur)},
		{"Average order", money(l.AverageOrder, cur)}, {"First order", day(l.FirstOrderAt)}, {"Last order", day(l.LastOrderAt)},
	})
	if r := e.RFM; r != nil {
		d.rows([][2]string{{"RFM segment", fmt.Sprintf("%s since %s (recency %d, frequency %d, monetary %d of 5, over %d days)",
			r.Label, r.Since.Format("2 Jan 2006"), r.R, r.F, r.M, r.WindowDays)}})
	}
	if len(e.Tags) > 0 {
		d.heading("Tags")
		for _, tg := range e.Tags {
			by := "added by you or the store"
			if tg.Automation {
				by = "added by the automation " + tg.Rule
			}
			d.rows([][2]string{{tg.Name, by}})
		}
	}
	if len(e.Addresses) > 0 {
		d.heading("Addresses")
		for _, a := range e.Addresses {
			parts := []string{a.Name, a.Company, a.Address1, a.Address2, strings.TrimSpace(a.Zip + " " + a.City), a.Province, a.Country, a.Phone}
			d.rows([][2]string{{"Used " + a.LastUsed.Format("Jan 2006"), strings.Join(nonEmptyParts(parts), ", ")}})
		}
	}
	if len(e.Notes) > 0 {
		d.heading("Your notes")
		for _, n := range e.Notes {
			t.SetFont(true, 9)
			t.Cell(0, 5, n.CreatedAt.Format("2 Jan 2006 15:04"), "", 1, "L")
			t.SetFont(false, 9)
			t.Paragraph(5, n.Body)
		}
	}
	d.table("Orders", []string{"Date", "Order", "Status", "Items", "Total"}, []float64{24, 26, 46, 58, 26}, len(e.Orders), func(i int) []string {
		o := e.Orders[i]
		status := string(o.FinancialStatus) + ", " + nonEmpty(string(o.FulfillmentStatus), "unfulfilled")
		if o.CancelledAt != nil {
			status = "cancelled"
		}
		var items []string
		for _, li := range o.Lines {
			items = append(items, fmt.Sprintf("%d × %s", li.Quantity, li.Name))
		}
		return []string{o.CreatedAt.Format("2 Jan 2006"), o.Name, humanize(status), strings.Join(items, "; "), money(o.Total, o.Currency)}
	})
	d.table("Abandoned carts", []string{"Date", "Cart", "Recovered", "Total"}, []float64{24, 70, 60, 26}, len(e.Carts), func(i int) []string {
		ct := e.Carts[i]
		return []string{ct.UpdatedAt.Format("2 Jan 2006"), ct.ExternalID, day(ct.RecoveredAt), money(ct.Total, ct.Currency)}
	})
	d.table("Coupons", []string{"Issued", "Code", "Worth", "Used"}, []float64{24, 60, 60, 36}, len(e.Coupons), func(i int) []string {
		k := e.Coupons[i]
		worth := money(k.AmountOff, k.Currency)
		if k.PercentOff > 0 {
			worth = strconv.Itoa(k.PercentOff) + " %"
		}
		if k.FreeShipping {
			worth += " + free shipping"
		}
		return []string{k.IssuedAt.Format("2 Jan 2006"), k.Code, worth, day(k.UsedAt)}
	})
	d.table("Emails sent", []string{"Date", "Subject", "To", "Status"}, []float64{24, 86, 50, 20}, len(e.EmailsSent), func(i int) []string {
		m := e.EmailsSent[i]
		return []string{m.CreatedAt.Format("2 Jan 2006"), m.Subject, m.To, humanize(m.Status)}
	})
	d.table("Emails received", []string{"Date", "Subject", "From", "Kind"}, []float64{24, 86, 50, 20}, len(e.EmailsReceived), func(i int) []string {
		m := e.EmailsReceived[i]
		return []string{m.ReceivedAt.Format("2 Jan 2006"), m.Subject, m.From, humanize(m.Kind)}
	})
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not build the PDF")
	}
	return b.Bytes(), nil
}

func (d *pdfDoc) heading(s string) {
	d.pdf.Ln(3)
	d.t.SetFont(true, 12)
	d.t.Cell(0, 8, s, "B", 1, "L")
	d.t.SetFont(false, 9)
}

// rows writes label-value pairs; a pair without a value is left out, and a
// long value wraps under its label's column.
func (d *pdfDoc) rows(kv [][2]string) {
	left, _, _, _ := d.pdf.GetMargins()
	for _, r := range kv {
		if strings.TrimSpace(r[1]) == "" {
			continue
		}
		d.t.SetFont(true, 9)
		d.t.Cell(34, 5, r[0], "", 0, "L")
		d.t.SetFont(false, 9)
		d.pdf.SetLeftMargin(left + 34)
		d.t.Paragraph(5, r[1])
		d.pdf.SetLeftMargin(left)
	}
}

// table writes n rows under a heading, repeating the header on each page.
func (d *pdfDoc) table(title string, header []string, widths []float64, n int, row func(i int) []string) {
	d.heading(fmt.Sprintf("%s (%d)", title, n))
	if n == 0 {
		d.t.Cell(0, 5, "None.", "", 1, "L")
		return
	}
	head := func() {
		d.t.SetFont(true, 8)
		for i, h := range header {
			d.t.Cell(widths[i], 6, h, "B", 0, "L")
		}
		d.pdf.Ln(-1)
		d.t.SetFont(false, 8)
	}
	head()
	for i := range n {
		if d.pdf.GetY() > 275 {
			d.pdf.AddPage()
			head()
		}
		for j, c := range row(i) {
			d.t.Cell(widths[j], 5, c, "", 0, "L")
		}
		d.pdf.Ln(-1)
	}
}

func money(amount int64, cur string) string {
	if cur == "" {
		return email.Decimal(amount, cur)
	}
	return email.FormatMoney(amount, cur)
}

func day(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format("2 Jan 2006")
}

func nonEmptyParts(parts []string) []string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
