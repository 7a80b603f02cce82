package inventory

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"shopclerk/backend/domain"
)

// Policy is the seller's replenishment settings.
type Policy struct {
	// ServiceLevel is the target fill rate: the share of demand to serve
	// from stock (0.95 = 95 %). It is the figure the decision-quality
	// simulation measures, so the maths below aims at exactly that.
	ServiceLevel float64 `json:"serviceLevel"`
	// ReviewDays is how many days of demand one order should cover beyond
	// the lead time: the order-up-to level is the reorder point plus this.
	ReviewDays float64 `json:"reviewDays"`
}

// DefaultPolicy: 95 % of demand served from stock, an order every two weeks.
func DefaultPolicy() Policy { return Policy{ServiceLevel: 0.95, ReviewDays: 14} }

// Bounds the seller can set; a value outside is refused with an error.
const (
	MaxLeadTimeDays = 365
	MaxQuantity     = 1_000_000
	minServiceLevel = 0.5
	maxServiceLevel = 0.999
)

// Validate refuses policies the maths cannot honour.
func (p Policy) Validate() error {
	if math.IsNaN(p.ServiceLevel) || p.ServiceLevel < minServiceLevel || p.ServiceLevel > maxServiceLevel {
		return domain.Errorf(domain.CodeInvalid, "The service level must be between 50 %% and 99.9 %% (it is %.1f %%).", p.ServiceLevel*100)
	}
	if math.IsNaN(p.ReviewDays) || p.ReviewDays < 1 || p.ReviewDays > 180 {
		return domain.Errorf(domain.CodeInvalid, "Days between orders must be between 1 and 180 (it is %g).", p.ReviewDays)
	}
	return nil
}

// LeadTime is a supplier's delivery time in days: its typical value and spread.
type LeadTime struct {
	MeanDays float64 `json:"meanDays"`
	StdDays  float64 `json:"stdDays"`
	// Observed is how many received purchase orders the figures learnt from.
	Observed int `json:"observed"`
}

// Lead-time learning. A receipt booked within half a day of sending is not a
// delivery: a seller trying the button, or receiving the wrong order. The
// last ten deliveries tell (suppliers change), each older one weighing
// recencyDecay times the next, and the typed figure weighs as one delivery.
// A delivery far faster than the typical one (more than outlierMADs scaled
// median deviations, at least a day each since deliveries are counted in
// days, below the weighted median) is a booking mistake too. A late one
// stays: late deliveries are what the safety stock is there for, and
// leaving them out would order too little (the inventory simulation's fill
// rate fell when they were). The weights decay gently: the simulation's
// suppliers do not change, and steeper weights cost it fill rate.
const (
	minDeliveryDays = 0.5
	leadWindow      = 10
	recencyDecay    = 0.97
	outlierMADs     = 3
	// madToStd turns a median absolute deviation into the standard
	// deviation it equals for normally spread delivery times.
	madToStd = 1.4826
)

// LearnLeadTime combines the lead time the seller typed with the lead times
// measured on received purchase orders (oldest first). The weighted median
// decides what is typical, so one booking mistake cannot take the estimate
// over; the mean and spread come from the deliveries that are left, recent
// ones weighing more. With fewer than three
// deliveries the spread says little, so the seller's own spread is kept
// when it is larger.
func LearnLeadTime(meanDays, stdDays float64, observed []float64) LeadTime {
	valid := make([]float64, 0, len(observed))
	for _, d := range observed {
		if d >= minDeliveryDays {
			valid = append(valid, d)
		}
	}
	if len(valid) == 0 {
		return LeadTime{MeanDays: meanDays, StdDays: stdDays}
	}
	obs := valid[max(0, len(valid)-leadWindow):]
	pts := []weighted{{meanDays, 1, false}}
	w := 1.0
	for i := len(obs) - 1; i >= 0; i-- {
		pts = append(pts, weighted{obs[i], w, true})
		w *= recencyDecay
	}
	center := weightedMedian(pts)
	dev := make([]weighted, len(pts))
	for i, p := range pts {
		dev[i] = weighted{math.Abs(p.v - center), p.w, p.measured}
	}
	limit := outlierMADs * math.Max(1, madToStd*weightedMedian(dev))
	var sum, sumW, sumW2 float64
	used := 0
	kept := pts[:0:0]
	for _, p := range pts {
		if center-p.v > limit {
			continue
		}
		kept = append(kept, p)
		sum += p.w * p.v
		sumW += p.w
		sumW2 += p.w * p.w
		if p.measured {
			used++
		}
	}
	m := sum / sumW
	sd := 0.0
	if len(kept) > 1 {
		v := 0.0
		for _, p := range kept {
			v += p.w * (p.v - m) * (p.v - m)
		}
		sd = math.Sqrt(v / (sumW - sumW2/sumW)) // unbiased for reliability weights
	}
	if used < 3 {
		sd = math.Max(sd, stdDays)
	}
	return LeadTime{MeanDays: m, StdDays: sd, Observed: used}
}

