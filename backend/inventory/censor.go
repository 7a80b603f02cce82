package inventory

import (
	"time"

	"shopclerk/backend/store/inventorydb"
)

// censorWindow is how many days either side of a sold-out day are looked at
// to estimate what it would have sold.
const censorWindow = 28

// UncensorDemand estimates what a SKU would have sold on the days it was
// sold out. Sales on such a day are only a lower bound of demand (customers
// met "sold out"), and a forecast fed the raw sales dips after every
// stock-out, which orders too little and causes the next one. out[i] is
// true when day i ended with no stock available (the app reads it from the
// stock history, the simulation from its simulated stock). A sold-out day
// counts as the larger of its sales and the mean daily sales of the in-stock
// days within four weeks either side (all in-stock days if there are fewer
// than a week of them). The result is a new slice; y is not changed.
func UncensorDemand(y []float64, out []bool) []float64 {
	n := len(y)
	any := false
	for i := 0; i < n && i < len(out); i++ {
		if out[i] {
			any = true
			break
		}
	}
	if !any {
		return y
	}
	// Prefix sums of in-stock sales and in-stock day counts: O(n) however
	// many days were sold out.
	sum := make([]float64, n+1)
	cnt := make([]int, n+1)
	for i, v := range y {
		sum[i+1], cnt[i+1] = sum[i], cnt[i]
		if i >= len(out) || !out[i] {
			sum[i+1] += v
			cnt[i+1]++
		}
	}
	res := append([]float64(nil), y...)
	for i := 0; i < n && i < len(out); i++ {
		if !out[i] {
			continue
		}
		lo, hi := max(0, i-censorWindow), min(n, i+censorWindow+1)
		s, c := sum[hi]-sum[lo], cnt[hi]-cnt[lo]
		if c < 7 {
			s, c = sum[n], cnt[n]
		}
		if c == 0 {
			continue
		}
		res[i] = max(y[i], s/float64(c))
	}
	return res
}

// SoldOutDays marks, for each SKU's demand series (as DailyDemand returns
// it: index 0 is the first day, the last is yesterday), the days on which
// its stock summed over locations was at or below zero at some point:
// the day's sales may be short of demand. Days before the first recorded
// level are unknown and not marked.
func SoldOutDays(changes []inventorydb.StockChange, series map[string][]float64, now time.Time, loc *time.Location) map[string][]bool {
	out := map[string][]bool{}
	today := dayStart(now, loc)
	for i := 0; i < len(changes); {
		j := i
		for j < len(changes) && changes[j].SKU == changes[i].SKU {
			j++
		}
		sku := changes[i].SKU
		y, ok := series[sku]
		if !ok || len(y) == 0 {
			i = j
			continue
		}
		n := len(y)
		marks := make([]bool, n)
		levels := map[string]int{}
		total := func() int {
			t := 0
			for _, v := range levels {
				t += v
			}
			return t
		}
		k, known := i, false
		for d := 0; d < n; d++ { // day d is n-d days before today
			day := today.AddDate(0, 0, d-n)
			end := day.AddDate(0, 0, 1)
			low := known && total() <= 0
			for k < j && changes[k].At.Before(end) {
				levels[changes[k].Location] = changes[k].After
				known = true
				if !changes[k].At.Before(day) && total() <= 0 {
					low = true
				}
				k++
			}
			marks[d] = low || (known && total() <= 0)
		}
		out[sku] = marks
		i = j
	}
	return out
}
