package inventory

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"shopclerk/backend/store/inventorydb"
)

func near(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol {
		t.Errorf("%s = %.4f, want %.4f ± %.4f", what, got, want, tol)
	}
}

func TestForecastKnownSeries(t *testing.T) {
	constant := make([]float64, 120)
	for i := range constant {
		constant[i] = 5
	}
	trend := make([]float64, 120)
	for i := range trend {
		trend[i] = 10 + 0.5*float64(i)
	}
	// A strong weekly pattern: weekends sell triple.
	weekly := make([]float64, 140)
	profile := []float64{4, 4, 4, 4, 4, 12, 12}
	for i := range weekly {
		weekly[i] = profile[i%7]
	}
	// Intermittent: a sale of 4 every 5th day, so 0.8 a day on average.
	sparse := make([]float64, 200)
	for i := 4; i < len(sparse); i += 5 {
		sparse[i] = 4
	}

	t.Run("constant", func(t *testing.T) {
		f := ForecastSeries(constant, 30)
		if f.Class != ClassSmooth {
			t.Errorf("class %s, want smooth", f.Class)
		}
		for _, d := range []int{0, 13, 29} {
			near(t, "day "+itoa(d), f.Daily[d], 5, 0.01)
		}
		near(t, "holdout MAE", f.MAE, 0, 0.01)
		near(t, "sigma", f.Sigma, 0, 0.01)
	})
	t.Run("trend", func(t *testing.T) {
		f := ForecastSeries(trend, 30)
		if f.Method != MethodHoltDamped && f.Method != MethodHoltWinters {
			t.Errorf("method %s, want a trend method", f.Method)
		}
		// The next value of the line is 70; damping bends the path over
		// time, so the first days must be right and later ones not above it.
		near(t, "tomorrow", f.Daily[0], 70, 1)
		if f.Daily[29] > 10+0.5*149+0.5 || f.Daily[29] < f.Daily[0] {
			t.Errorf("day 30 = %.1f, want between %.1f and %.1f", f.Daily[29], f.Daily[0], 10+0.5*149)
		}
	})
	t.Run("weekly seasonal", func(t *testing.T) {
		f := ForecastSeries(weekly, 14)
		if f.Method != MethodHoltWinters {
			t.Fatalf("method %s, want %s", f.Method, MethodHoltWinters)
		}
		// The series has 140 days = 20 weeks, so day 0 ahead is weekday 0.
		for d := range 14 {
			near(t, "day "+itoa(d), f.Daily[d], profile[d%7], 0.5)
		}
		if f.MASE > 0.2 {
			t.Errorf("MASE %.2f on an exact weekly pattern", f.MASE)
		}
	})
	t.Run("intermittent", func(t *testing.T) {
		f := ForecastSeries(sparse, 30)
		if f.Class != ClassIntermittent {
			t.Errorf("class %s, want intermittent", f.Class)
		}
		if f.Method != MethodSBA && f.Method != MethodTSB {
			t.Errorf("method %s, want SBA or TSB", f.Method)
		}
		near(t, "daily rate", f.Daily[0], 0.8, 0.1)
		near(t, "30 days", f.Over(0, 30), 24, 3)
	})
	t.Run("lumpy stops selling", func(t *testing.T) {
		// TSB lets an item that stopped selling fade; Croston cannot.
		y := append(append([]float64(nil), sparse[:150]...), make([]float64, 60)...)
		f := ForecastSeries(y, 10)
		if f.Daily[0] > 0.5 {
			t.Errorf("after 60 silent days the rate is %.2f, want it to have faded below 0.5 (method %s)", f.Daily[0], f.Method)
		}
	})
	t.Run("new and none", func(t *testing.T) {
		f := ForecastSeries([]float64{1, 3, 2}, 5)
		if f.Method != MethodMovingAverage || f.Class != ClassNew {
			t.Errorf("3 days of history: %s/%s, want moving average/new", f.Method, f.Class)
		}
		near(t, "moving average", f.Daily[4], 2, 1e-9)
		f = ForecastSeries(nil, 5)
		if f.Method != MethodNone || len(f.Daily) != 5 || f.Daily[0] != 0 {
			t.Errorf("no history: %+v", f)
		}
	})
	t.Run("noisy smooth beats naive", func(t *testing.T) {
		r := rand.New(rand.NewPCG(1, 2))
		y := make([]float64, 200)
		for i := range y {
			y[i] = math.Max(0, math.Round(10+3*r.NormFloat64()))
		}
		f := ForecastSeries(y, 10)
		near(t, "level", f.Daily[0], 10, 1)
		if f.MASE <= 0 || f.MASE > 1 {
			t.Errorf("MASE %.2f, want in (0, 1]: the method should beat yesterday's value", f.MASE)
		}
		near(t, "sigma", f.Sigma, 3, 0.6)
	})
}

func TestForecastOverFractionalDays(t *testing.T) {
	f := Forecast{Daily: []float64{1, 2, 3}}
	near(t, "0..1.5", f.Over(0, 1.5), 1+1, 1e-9)
	near(t, "past the path", f.Over(2, 3), 9, 1e-9)
	near(t, "zero days", f.Over(0, 0), 0, 0)
}

func TestDailyDemandUsesShopDays(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	sales := []inventorydb.SaleRow{
		// 23:30 UTC on 8 March is 00:30 on 9 March in Berlin: yesterday.
		{SKU: "A", At: time.Date(2026, 3, 8, 23, 30, 0, 0, time.UTC), Quantity: 2},
		{SKU: "A", At: time.Date(2026, 3, 7, 10, 0, 0, 0, time.UTC), Quantity: 1},
		{SKU: "A", At: time.Date(2026, 3, 7, 11, 0, 0, 0, time.UTC), Quantity: -1}, // a return
		{SKU: "A", At: time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC), Quantity: 5},  // today: not complete
		{SKU: "R", At: time.Date(2026, 3, 7, 11, 0, 0, 0, time.UTC), Quantity: -3}, // only a return
	}
	got, first := DailyDemand(sales, now, berlin)
	want := []float64{0, 0, 2} // 7, 8, 9 March
	if len(got["A"]) != 3 || got["A"][0] != want[0] || got["A"][2] != want[2] {
		t.Fatalf("Berlin days: %v, want %v", got["A"], want)
	}
	if first["A"].Format("2006-01-02") != "2026-03-07" {
		t.Errorf("first day %s", first["A"])
	}
	if _, ok := got["R"]; ok {
		t.Errorf("a SKU with only returns has no sales history: %v", got["R"])
	}
	utc, _ := DailyDemand(sales, now, time.UTC)
	if len(utc["A"]) != 3 || utc["A"][1] != 2 || utc["A"][2] != 0 {
		t.Errorf("UTC days: %v, want [0 2 0]", utc["A"])
	}
}

func itoa(i int) string { return string(rune('0'+i/10)) + string(rune('0'+i%10)) }
