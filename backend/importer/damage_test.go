package importer

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"
)

const cadOrders = "shopify/orders_export_2025-04_CAD_79col.csv"

// TestExcelDamagedVariants rewrites a real orders export the ways Excel and
// other tools damage it; each variant must parse to exactly the records of
// the original.
func TestExcelDamagedVariants(t *testing.T) {
	orig := readReal(t, cadOrders)
	want, _, err := collect(t, FileSpec{Path: writeTemp(t, "orders.csv", orig)})
	if err != nil {
		t.Fatal(err)
	}
	recs := records(t, orig)
	header := recs[0]
	money := map[int]bool{}
	for _, c := range []string{"Subtotal", "Shipping", "Taxes", "Total", "Discount Amount", "Lineitem price", "Lineitem compare at price", "Refunded Amount", "Lineitem discount", "Outstanding Balance", "Tax 1 Value"} {
		money[colIndex(t, header, c)] = true
	}
	decimalComma := func(_, col int, s string) string {
		if money[col] {
			return strings.Replace(s, ".", ",", 1)
		}
		return s
	}
	tabbed := rewrite(t, recs, '\t', true, nil)
	variants := []struct {
		name string
		data []byte
	}{
		{"utf-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, orig...)},
		{"CRLF everywhere", bytes.ReplaceAll(orig, []byte("\n"), []byte("\r\n"))},
		{"excel unicode text: UTF-16LE, tabs, CRLF", utf16LE(t, tabbed)},
		{"UTF-16BE with BOM, tabs", utf16BE(t, tabbed)},
		{"windows-1252 re-save", cp1252(t, orig)},
		{"semicolons and decimal commas", rewrite(t, recs, ';', false, decimalComma)},
		{"pipes", rewrite(t, recs, '|', false, nil)},
		{"quoted empty cells everywhere", rewrite(t, recs, ',', false, func(_, _ int, s string) string {
			if s == "" {
				return "\x00EMPTY\x00"
			}
			return s
		})},
	}
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			data := v.data
			if v.name == "quoted empty cells everywhere" {
				// csv.Writer would escape quotes, so a sentinel becomes "" here.
				data = bytes.ReplaceAll(data, []byte("\x00EMPTY\x00"), []byte(`""`))
			}
			got, p, err := collect(t, FileSpec{Path: writeTemp(t, "orders.csv", data)})
			if err != nil {
				t.Fatal(err)
			}
			if len(p.rejects) != 0 {
				t.Errorf("rejects: %v", p.rejects)
			}
			if g, w := jsonOf(t, got), jsonOf(t, want); g != w {
				t.Errorf("records differ from the original's:\n%s", diffLines(w, g))
			}
		})
	}
}

// TestEuropeanExcel: semicolons, decimal commas, DD.MM.YYYY HH:MM dates and
// zips saved as numbers; amounts and dates must still come out right.
func TestEuropeanExcel(t *testing.T) {
	orig := readReal(t, cadOrders)
	recs := records(t, orig)
	created := colIndex(t, recs[0], "Created at")
	total := colIndex(t, recs[0], "Total")
	zip := colIndex(t, recs[0], "Billing Zip")
	iso := regexp.MustCompile(`^(\d{4})-(\d\d)-(\d\d) (\d\d:\d\d):\d\d [-+]\d{4}$`)
	data := rewrite(t, recs, ';', true, func(_, col int, s string) string {
		switch {
		case iso.MatchString(s):
			m := iso.FindStringSubmatch(s)
			return m[3] + "." + m[2] + "." + m[1] + " " + m[4]
		case col == total && s != "":
			return strings.Replace(s, ".", ",", 1) + " €"
		case col == zip:
			return strings.TrimLeft(strings.TrimPrefix(s, "'"), "0")
		}
		return s
	})
	got, p, err := collect(t, FileSpec{Path: writeTemp(t, "orders.csv", data)})
	if err != nil {
		t.Fatal(err)
	}
	want, _, _ := collect(t, FileSpec{Path: writeTemp(t, "o.csv", orig)})
	if len(got) != len(want) || len(p.rejects) > 0 {
		t.Fatalf("got %d records (%d rejects), want %d: %v", len(got), len(p.rejects), len(want), p.rejects)
	}
	for i := range got {
		g, w := got[i].Order, want[i].Order
		if g.Total != w.Total {
			t.Errorf("%s: total %d, want %d", g.Name, g.Total, w.Total)
		}
		// The offset is gone, so the wall time is read in the shop's zone (UTC here).
		wl := w.CreatedAt.In(time.FixedZone("", -7*3600)).Format("2006-01-02 15:04")
		if gl := g.CreatedAt.Format("2006-01-02 15:04"); gl != wl {
			t.Errorf("%s: created %s, want %s", g.Name, gl, wl)
		}
	}
	if p.env.dateOrder[created] != DateDMY {
		t.Errorf("dotted dates must be read day first, got %q", p.env.dateOrder[created])
	}
}

