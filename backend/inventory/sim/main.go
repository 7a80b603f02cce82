// Command sim is the decision-quality bench of Shopclerk's reorder logic. It
// simulates a year of trading for 500 SKUs whose demand follows known
// processes (smooth, weekly-seasonal, trending, intermittent, lumpy) with
// random supplier lead times, and runs two policies side by side on the same
// demand and the same lead-time draws:
//
//   - shopclerk: every day the SKU's sales history, with the demand of
//     sold-out days estimated (inventory.UncensorDemand), is forecast and
//     inventory.Decide says whether and how much to order (the very code the
//     app's "Reorder now" uses), lead times learnt from its own deliveries;
//   - min/max: the rule sellers usually set by hand: reorder when stock on
//     hand plus on order falls to two weeks of average sales, up to six
//     weeks. The seller revisits the figures every four weeks from the last
//     eight weeks of sales.
//
// Demand that finds no stock is lost (the shop shows "sold out"), and both
// policies only see sales, never the lost demand: the history is censored the
// way a real shop's is. Output is markdown rows for `make bench`.
package main

import (
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"runtime"
	"sync"
	"time"

	"shopclerk/backend/inventory"
)

type process string

const (
	smooth       process = "smooth"
	seasonal     process = "seasonal"
	trending     process = "trending"
	intermittent process = "intermittent"
	lumpy        process = "lumpy"
)

var processes = []process{smooth, seasonal, trending, intermittent, lumpy}

// sku is one simulated product: its true demand process and its supplier.
type sku struct {
	kind      process
	rate      float64    // base mean units per day (per sale day for intermittent/lumpy)
	prob      float64    // chance of a sale day (intermittent, lumpy)
	weekly    [7]float64 // multiplicative weekday profile (seasonal)
	growth    float64    // relative change per year (trending)
	cost      int64      // minor units
	pack, moq int
	leadMean  float64
	leadCV    float64
}

const (
	warmupDays = 182
	simDays    = 365
)

func newSKU(r *rand.Rand, kind process) sku {
	s := sku{kind: kind, cost: 200 + r.Int64N(4800), pack: []int{1, 1, 1, 6, 12}[r.IntN(5)],
		moq: []int{0, 0, 0, 10, 24}[r.IntN(5)], leadMean: float64(2 + r.IntN(29)), leadCV: 0.1 + 0.3*r.Float64()}
	switch kind {
	case smooth:
		s.rate = 1 + 14*r.Float64()
	case seasonal:
		s.rate = 1 + 14*r.Float64()
		amp := 0.3 + 0.5*r.Float64()
		peak := r.IntN(7)
		for i := range s.weekly {
			s.weekly[i] = 1 + amp*math.Cos(2*math.Pi*float64(i-peak)/7)
		}
	case trending:
		s.rate = 1 + 9*r.Float64()
		s.growth = -0.6 + 2.1*r.Float64() // from -60 % to +150 % a year
	case intermittent:
		s.rate = 1 + 2*r.Float64()
		s.prob = 0.05 + 0.3*r.Float64()
	case lumpy:
		s.rate = 4 + 16*r.Float64()
		s.prob = 0.03 + 0.15*r.Float64()
	}
	return s
}

// demand draws day t's demand (t counts from the start of the warm-up).
func (s sku) demand(r *rand.Rand, t int) int {
	switch s.kind {
	case smooth:
		return poisson(r, s.rate)
	case seasonal:
		return poisson(r, s.rate*s.weekly[t%7])
	case trending:
		return poisson(r, math.Max(0.05, s.rate*(1+s.growth*float64(t-warmupDays)/365)))
	case intermittent:
		if r.Float64() < s.prob {
			return 1 + poisson(r, s.rate-1)
		}
	case lumpy:
		if r.Float64() < s.prob {
			// Geometric sizes: a few big orders among many small ones.
			return 1 + int(math.Floor(math.Log(1-r.Float64())/math.Log(1-1/s.rate)))
		}
	}
	return 0
}

func (s sku) leadTime(r *rand.Rand) int {
	return max(1, int(math.Round(s.leadMean+r.NormFloat64()*s.leadCV*s.leadMean)))
}

