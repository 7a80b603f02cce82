package domain

import "testing"

func TestCurrencyDigits(t *testing.T) {
	for cur, want := range map[string]int{"EUR": 2, "usd": 2, "JPY": 0, "UGX": 0, "xof": 0, "KWD": 3, "TND": 3, "": 2} {
		if got := CurrencyDigits(cur); got != want {
			t.Errorf("%q: %d digits, want %d", cur, got, want)
		}
	}
}