// weighted is one lead time: the typed figure or a measured delivery.
type weighted struct {
	v, w     float64
	measured bool
}

// weightedMedian is the value at half the total weight; where half falls
// exactly between two values it is their midpoint (so {10, 14} gives 12).
func weightedMedian(pts []weighted) float64 {
	sorted := slices.Clone(pts)
	slices.SortFunc(sorted, func(a, b weighted) int { return cmp.Compare(a.v, b.v) })
	total := 0.0
	for _, p := range sorted {
		total += p.w
	}
	cum := 0.0
	for i, p := range sorted {
		cum += p.w
		switch {
		case math.Abs(cum-total/2) < 1e-9 && i+1 < len(sorted):
			return (p.v + sorted[i+1].v) / 2
		case cum > total/2:
			return p.v
		}
	}
	return sorted[len(sorted)-1].v
}

// Position is a SKU's stock across all locations.
type Position struct {
	OnHand    int `json:"onHand"`
	Available int `json:"available"`
	// Incoming is stock ordered and not yet received: open purchase orders
	// plus what the store's own export reports as incoming.
	Incoming int `json:"incoming"`
}

// Item is everything the reorder decision needs about one SKU.
type Item struct {
	SKU         string
	Forecast    Forecast
	Position    Position
	LeadTime    LeadTime
	PackSize    int
	MinOrderQty int
	// Override is the seller's own reorder point (products.reorder_point).
	Override *int
	// DaysToDelivery is when the next open order is expected, or -1.
	DaysToDelivery float64
	// History is the SKU's daily demand, oldest first, with sold-out days
	// estimated (UncensorDemand). For intermittent and lumpy sellers the
	// safety stock comes from it (see empiricalReorderPoint); nil keeps the
	// normal approximation.
	History []float64
}

// Decision is the reorder advice for one SKU.
type Decision struct {
	PerDay       float64 `json:"perDay"`
	LeadDemand   float64 `json:"leadDemand"`
	SafetyStock  float64 `json:"safetyStock"`
	ReorderPoint int     `json:"reorderPoint"`
	OrderUpTo    int     `json:"orderUpTo"`
	// Due: available + incoming is at or below the reorder point.
	Due bool `json:"due"`
	// Quantity to order now (0 unless Due), in whole packs, >= the minimum.
	Quantity int `json:"quantity"`
	// DaysOfCover is how long available stock lasts at the forecast; -1
	// when the forecast is zero.
	DaysOfCover float64 `json:"daysOfCover"`
	// AtRisk: stock runs out before the next delivery can arrive.
	AtRisk      bool   `json:"atRisk"`
	Overridden  bool   `json:"overridden"`
	Explanation string `json:"explanation"`
}

