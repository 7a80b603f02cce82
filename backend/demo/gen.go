package demo

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"shopclerk/backend/domain"
)

const day = 24 * time.Hour

// newsletterShare of customers signed up for the newsletter without ordering
// (yet); the rest are introduced by their first order.
const newsletterShare = 0.12

// tailDays before today are held back and emitted at the end, so the
// generator can make sure the newest shipments show every carrier status.
const tailDays = 3

// custGen is one customer and their tallies.
type custGen struct {
	idx    int
	c      domain.Customer
	addr   domain.Address
	ctry   *country
	orders int
	spent  int64
}

// generator holds the whole generation state. It runs on one goroutine and
// draws every random number from one PCG stream, in a fixed order, so the
// same seed and clock give the same shop.
type generator struct {
	p         params
	r         *rand.Rand
	now       time.Time
	start     time.Time // midnight UTC of history day 0
	today     time.Time // midnight UTC of now's day
	suppliers []domain.Supplier
	skus      []*skuGen
	custs     []*custGen
	ordering  int // customers introduced by an order so far
	orderingN int // customers that will be introduced by an order
	maxOrders int // orders past which a customer stops being picked by recency
	ring      []int32
	ringPos   int
	orderSeq  int
	cartSeq   int
	shipSeq   int
	cum       []float64 // cumulative SKU weights for the current day
	ctryW     []float64
	ctryTotal float64
	out       sink
	inTail    bool
	tail      []event
	sum       Summary
	h         fnv
	progress  Progress
}

func newGenerator(p params, seed uint64, now time.Time) *generator {
	g := &generator{p: p, r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), now: now, h: newFNV()}
	g.today = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	g.start = g.today.Add(-time.Duration(p.historyDays) * day)
	g.orderingN = int(float64(p.customers) * (1 - newsletterShare))
	g.maxOrders = max(20, 30*p.orders/p.customers)
	g.ring = make([]int32, 0, max(30, p.orders/12))
	g.cum = make([]float64, p.skus)
	for _, c := range countries {
		g.ctryW = append(g.ctryW, c.weight)
		g.ctryTotal += c.weight
	}
	return g
}

func (g *generator) run(ctx context.Context, out sink, progress Progress) error {
	g.out, g.progress = out, progress
	g.buildSuppliers()
	g.buildCatalog()
	for i := range g.suppliers {
		if err := g.emit(event{kind: evSupplier, idx: i, sup: &g.suppliers[i]}); err != nil {
			return err
		}
	}
	for _, s := range g.skus {
		if err := g.emit(event{kind: evProduct, sku: s}); err != nil {
			return err
		}
	}
	counts := g.dayCounts()
	signups := g.signupDays()
	for d := 0; d <= g.p.historyDays; d++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		g.inTail = d >= g.p.historyDays-tailDays
		g.dayWeights(d)
		dayStart := g.start.Add(time.Duration(d) * day)
		for range signups[d] {
			t := dayStart.Add(time.Duration(g.r.Int64N(int64(g.dayLen(d)))))
			if err := g.emit(event{kind: evCustomer, cust: g.newCustomer(t, true)}); err != nil {
				return err
			}
		}
		for _, t := range g.dayTimes(d, counts[d]) {
			if err := g.order(d, t); err != nil {
				return err
			}
		}
		if d >= g.p.historyDays-g.p.windowDays {
			if err := g.abandonedCarts(d, counts[d]); err != nil {
				return err
			}
		}
	}
	g.fixTail()
	g.inTail = false
	for _, ev := range g.tail {
		if err := g.emit(ev); err != nil {
			return err
		}
	}
	g.tail = nil
	if err := g.stock(); err != nil {
		return err
	}
	g.sum.Checksum = fmt.Sprintf("%016x", uint64(g.h))
	if progress != nil {
		progress(g.p.orders, g.p.orders)
	}
	return out.finish(g)
}

// dayLen is how much of history day d has happened: all of it, except today.
func (g *generator) dayLen(d int) time.Duration {
	if d == g.p.historyDays {
		return max(g.now.Sub(g.today), time.Second)
	}
	return day
}

