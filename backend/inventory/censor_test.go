package inventory

import (
	"testing"
	"time"

	"shopclerk/backend/store/inventorydb"
)

func TestUncensorDemand(t *testing.T) {
	y := make([]float64, 30)
	out := make([]bool, 30)
	for i := range y {
		y[i] = 4
	}
	y[20], out[20] = 1, true // sold out after one sale
	y[21], out[21] = 0, true
	got := UncensorDemand(y, out)
	if got[20] != 4 || got[21] != 4 || got[19] != 4 || y[20] != 1 {
		t.Fatalf("uncensored %v (input %v)", got[18:23], y[18:23])
	}
	if same := UncensorDemand(y, nil); &same[0] != &y[0] {
		t.Fatal("no sold-out days must return the series as is")
	}
}

func TestSoldOutDays(t *testing.T) {
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	day := func(d, h int) time.Time { return time.Date(2026, 3, d, h, 0, 0, 0, time.UTC) }
	series := map[string][]float64{"MUG": make([]float64, 5)} // 5..9 March
	changes := []inventorydb.StockChange{
		{SKU: "MUG", Location: "A", After: 3, At: day(5, 8)},
		{SKU: "MUG", Location: "A", After: 0, At: day(6, 12)}, // out on the 6th, stays out
		{SKU: "MUG", Location: "A", After: 10, At: day(8, 9)}, // back in on the 8th (out in the morning)
	}
	got := SoldOutDays(changes, series, now, time.UTC)["MUG"]
	want := []bool{false, true, true, true, false}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("sold out %v, want %v", got, want)
		}
	}
}

func TestEmpiricalReorderPointCoversLumps(t *testing.T) {
	// A lumpy seller: a 20-unit order every 10 days, nothing between.
	h := make([]float64, 120)
	for i := 5; i < len(h); i += 10 {
		h[i] = 20
	}
	f := ForecastSeries(h, 60)
	it := Item{SKU: "L", Forecast: f, LeadTime: LeadTime{MeanDays: 10}, PackSize: 1, History: h}
	rop, ok := empiricalReorderPoint(it, 0.95, 20)
	if !ok || rop < 20 {
		t.Fatalf("reorder point %d (%v) does not cover one 20-unit order in a 10-day lead time (class %s)", rop, ok, f.Class)
	}
	if again, _ := empiricalReorderPoint(it, 0.95, 20); again != rop {
		t.Fatalf("not deterministic: %d then %d", rop, again)
	}
}