// Validate refuses supplier figures the maths cannot use.
func (it Item) Validate() error {
	switch {
	case math.IsNaN(it.LeadTime.MeanDays) || it.LeadTime.MeanDays < 0:
		return domain.Errorf(domain.CodeInvalid, "%s: the supplier's lead time is negative (%g days); set it to the days a delivery takes.", it.SKU, it.LeadTime.MeanDays)
	case it.LeadTime.MeanDays > MaxLeadTimeDays:
		return domain.Errorf(domain.CodeInvalid, "%s: a lead time of %g days is more than a year; check the supplier's lead time.", it.SKU, it.LeadTime.MeanDays)
	case math.IsNaN(it.LeadTime.StdDays) || it.LeadTime.StdDays < 0:
		return domain.Errorf(domain.CodeInvalid, "%s: the lead time's variability cannot be negative.", it.SKU)
	case it.PackSize < 1:
		return domain.Errorf(domain.CodeInvalid, "%s: the pack size must be at least 1 (it is %d).", it.SKU, it.PackSize)
	case it.MinOrderQty < 0:
		return domain.Errorf(domain.CodeInvalid, "%s: the minimum order quantity cannot be negative (it is %d).", it.SKU, it.MinOrderQty)
	case it.MinOrderQty > MaxQuantity:
		return domain.Errorf(domain.CodeInvalid, "%s: a minimum order of %d is more than Shopclerk accepts (%d).", it.SKU, it.MinOrderQty, MaxQuantity)
	case it.Override != nil && (*it.Override < 0 || *it.Override > MaxQuantity):
		return domain.Errorf(domain.CodeInvalid, "%s: the reorder point %d is out of range (0 to %d).", it.SKU, *it.Override, MaxQuantity)
	}
	return nil
}

// Decide computes the reorder point, order-up-to level and order quantity.
//
// Reorder point = demand forecast over the lead time L + safety stock, with
// safety stock k * sigma and sigma = sqrt(L*sd_d^2 + d^2*sd_L^2) (demand and
// lead-time variability). k is chosen for a fill rate, not a cycle service
// level: the expected shortage per order cycle, sigma*G(k) with G the
// standard normal loss function, may be (1 - target) of the order size.
// This is what sellers mean by "95 %": 95 of 100 customers find it in stock.
func Decide(it Item, p Policy) (Decision, error) {
	if err := p.Validate(); err != nil {
		return Decision{}, err
	}
	if err := it.Validate(); err != nil {
		return Decision{}, err
	}
	L := it.LeadTime.MeanDays
	d := Decision{PerDay: it.Forecast.PerDay(max(int(math.Ceil(L+p.ReviewDays)), 7))}
	d.LeadDemand = it.Forecast.Over(0, L)
	reviewDemand := it.Forecast.Over(L, p.ReviewDays)
	dL := 0.0
	if L > 0 {
		dL = d.LeadDemand / L
	} else {
		dL = it.Forecast.PerDay(1)
	}
	sd := it.Forecast.Sigma
	sigma := math.Sqrt(L*sd*sd + dL*dL*it.LeadTime.StdDays*it.LeadTime.StdDays)
	orderSize := math.Max(reviewDemand, float64(max(it.MinOrderQty, it.PackSize)))
	d.SafetyStock = safetyFactor(p.ServiceLevel, orderSize, sigma) * sigma
	rop := int(math.Ceil(d.LeadDemand + d.SafetyStock - 1e-9))
	if e, ok := empiricalReorderPoint(it, p.ServiceLevel, orderSize); ok {
		rop = max(e, int(math.Ceil(d.LeadDemand-1e-9)))
		d.SafetyStock = math.Max(0, float64(rop)-d.LeadDemand)
	}
	if it.Override != nil {
		rop, d.Overridden = *it.Override, true
	}
	d.ReorderPoint = rop
	d.OrderUpTo = rop + int(math.Ceil(reviewDemand-1e-9))
	pos := it.Position.Available + it.Position.Incoming
	d.Due = pos <= d.ReorderPoint
	if d.Due {
		d.Quantity = RoundOrder(d.OrderUpTo-pos, it.PackSize, it.MinOrderQty)
	}
	d.DaysOfCover = daysOfCover(it.Forecast, it.Position.Available)
	next := L
	if it.DaysToDelivery >= 0 {
		next = it.DaysToDelivery
	}
	d.AtRisk = d.DaysOfCover >= 0 && d.DaysOfCover < next
	d.Explanation = explain(d, it, p)
	return d, nil
}

// RoundOrder rounds a needed quantity up to whole packs and to at least the
// supplier's minimum (itself rounded up to whole packs). Nothing needed
// means nothing ordered, whatever the minimum.
func RoundOrder(need, pack, moq int) int {
	if need <= 0 {
		return 0
	}
	pack = max(pack, 1)
	q := max(need, moq)
	return (q + pack - 1) / pack * pack
}

