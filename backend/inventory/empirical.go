package inventory

import (
	"math"
	"math/rand/v2"
	"slices"
)

const (
	// empiricalMinDays: a bootstrap needs a few months of days to have seen
	// the SKU's big orders.
	empiricalMinDays = 56
	// empiricalDays is the part of the history sampled: recent enough to
	// follow a change, long enough to hold several sales of a slow seller.
	empiricalDays = 182
	bootSamples   = 600
)

// empiricalReorderPoint is the reorder point of an intermittent or lumpy
// SKU from the distribution of its own lead-time demand, not a normal
// curve. A lumpy seller's demand over a lead time is mostly nothing and
// sometimes one big order; the normal approximation puts its stock in the
// wrong place (too little for the big order, too much for the quiet weeks).
// Lead-time demand is bootstrapped: a lead time is drawn from the supplier's
// mean and spread, then that many days from the SKU's recent history, a few
// hundred times. The reorder point is the smallest s whose expected shortage
// per order cycle, E[(D-s)+] - E[(D-s-Q)+], is at most (1 - target) * Q:
// the same fill-rate rule as the normal version, on the real distribution.
// The draw is seeded from the inputs, so the same history always gives the
// same answer.
func empiricalReorderPoint(it Item, beta, q float64) (int, bool) {
	c := it.Forecast.Class
	L := it.LeadTime.MeanDays
	if (c != ClassIntermittent && c != ClassLumpy) || len(it.History) < empiricalMinDays || L < 1 || q <= 0 {
		return 0, false
	}
	h := it.History[max(0, len(it.History)-empiricalDays):]
	seed := uint64(len(h))*1_000_003 + uint64(math.Float64bits(L))
	for _, v := range h[max(0, len(h)-14):] {
		seed = seed*31 + uint64(v)
	}
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	d := make([]float64, bootSamples)
	for i := range d {
		l := int(math.Round(L + it.LeadTime.StdDays*r.NormFloat64()))
		l = max(l, 1)
		s := 0.0
		for range l {
			s += h[r.IntN(len(h))]
		}
		d[i] = s
	}
	slices.Sort(d)
	short := func(s float64) float64 {
		t := 0.0
		for i := len(d) - 1; i >= 0 && d[i] > s; i-- {
			t += math.Min(d[i]-s, q)
		}
		return t / float64(len(d))
	}
	target := (1 - beta) * q
	lo, hi := 0, int(math.Ceil(d[len(d)-1]))
	for lo < hi {
		mid := (lo + hi) / 2
		if short(float64(mid)) <= target {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo, true
}
