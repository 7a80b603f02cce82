package email

import "testing"

// Emails show amounts with the same decimals the importer stored them in
// (domain.CurrencyDigits), so a Ugandan shilling order of 5000 is 5000 UGX,
// not 50.00.
func TestFormatMoneyUsesTheCurrencysDecimals(t *testing.T) {
	for _, c := range []struct {
		amount   int64
		currency string
		want     string
	}{{1234, "EUR", "12.34 EUR"}, {5000, "UGX", "5000 UGX"}, {1500, "JPY", "1500 JPY"}, {12345, "KWD", "12.345 KWD"}, {-250, "GBP", "-2.50 GBP"}} {
		if got := FormatMoney(c.amount, c.currency); got != c.want {
			t.Errorf("%d %s: %q, want %q", c.amount, c.currency, got, c.want)
		}
	}
}

// Spreadsheet cells and PDF columns carry the number alone; an email adds
// the currency code after the very same number.
func TestDecimalIsFormatMoneyWithoutTheCode(t *testing.T) {
	for amount, want := range map[int64]string{1234: "12.34", -5: "-0.05", 0: "0.00"} {
		if got := Decimal(amount, "EUR"); got != want {
			t.Errorf("Decimal(%d, EUR) = %q, want %q", amount, got, want)
		}
	}
	if got := Decimal(1234, "KWD"); got != "1.234" {
		t.Errorf("KWD: %q", got)
	}
}