// safetyFactor solves sigma*G(k) = (1-beta)*Q for k. A negative k (less
// stock than the lead-time forecast) would rely too much on the normal
// approximation for slow and lumpy sellers, so k stops at zero.
func safetyFactor(beta, q, sigma float64) float64 {
	if sigma <= 0 {
		return 0
	}
	target := (1 - beta) * q / sigma
	lo, hi := 0.0, 5.0
	if normalLoss(lo) <= target {
		return lo
	}
	for range 60 {
		mid := (lo + hi) / 2
		if normalLoss(mid) > target {
			lo = mid
		} else {
			hi = mid
		}
	}
	return hi
}

// normalLoss is G(k) = phi(k) - k*(1 - Phi(k)), the expected shortfall of a
// standard normal beyond k.
func normalLoss(k float64) float64 {
	pdf := math.Exp(-k*k/2) / math.Sqrt(2*math.Pi)
	cdf := 0.5 * math.Erfc(-k/math.Sqrt2)
	return pdf - k*(1-cdf)
}

// daysOfCover walks the forecast until available stock is used up.
func daysOfCover(f Forecast, available int) float64 {
	if available <= 0 {
		return 0
	}
	left := float64(available)
	const limit = 3650
	for day := 0; day < limit; day++ {
		v := f.Over(float64(day), 1)
		if v <= 0 {
			if day >= len(f.Daily) {
				return -1
			}
			continue
		}
		if v >= left {
			return float64(day) + left/v
		}
		left -= v
	}
	return -1
}

// explain is the one line the seller reads beside the numbers.
func explain(d Decision, it Item, p Policy) string {
	var b strings.Builder
	switch {
	case it.Forecast.Method == MethodNone:
		b.WriteString("no sales yet")
	case d.PerDay >= 0.95:
		fmt.Fprintf(&b, "sells about %s a day", trimFloat(d.PerDay))
	case d.PerDay > 0:
		fmt.Fprintf(&b, "sells about %s a week", trimFloat(d.PerDay*7))
	default:
		b.WriteString("not expected to sell soon")
	}
	if it.LeadTime.MeanDays == 0 {
		b.WriteString("; the supplier delivers the same day")
	} else {
		fmt.Fprintf(&b, "; the supplier takes %s", countOf(trimFloat(it.LeadTime.MeanDays), "day", "days"))
		if it.LeadTime.StdDays >= 0.5 {
			fmt.Fprintf(&b, " (give or take %s)", trimFloat(it.LeadTime.StdDays))
		}
		if n := it.LeadTime.Observed; n > 0 {
			fmt.Fprintf(&b, ", learnt from %s", countOf(strconv.Itoa(n), "delivery", "deliveries"))
		}
	}
	if d.Overridden {
		fmt.Fprintf(&b, "; you set the reorder point to %d", d.ReorderPoint)
	} else {
		fmt.Fprintf(&b, "; %s %% service level → reorder at %d", trimFloat(p.ServiceLevel*100), d.ReorderPoint)
	}
	if d.Quantity > 0 {
		fmt.Fprintf(&b, "; order %d", d.Quantity)
		if it.PackSize > 1 {
			fmt.Fprintf(&b, " (%s of %d)", countOf(strconv.Itoa(d.Quantity/it.PackSize), "pack", "packs"), it.PackSize)
		}
	}
	return b.String()
}

// countOf puts the right English noun after a printed number: "1 pack",
// "2 packs", "1.5 days". The frontend has lib/plural.ts on Intl.PluralRules;
// these explanations are English only, where "1" alone takes the singular.
func countOf(num, one, other string) string {
	if num == "1" {
		return num + " " + one
	}
	return num + " " + other
}

// trimFloat prints 2.3, 12, 0.4: one decimal under ten, whole numbers above.
func trimFloat(v float64) string {
	if v >= 10 || v == math.Trunc(v) {
		return fmt.Sprintf("%.0f", math.Round(v))
	}
	return strings.TrimSuffix(fmt.Sprintf("%.1f", v), ".0")
}