// TestTruncatedLastRecord: a file cut inside a quoted cell reports the last
// record and imports the rest.
func TestTruncatedLastRecord(t *testing.T) {
	orig := readReal(t, cadOrders)
	data := append(append([]byte{}, orig...), []byte("#2000,cut@example.com,paid,,unfulfilled,,yes,CAD,1.00,0.00,0.00,1.00,\"\",0.00,\"\",2025-04-02 10:00:00 -0700,1,\"Cut off na")...)
	got, p, err := collect(t, FileSpec{Path: writeTemp(t, "orders.csv", data)})
	if err != nil {
		t.Fatal(err)
	}
	want, _, _ := collect(t, FileSpec{Path: writeTemp(t, "o.csv", orig)})
	if len(got) != len(want) {
		t.Errorf("got %d records, want the %d complete ones", len(got), len(want))
	}
	if len(p.rejects) != 1 || !strings.Contains(p.rejects[0].Reason, "cut off") {
		t.Fatalf("want one reject about the cut-off record, got %v", p.rejects)
	}
}

// TestExcelNumberDamage: numbers Excel rewrote are flagged, not trusted.
func TestExcelNumberDamage(t *testing.T) {
	recs := records(t, readReal(t, "shopify/orders_export_2021-05_ZAR_75col.csv"))
	phone := colIndex(t, recs[0], "Billing Phone")
	zip := colIndex(t, recs[0], "Billing Zip")
	sku := colIndex(t, recs[0], "Lineitem sku")
	data := rewrite(t, recs, ',', false, func(row, col int, s string) string {
		switch {
		case row == 1 && col == phone:
			return "8.80018E+13"
		case row == 1 && col == sku:
			return "1.23457E+11"
		case col == zip && s == "'0183":
			return "183"
		}
		return s
	})
	_, p, err := collect(t, FileSpec{Path: writeTemp(t, "orders.csv", data)})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"Billing Phone": false, "Lineitem sku": false, "Billing Zip": false}
	for _, w := range p.warnings {
		if _, ok := want[w.Column]; ok {
			want[w.Column] = true
		}
	}
	for col, seen := range want {
		if !seen {
			t.Errorf("no warning for the damaged %s; warnings: %v", col, p.warnings)
		}
	}
}

// TestLeadingApostrophes: exporters' apostrophes are not part of the value.
func TestLeadingApostrophes(t *testing.T) {
	got, _, err := collect(t, FileSpec{Path: realDir + "/shopify/customers_export_2024_20col_apostrophes.csv"})
	if err != nil {
		t.Fatal(err)
	}
	c := got[0].Customer
	if c.ExternalID != "7985351721238" || c.Phone != "+925663310571" {
		t.Errorf("apostrophes kept: id %q phone %q", c.ExternalID, c.Phone)
	}
	for _, tc := range []struct{ in, want string }{
		{"'4001", "4001"}, {"'+92 324 6074596", "+92 324 6074596"}, {"'-123", "-123"}, {"'=SUM(A1)", "=SUM(A1)"},
		{"'90s tee", "'90s tee"}, {"P1H 1L6", "P1H 1L6"}, {"'", "'"},
	} {
		if got := cleanCell(tc.in); got != tc.want {
			t.Errorf("cleanCell(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