func poisson(r *rand.Rand, lambda float64) int {
	if lambda <= 0 {
		return 0
	}
	if lambda > 30 {
		return max(0, int(math.Round(lambda+math.Sqrt(lambda)*r.NormFloat64())))
	}
	l, k, p := math.Exp(-lambda), 0, 1.0
	for {
		p *= r.Float64()
		if p <= l {
			return k
		}
		k++
	}
}

// result is what one policy did to one SKU over the simulated year.
type result struct {
	demand, served int
	invValue       float64 // sum over days of on-hand value, minor units
	orders         int
}

func (a *result) add(b result) {
	a.demand += b.demand
	a.served += b.served
	a.invValue += b.invValue
	a.orders += b.orders
}

type arrival struct {
	day, qty, placed int
}

// state is one policy's stock of one SKU.
type state struct {
	onHand  int
	pipe    []arrival
	sales   []float64 // the history the policy sees: sales, not demand
	out     []bool    // days that ended sold out (the app reads them from stock changes)
	leads   []float64 // observed lead times
	res     result
	minimum int
	maximum int
}

func (st *state) onOrder() int {
	n := 0
	for _, a := range st.pipe {
		n += a.qty
	}
	return n
}

func (st *state) receive(day int) {
	kept := st.pipe[:0]
	for _, a := range st.pipe {
		if a.day == day {
			st.onHand += a.qty
			st.leads = append(st.leads, float64(a.day-a.placed))
		} else {
			kept = append(kept, a)
		}
	}
	st.pipe = kept
}

func (st *state) sell(d int, recording bool) {
	served := min(d, st.onHand)
	st.onHand -= served
	st.sales = append(st.sales, float64(served))
	st.out = append(st.out, st.onHand == 0)
	if recording {
		st.res.demand += d
		st.res.served += served
	}
}

// run simulates one SKU under both policies with the same random draws.
func run(s sku, seed uint64, policy inventory.Policy, refit int, lv levers) (shop, base result) {
	dr := rand.New(rand.NewPCG(seed, 1)) // demand
	lr := rand.New(rand.NewPCG(seed, 2)) // lead times, drawn per day so both policies see the same
	hist := make([]float64, 0, warmupDays)
	for t := 0; t < warmupDays; t++ {
		hist = append(hist, float64(s.demand(dr, t)))
	}
	avg := mean(hist[warmupDays-56:])
	start := int(math.Ceil(avg * 28))
	a := &state{onHand: start, sales: append([]float64(nil), hist...), out: make([]bool, len(hist))}
	b := &state{onHand: start, sales: append([]float64(nil), hist...)}
	var fc inventory.Forecast
	for day := 0; day < simDays; day++ {
		t := warmupDays + day
		a.receive(day)
		b.receive(day)
		d := s.demand(dr, t)
		a.sell(d, true)
		b.sell(d, true)
		lt := s.leadTime(lr)

		// Shopclerk: the app's forecast and decision.
		var y []float64
		if day%refit == 0 {
			y = a.sales
			if lv.censor {
				y = inventory.UncensorDemand(a.sales, a.out)
			}
			fc = inventory.ForecastSeries(y, 120)
		} else {
			fc.Daily = fc.Daily[1:]
		}
		if !lv.empirical {
			y = nil
		}
		item := inventory.Item{SKU: "sim", Forecast: fc, PackSize: s.pack, MinOrderQty: s.moq, DaysToDelivery: -1, History: y,
			Position: inventory.Position{OnHand: a.onHand, Available: a.onHand, Incoming: a.onOrder()},
			LeadTime: inventory.LearnLeadTime(s.leadMean, 0, a.leads)}
		dec, err := inventory.Decide(item, policy)
		if err != nil {
			panic(err)
		}
		if dec.Quantity > 0 {
			a.pipe = append(a.pipe, arrival{day: day + lt, qty: dec.Quantity, placed: day})
			a.res.orders++
		}

		// Min/max, revisited every four weeks from eight weeks of sales.
		if day%28 == 0 {
			rate := mean(b.sales[len(b.sales)-56:])
			b.minimum, b.maximum = int(math.Ceil(rate*14)), int(math.Ceil(rate*42))
		}
		if pos := b.onHand + b.onOrder(); pos <= b.minimum && b.maximum > pos {
			q := inventory.RoundOrder(b.maximum-pos, s.pack, s.moq)
			b.pipe = append(b.pipe, arrival{day: day + lt, qty: q, placed: day})
			b.res.orders++
		}
		a.res.invValue += float64(a.onHand) * float64(s.cost)
		b.res.invValue += float64(b.onHand) * float64(s.cost)
	}
	return a.res, b.res
}

