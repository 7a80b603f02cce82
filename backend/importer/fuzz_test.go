package importer

import (
	"context"
	"errors"
	"net/mail"
	"strings"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/importer/sheet"
)

// parseBytes runs the whole reading path over in-memory bytes: whatever
// they hold, it must not panic, and a failure must be a seller-facing
// *domain.Error (file refused) or row issues.
func parseBytes(t *testing.T, name string, data []byte, opts Options) {
	in, err := sheet.NewFile("", name, data)
	if err != nil {
		return
	}
	p, err := open(context.Background(), in, opts, nil)
	if err != nil {
		var de *domain.Error
		if !errors.As(err, &de) {
			t.Fatalf("file error is not a domain error: %T %v", err, err)
		}
		return
	}
	defer p.close()
	if p.b == nil {
		return
	}
	if err := p.prepare(opts, true); err != nil {
		var de *domain.Error
		if !errors.As(err, &de) {
			t.Fatalf("prepare error is not a domain error: %T %v", err, err)
		}
		return
	}
	err = p.run(context.Background(), func(Record) {}, 0, nil)
	if err != nil {
		var de *domain.Error
		if !errors.As(err, &de) {
			t.Fatalf("run error is not a domain error: %T %v", err, err)
		}
	}
	for _, is := range p.rejects {
		if is.Row < 1 || is.Reason == "" {
			t.Fatalf("reject without a row or reason: %+v", is)
		}
	}
}

func FuzzCSVRows(f *testing.F) {
	for _, rel := range []string{cadOrders, "shopify/customers_export_2024_20col_apostrophes.csv", "shopify/inventory_export_2023-12_17col.csv",
		"amazon/new_orders_report_example.txt", "amazon/merchant_listings_all_data_example_uk.txt"} {
		b := readReal(f, rel)
		f.Add(b[:min(len(b), 4000)])
	}
	f.Add([]byte("Name,Email,Lineitem quantity,Lineitem name,Created at,Total,Currency\n#1,a@b.c,x,\"unterminated,2025-01-01,1e9999,JPY\n"))
	f.Add([]byte("Handle,Title,Variant SKU,Variant Price\nh,T,'=1,\"1.2.3\"\n,,,\n"))
	f.Add([]byte("\xFF\xFEN\x00a\x00m\x00e\x00"))
	f.Add([]byte("Order #;Date;Net sales;Product(s)\n1;31/02/2024;12,5;2× Hoodie\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		parseBytes(t, "fuzz.csv", data, Options{})
	})
}

func FuzzXLSXRows(f *testing.F) {
	f.Add(buildXLSX(f, "S", []string{"S"}, map[string][][]any{"S": {
		{"Name", "Email", "Lineitem quantity", "Lineitem name", "Created at"},
		{"#1", "a@b.c", 2, "Mug", 45356.5},
		{"#1", "a@b.c", "x", "Pot", "not a date"},
	}}))
	f.Add(buildXLSX(f, "S", []string{"S", "T"}, map[string][][]any{"S": {{"seller-sku", "item-name", "quantity"}, {"1E+11", "x", -3}}}))
	f.Fuzz(func(t *testing.T, data []byte) {
		parseBytes(t, "fuzz.xlsx", data, Options{})
	})
}

func FuzzPlainEmail(f *testing.F) {
	for _, s := range append([]string{"a@b.c", "casey.fixture+shop@example.co.uk", "", "x@localhost", "ünï@exämple.com", "@b.c", "a@"}, hostileEmails...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !plainEmail(s) {
			return
		}
		a, err := mail.ParseAddress(s)
		if err != nil || a.Name != "" || a.Address != s {
			t.Fatalf("%q passed but parses as %+v, %v", s, a, err)
		}
		if strings.ContainsAny(s, " \t\r\n,<>\"") || strings.Count(s, "@") != 1 || sheet.NotText(s) {
			t.Fatalf("%q passed but could carry another recipient", s)
		}
	})
}
