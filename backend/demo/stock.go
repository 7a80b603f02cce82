package demo

import (
	"math"
	"slices"
	"strings"

	"shopclerk/backend/domain"
)

// Locations: every active SKU is stocked in the warehouse, about a quarter
// also in the showroom; elsewhere, and for draft or archived products, the
// level is "not stocked" as in Shopify's export.
var locations = []string{"Warehouse Leipzig", "Showroom Berlin"}

// defaultLowStock is the threshold the stock table uses for SKUs without a
// reorder point of their own.
const defaultLowStock = 5

// chooseLowStock marks about 3 % of the SKUs (at least 3) to sit at or
// below the stock table's default threshold. They are drawn from the better
// sellers of the last 30 days, so the threshold is also below the reorder
// point their demand and lead time give, and the demo shows SKUs to reorder.
func (g *generator) chooseLowStock() {
	var sold []*skuGen
	for _, s := range g.skus {
		if s.prod.Status == "active" && s.sold30 > 0 {
			sold = append(sold, s)
		}
	}
	// The better-selling half (stable order: sort by sales, then SKU).
	slices.SortStableFunc(sold, func(a, b *skuGen) int {
		if a.sold30 != b.sold30 {
			return b.sold30 - a.sold30
		}
		return strings.Compare(a.prod.SKU, b.prod.SKU)
	})
	sold = sold[:max(min(len(sold), 3), len(sold)/2)]
	want := max(3, len(g.skus)*3/100)
	for i, s := range sold {
		// Picks the remaining number from the remaining candidates, so
		// exactly min(want, len(sold)) SKUs are chosen.
		if g.r.IntN(len(sold)-i) < want {
			s.low = true
			want--
		}
	}
}

// stock emits every SKU's level per location, sized from its last 30 days of
// sales and its supplier's lead time; the chosen SKUs sit at or below their
// reorder point, some with a purchase already incoming.
func (g *generator) stock() error {
	r := g.r
	g.chooseLowStock()
	for _, s := range g.skus {
		sup := g.suppliers[s.supplier]
		rp := defaultLowStock
		rate := float64(s.sold30) / 30
		var avail, incoming int
		switch {
		case s.prod.Status != "active":
		case s.low:
			avail = r.IntN(rp + 1)
			if r.IntN(3) == 0 {
				avail = 0
			}
			if r.IntN(3) == 0 { // a purchase already on its way for some
				incoming = packUp(max(sup.MinOrderQty, int(math.Ceil(rate*30)), 10), sup.PackSize)
			}
		default:
			cover := sup.LeadTimeDays + 14 + float64(r.IntN(60))
			avail = int(math.Ceil(rate*cover)) + rp + 1 + r.IntN(10)
		}
		levels := []domain.StockLevel{{SKU: s.prod.SKU, Location: locations[0], Available: avail, Committed: s.committed,
			OnHand: avail + s.committed, Incoming: incoming, Stocked: s.prod.Status == "active", UpdatedAt: g.now}}
		second := domain.StockLevel{SKU: s.prod.SKU, Location: locations[1], UpdatedAt: g.now}
		if s.prod.Status == "active" && !s.low && r.Float64() < 0.25 {
			second.Available = rp + 1 + r.IntN(15)
			second.OnHand, second.Stocked = second.Available, true
		}
		levels = append(levels, second)
		for i := range levels {
			l := &levels[i]
			if l.Stocked && l.Available <= rp {
				g.sum.LowStock++
			}
			if err := g.emit(event{kind: evStock, sku: s, stock: l}); err != nil {
				return err
			}
		}
	}
	return nil
}

func packUp(q, pack int) int {
	if pack <= 1 {
		return q
	}
	return (q + pack - 1) / pack * pack
}