// dayCounts spreads the orders over the days: a growing shop, a Christmas
// peak with Black Friday, quiet Saturdays, and a handful of orders today.
func (g *generator) dayCounts() []int {
	H := g.p.historyDays
	w := make([]float64, H+1)
	var total float64
	weekday := [7]float64{1.1, 1.1, 1.05, 1, 1, 0.95, 0.8} // Sunday first
	for d := 0; d <= H; d++ {
		t := g.start.Add(time.Duration(d) * day)
		doy := float64(t.YearDay())
		v := (0.6 + 0.8*float64(d)/float64(H)) * (1 + 0.25*math.Cos(2*math.Pi*(doy-350)/365)) * weekday[t.Weekday()]
		if t.Month() == time.November && t.Day() >= 24 || t.Month() == time.December && t.Day() <= 2 {
			v *= 2 // Black Friday to Cyber Monday
		}
		if t.Month() == time.December && t.Day() > 20 {
			v *= 0.6 // past the last shipping day before Christmas
		}
		v *= 0.9 + 0.2*g.r.Float64()
		if d == H {
			v *= float64(g.dayLen(d)) / float64(day)
		}
		w[d] = v
		total += v
	}
	counts := make([]int, H+1)
	today := max(6, int(math.Round(float64(g.p.orders)*w[H]/total)))
	rest := g.p.orders - today
	histTotal := total - w[H]
	sum := 0
	for d := 0; d < H; d++ {
		counts[d] = int(float64(rest)*w[d]/histTotal + g.r.Float64())
		sum += counts[d]
	}
	for sum < rest {
		counts[g.r.IntN(H)]++
		sum++
	}
	for sum > rest {
		if d := g.r.IntN(H); counts[d] > 0 {
			counts[d]--
			sum--
		}
	}
	counts[H] = today
	return counts
}

// signupDays places the newsletter-only customers over the history.
func (g *generator) signupDays() []int {
	out := make([]int, g.p.historyDays+1)
	for range g.p.customers - g.orderingN {
		out[g.r.IntN(g.p.historyDays+1)]++
	}
	return out
}

var hourWeights = [24]float64{0.6, 0.4, 0.25, 0.2, 0.2, 0.3, 0.6, 1, 1.4, 1.7, 1.9, 2, 2.2, 2.1, 1.9, 1.9, 2, 2.2, 2.5, 2.9, 3.2, 3, 2.2, 1.3}

const hourTotal = 41.45

// dayTimes returns n sorted order times on day d: evenings busy, nights quiet.
func (g *generator) dayTimes(d, n int) []time.Time {
	start := g.start.Add(time.Duration(d) * day)
	secs := make([]int64, n)
	for i := range secs {
		if d == g.p.historyDays {
			secs[i] = g.r.Int64N(int64(g.dayLen(d) / time.Second))
			continue
		}
		h := weighted(g.r, hourWeights[:], hourTotal)
		secs[i] = int64(h)*3600 + g.r.Int64N(3600)
	}
	slices.Sort(secs)
	out := make([]time.Time, n)
	for i, s := range secs {
		out[i] = start.Add(time.Duration(s) * time.Second)
	}
	return out
}

// dayWeights fills g.cum with the cumulative SKU demand of day d.
func (g *generator) dayWeights(d int) {
	doy := float64(g.start.Add(time.Duration(d) * day).YearDay())
	var total float64
	for i, s := range g.skus {
		active := false
		if s.pat == patIntermittent {
			active = g.r.Float64() < s.pActive
		}
		w := s.weight(d, doy, active)
		if s.prod.Status == "archived" && d > g.p.historyDays-90 {
			w = 0
		}
		total += w
		g.cum[i] = total
	}
}

