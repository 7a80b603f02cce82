package importer

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in     string
		exp    int
		comma  bool
		want   int64
		wantOK bool
	}{
		{"1500.00", 2, false, 150000, true},
		{"33017.00", 2, false, 3301700, true},
		{"1,234.50", 2, false, 123450, true},
		{"1.234,50", 2, false, 123450, true},
		{"12,50", 2, false, 1250, true},
		{"12,50", 2, true, 1250, true},
		{"1,234", 2, false, 123400, true},
		{"1,234", 2, true, 123, true}, // 1,234 € in a comma locale is 1.234 -> rounded to cents
		{"1.234", 2, true, 123400, true},
		{"116,99 €", 2, true, 11699, true},
		{"$8.00", 2, false, 800, true},
		{"-$0.93", 2, false, -93, true},
		{"(3.00)", 2, false, -300, true},
		{"1 234,5", 2, true, 123450, true},
		{"500", 0, false, 500, true},
		{"1,500", 0, false, 1500, true},
		{"1.2345", 3, false, 1235, true},
		{"0.005", 2, false, 1, true},
		{"", 2, false, 0, true},
		{"abc", 2, false, 0, true}, // letters are a currency code, but nothing numeric is left
		{"12.3.4", 2, false, 0, false},
		{"1%", 2, false, 0, false},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%s/%d/%v", tc.in, tc.exp, tc.comma), func(t *testing.T) {
			got, err := parseMoney(tc.in, tc.exp, tc.comma)
			if tc.in == "abc" {
				if err == nil {
					t.Errorf("abc must not be money")
				}
				return
			}
			if (err == nil) != tc.wantOK || (err == nil && got != tc.want) {
				t.Errorf("parseMoney(%q) = %d, %v; want %d ok=%v", tc.in, got, err, tc.want, tc.wantOK)
			}
		})
	}
}

func TestParseQuantityAndBool(t *testing.T) {
	for in, want := range map[string]int{"3": 3, "-9": -9, "1.0": 1, "1,000": 1000, " 2 ": 2, "": 0} {
		if got, err := parseQuantity(in); err != nil || got != want {
			t.Errorf("parseQuantity(%q) = %d, %v", in, got, err)
		}
	}
	for _, bad := range []string{"1.5", "two", "not stocked"} {
		if _, err := parseQuantity(bad); err == nil {
			t.Errorf("parseQuantity(%q) accepted", bad)
		}
	}
	for in, want := range map[string]bool{"yes": true, "TRUE": true, "1": true, "no": false, "false": false, "": false} {
		if got, ok := parseBool(in); !ok || got != want {
			t.Errorf("parseBool(%q) = %v %v", in, got, ok)
		}
	}
	for in, want := range map[string]bool{"8.8E+13": true, "1.23457E+11": true, "6,29549E+12": true, "1E5": true, "E+12": false, "12345": false, "SKU-1E+3": false} {
		if got := isScientific(in); got != want {
			t.Errorf("isScientific(%q) = %v", in, got)
		}
	}
}