// levers switch the decision-quality improvements, to measure each one.
type levers struct{ censor, empirical bool }

func mean(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(max(len(xs), 1))
}

func main() {
	n := flag.Int("skus", 500, "number of simulated SKUs (split evenly over the five demand processes)")
	seed := flag.Uint64("seed", 20260301, "random seed; the same seed gives the same figures")
	level := flag.Float64("service", 0.95, "fill-rate target")
	review := flag.Float64("review", 14, "days of demand one order covers beyond the lead time")
	refit := flag.Int("refit", 1, "refit the forecast every N days")
	detail := flag.Bool("detail", false, "also print one row per demand process")
	var lv levers
	flag.BoolVar(&lv.censor, "censor", true, "estimate the demand of sold-out days (inventory.UncensorDemand)")
	flag.BoolVar(&lv.empirical, "empirical", true, "safety stock of intermittent/lumpy SKUs from their bootstrapped lead-time demand")
	flag.Parse()
	policy := inventory.Policy{ServiceLevel: *level, ReviewDays: *review}
	if err := policy.Validate(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	began := time.Now()
	r := rand.New(rand.NewPCG(*seed, 0))
	skus := make([]sku, *n)
	for i := range skus {
		skus[i] = newSKU(r, processes[i%len(processes)])
	}
	shop := make([]result, *n)
	base := make([]result, *n)
	var wg sync.WaitGroup
	work := make(chan int)
	for range min(runtime.GOMAXPROCS(0), 2) { // the bench machine is shared
		wg.Go(func() {
			for i := range work {
				shop[i], base[i] = run(skus[i], *seed+uint64(i)*7919, policy, max(*refit, 1), lv)
			}
		})
	}
	for i := range skus {
		work <- i
	}
	close(work)
	wg.Wait()
	elapsed := time.Since(began)

	var ts, tb result
	byKind := map[process]*[2]result{}
	for i := range skus {
		ts.add(shop[i])
		tb.add(base[i])
		k := byKind[skus[i].kind]
		if k == nil {
			k = &[2]result{}
			byKind[skus[i].kind] = k
		}
		k[0].add(shop[i])
		k[1].add(base[i])
	}
	fill := func(x result) float64 { return 100 * float64(x.served) / float64(max(x.demand, 1)) }
	avgInv := func(x result) float64 { return x.invValue / simDays / 100 } // major units
	less := 100 * (1 - avgInv(ts)/avgInv(tb))
	fmt.Printf("| inventory sim: fill rate, %d SKUs x %d days, order every ~%g days | %.1f %% | %.1f %% (min/max 2w/6w) | >= %.0f %% |\n",
		*n, simDays, *review, fill(ts), fill(tb), *level*100)
	fmt.Printf("| inventory sim: average inventory value | %.0f | %.0f (min/max) | <= %.0f (20 %% less) |\n",
		avgInv(ts), avgInv(tb), 0.8*avgInv(tb))
	fmt.Printf("| inventory sim: inventory vs min/max | %+.1f %% | 0 %% | <= -20 %% (or higher fill at equal inventory) |\n", -less)
	fmt.Printf("| inventory sim: purchase order lines placed | %d | %d (min/max) | - |\n", ts.orders, tb.orders)
	if *detail {
		for _, k := range processes {
			x := byKind[k]
			fmt.Printf("| inventory sim: %s demand: fill rate / avg inventory | %.1f %% / %.0f | %.1f %% / %.0f | - |\n",
				k, fill(x[0]), avgInv(x[0]), fill(x[1]), avgInv(x[1]))
		}
	}
	fmt.Printf("| inventory sim: run time (forecast every %d day(s)) | %.1f s | - | - |\n", *refit, elapsed.Seconds())
}
