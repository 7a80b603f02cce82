package inventory

import (
	"time"

	"shopclerk/backend/store/inventorydb"
)

// HistoryDays is how far back demand is read: a year shows every weekday
// many times and one of each season, and older sales say little about now.
const HistoryDays = 365

// DailyDemand buckets sales into the shop's days (invariant 5: a sale at
// 23:30 in Berlin counts for that Berlin day, whatever UTC says). Each
// SKU's series runs from its first sale day to yesterday: today is not over,
// and a half day of sales would read as a drop in demand. Returns, entered
// as negative quantities, lower their day; a day never goes below zero.
func DailyDemand(sales []inventorydb.SaleRow, now time.Time, loc *time.Location) (series map[string][]float64, firstDay map[string]time.Time) {
	series, firstDay = map[string][]float64{}, map[string]time.Time{}
	today := dayStart(now, loc)
	bySKU := map[string]map[int]float64{}
	first := map[string]int{}
	for _, r := range sales {
		d := daysBetween(dayStart(r.At, loc), today) // 1 = yesterday
		if d < 1 || d > HistoryDays {
			continue
		}
		m := bySKU[r.SKU]
		if m == nil {
			m = map[int]float64{}
			bySKU[r.SKU] = m
		}
		m[d] += float64(r.Quantity)
		if r.Quantity > 0 && d > first[r.SKU] {
			first[r.SKU] = d
		}
	}
	for sku, m := range bySKU {
		n := first[sku]
		if n == 0 {
			continue // only returns in the window: no sales history
		}
		y := make([]float64, n)
		for d, q := range m {
			if d <= n {
				y[n-d] = max(q, 0)
			}
		}
		series[sku] = y
		firstDay[sku] = today.AddDate(0, 0, -n)
	}
	return series, firstDay
}

func dayStart(t time.Time, loc *time.Location) time.Time {
	t = t.In(loc)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc)
}

// daysBetween counts calendar days, right across daylight-saving changes
// (a 23- or 25-hour day is still one day).
func daysBetween(a, b time.Time) int {
	ua := time.Date(a.Year(), a.Month(), a.Day(), 0, 0, 0, 0, time.UTC)
	ub := time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, time.UTC)
	return int(ub.Sub(ua).Hours() / 24)
}