func TestParseDate(t *testing.T) {
	utc := func(s string) time.Time { tm, _ := time.Parse(time.RFC3339, s); return tm.UTC() }
	tests := []struct {
		in    string
		order DateOrder
		want  time.Time
	}{
		{"2025-03-20 05:20:57 -0700", "", utc("2025-03-20T12:20:57Z")},
		{"2017-06-17T08:04:21+00:00", "", utc("2017-06-17T08:04:21Z")},
		{"2024-05-01 0:00:00", "", utc("2024-05-01T00:00:00Z")},
		{"2024-05-01", "", utc("2024-05-01T00:00:00Z")},
		{"20/03/2025", DateDMY, utc("2025-03-20T00:00:00Z")},
		{"03/20/2025", DateMDY, utc("2025-03-20T00:00:00Z")},
		{"01/02/2024", DateDMY, utc("2024-02-01T00:00:00Z")},
		{"01/02/2024", DateMDY, utc("2024-01-02T00:00:00Z")},
		{"08/07/2016 10:12:40 BST", DateDMY, utc("2016-07-08T09:12:40Z")},
		{"4/1/2025 17:18", DateMDY, utc("2025-04-01T17:18:00Z")},
		{"01.04.2025 17:18", DateMDY, utc("2025-04-01T17:18:00Z")}, // dotted is day first whatever the order
		{"09/03/26", DateMDY, utc("2026-09-03T00:00:00Z")},
		{"5/31/2016 0:37", DateMDY, utc("2016-05-31T00:37:00Z")},
		{"3/5/2024 2:30 PM", DateMDY, utc("2024-03-05T14:30:00Z")},
		{"Sep-30-26 23:45:00", "", utc("2026-09-30T23:45:00Z")},
		{"Jul-25-26", "", utc("2026-07-25T00:00:00Z")},
		{"45356.5", "", utc("2024-03-05T12:00:00Z")},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := parseDate(tc.in, tc.order, time.UTC)
			if err != nil || !got.Equal(tc.want) {
				t.Errorf("parseDate(%q, %q) = %s, %v; want %s", tc.in, tc.order, got, err, tc.want)
			}
		})
	}
	for _, bad := range []string{"31/02/2024", "yesterday", "2024-13-01", "13/13/2024"} {
		if _, err := parseDate(bad, DateDMY, time.UTC); err == nil {
			t.Errorf("parseDate(%q) accepted", bad)
		}
	}
}

// TestDateColumnOrder: the day/month order is decided per column from all
// its values, even a deciding value far past the sample; a column that
// cannot tell becomes a question with a default, and the answer is obeyed.
func TestDateColumnOrder(t *testing.T) {
	build := func(last string) []byte {
		var b strings.Builder
		b.WriteString("Order,Date,Shipped\n")
		for i := 1; i < 400; i++ {
			fmt.Fprintf(&b, "A%d,01/02/2024,03/04/2024\n", i)
		}
		fmt.Fprintf(&b, "A400,%s,03/04/2024\n", last)
		return []byte(b.String())
	}
	m := Mapping{FOrderID: "Order", FCreatedAt: "Date", FFulfilledAt: "Shipped"}
	opts := Options{Kind: KindOrders, Mapping: m}

	decided := writeTemp(t, "a.csv", build("25/12/2024"))
	recs, p, err := collect(t, FileSpec{Path: decided, Options: opts})
	if err != nil {
		t.Fatal(err)
	}
	if got := recs[0].Order.CreatedAt.Format("2006-01-02"); got != "2024-02-01" {
		t.Errorf("Date column with a 25/12 far down: first date read %s, want day first", got)
	}
	if len(p.question) != 1 || p.question[0].Column != "Shipped" || p.question[0].Default != DateDMY {
		t.Errorf("questions %+v, want one about Shipped", p.question)
	}

	ambiguous := writeTemp(t, "b.csv", build("01/02/2024"))
	info, err := Inspect(context.Background(), FileSpec{Path: ambiguous, Options: opts}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(info.Questions) != 2 {
		t.Fatalf("questions %+v", info.Questions)
	}
	answered := opts
	answered.DateOrders = map[string]DateOrder{"Date": DateMDY}
	recs, p, _ = collect(t, FileSpec{Path: ambiguous, Options: answered})
	if got := recs[0].Order.CreatedAt.Format("2006-01-02"); got != "2024-01-02" || len(p.question) != 1 {
		t.Errorf("answered month first: got %s, questions %+v", got, p.question)
	}
	all := opts
	all.DefaultDateOrder = DateMDY
	recs, _, _ = collect(t, FileSpec{Path: ambiguous, Options: all})
	if got := recs[0].Order.FulfilledAt.Format("2006-01-02"); got != "2024-03-04" {
		t.Errorf("default month first: shipped %s", got)
	}
}