// pickSKU draws a SKU by the day's demand.
func (g *generator) pickSKU() int {
	total := g.cum[len(g.cum)-1]
	x := g.r.Float64() * total
	lo, hi := 0, len(g.cum)-1
	for lo < hi {
		m := (lo + hi) / 2
		if g.cum[m] > x {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}

// newCustomer introduces a customer at t. Newsletter sign-ups always consent.
func (g *generator) newCustomer(t time.Time, newsletter bool) *custGen {
	r := g.r
	idx := len(g.custs)
	ci := weighted(r, g.ctryW, g.ctryTotal)
	ctry := &countries[ci]
	first, last := firstNames[r.IntN(len(firstNames))], lastNames[r.IntN(len(lastNames))]
	local := slug(first, 0) + "." + slug(last, 0)
	switch r.IntN(4) {
	case 1:
		local = slug(first, 0)[:1] + slug(last, 0)
	case 2:
		local = slug(first, 0) + "_" + slug(last, 0)
	}
	email := local + strconv.Itoa(idx+1) + "@" + emailDomains[r.IntN(len(emailDomains))]
	cg := &custGen{idx: idx, ctry: ctry}
	cg.addr = g.address(first+" "+last, ctry)
	c := &cg.c
	*c = domain.Customer{
		Source: domain.SourceDemo, ExternalID: strconv.FormatInt(7_100_000_000_000+int64(idx)*7919, 10),
		Email: email, FirstName: first, LastName: last, Phone: cg.addr.Phone, Country: ctry.code, City: cg.addr.City,
		CreatedAt: t.Add(-time.Duration(r.IntN(1800)) * time.Second),
	}
	if newsletter || r.Float64() < 0.5 {
		c.AcceptsMarketing = true
		at := c.CreatedAt
		c.ConsentAt = &at
	}
	if newsletter {
		c.Tags = append(c.Tags, "newsletter")
		c.CreatedAt = t
	}
	if r.Float64() < 0.35 {
		y, m, dd := 1950+r.IntN(56), 1+r.IntN(12), 1+r.IntN(28)
		if r.Float64() < 0.6 {
			c.Birthday = fmt.Sprintf("%04d-%02d-%02d", y, m, dd)
		} else {
			c.Birthday = fmt.Sprintf("%02d-%02d", m, dd)
		}
	}
	if r.Float64() < 0.18 {
		c.Tags = append(c.Tags, customerTags[r.IntN(len(customerTags))])
		if r.Float64() < 0.2 {
			c.Tags = append(c.Tags, customerTags[r.IntN(len(customerTags))])
		}
		if len(c.Tags) == 2 && c.Tags[0] == c.Tags[1] {
			c.Tags = c.Tags[:1]
		}
	}
	if r.Float64() < 0.01 {
		c.Note = "Prefers parcels without plastic filler."
	}
	g.custs = append(g.custs, cg)
	return cg
}

// address makes a plausible address in ctry; house numbers and zips are
// random, streets and cities from short lists.
func (g *generator) address(name string, ctry *country) domain.Address {
	r := g.r
	a := domain.Address{Name: name, Country: ctry.code, City: ctry.cities[r.IntN(len(ctry.cities))], Zip: ctry.zip(r),
		Phone: ctry.phone + strconv.Itoa(100+r.IntN(900))}
	street := ctry.streets[r.IntN(len(ctry.streets))]
	n := strconv.Itoa(1 + r.IntN(180))
	switch ctry.code {
	case "DE", "AT", "NL", "BE", "IT", "ES", "CH":
		a.Address1 = street + " " + n
	default:
		a.Address1 = n + " " + street
	}
	if r.Float64() < 0.12 {
		a.Address2 = "Apt " + strconv.Itoa(1+r.IntN(40))
	}
	if r.Float64() < 0.04 {
		a.Company = strings.Split(a.Name, " ")[1] + " Design Studio"
	}
	if len(ctry.province) > 0 {
		a.Province = ctry.province[r.IntN(len(ctry.province))]
	}
	return a
}

// pickCustomer chooses who places the next order: a new customer at the
// rate that introduces them all by the end, else mostly someone who ordered
// recently (recency and frequency make a power-law of order counts and a
// pool of lapsed customers), sometimes anyone seen before.
func (g *generator) pickCustomer(t time.Time) (cg *custGen, isNew bool) {
	left := g.orderingN - g.ordering
	ordersLeft := g.p.orders - g.orderSeq
	if len(g.ring) == 0 || left > 0 && g.r.Float64()*float64(ordersLeft) < float64(left) {
		g.ordering++
		cg, isNew = g.newCustomer(t, false), true
	} else if g.r.Float64() < 0.2 {
		cg = g.custs[g.r.IntN(len(g.custs))]
	} else {
		cg = g.custs[g.ring[g.r.IntN(len(g.ring))]]
		if cg.orders > g.maxOrders {
			// Recency feeds on itself; past this a shop would call the
			// customer a reseller, so the order goes to someone else.
			cg = g.custs[g.r.IntN(len(g.custs))]
		}
	}
	if len(g.ring) < cap(g.ring) {
		g.ring = append(g.ring, int32(cg.idx))
	} else {
		g.ring[g.ringPos] = int32(cg.idx)
		g.ringPos = (g.ringPos + 1) % len(g.ring)
	}
	return cg, isNew
}
