package demo

import (
	"fmt"
	"math"
	"strings"

	"shopclerk/backend/domain"
)

// pattern is the shape of one SKU's demand over time, so the inventory
// forecasts meet every kind of series a real shop has.
type pattern uint8

const (
	patSmooth       pattern = iota // steady with noise
	patSeasonal                    // a yearly peak (Christmas, garden season)
	patTrending                    // growing or fading
	patIntermittent                // most days nothing, then a lump
	patLaunch                      // launched recently, ramping up (or not launched yet: draft)
)

// skuGen is one variant with its demand model.
type skuGen struct {
	idx      int
	prod     domain.Product
	supplier int // index into generator.suppliers
	kind     *itemKind
	base     float64
	pat      pattern
	peak     float64 // day of year of the seasonal peak
	sharp    float64 // seasonal concentration
	growth   float64 // per year, for patTrending
	launch   int     // history day of launch, for patLaunch
	pActive  float64 // chance of any demand on a day, for patIntermittent
	low      bool    // chosen to sit below its reorder point (at the end)
	compare  int64   // compare-at price, 0 when not on sale
	grams    int
	optName  string
	optValue string
	first    bool // first variant of its handle (carries product-level CSV fields)
	// Tallies from the emitted orders.
	committed int
	sold30    int
}

// weight is the SKU's relative demand on history day d (day of year doy).
func (s *skuGen) weight(d int, doy float64, active bool) float64 {
	switch s.pat {
	case patSeasonal:
		return s.base * math.Exp(s.sharp*(math.Cos(2*math.Pi*(doy-s.peak)/365)-1)) * 3
	case patTrending:
		return s.base * math.Exp(s.growth*float64(d-s.launch)/365)
	case patIntermittent:
		if !active {
			return 0
		}
		return s.base / s.pActive
	case patLaunch:
		if d < s.launch {
			return 0
		}
		return s.base * 2 * math.Min(1, float64(d-s.launch+1)/30)
	}
	return s.base
}

func (g *generator) buildSuppliers() {
	r := g.r
	prefixes := append([]string(nil), supplierPrefixes...)
	r.Shuffle(len(prefixes), func(i, j int) { prefixes[i], prefixes[j] = prefixes[j], prefixes[i] })
	for i := 0; i < g.p.suppliers; i++ {
		name := prefixes[i%len(prefixes)] + " " + supplierSuffixes[(i/len(prefixes)+i)%len(supplierSuffixes)]
		if i >= len(prefixes)*len(supplierSuffixes) {
			name += fmt.Sprintf(" %d", i)
		}
		lead := float64(5 + r.IntN(40))
		g.suppliers = append(g.suppliers, domain.Supplier{
			Name:            name,
			Email:           slug(name, '.') + "@" + []string{"example.com", "example.net"}[i%2],
			Currency:        ShopCurrency,
			LeadTimeDays:    lead,
			LeadTimeStdDays: math.Round(lead*(0.1+0.2*r.Float64())*10) / 10,
			MinOrderQty:     []int{0, 0, 10, 24, 50, 100}[r.IntN(6)],
			PackSize:        []int{1, 1, 1, 6, 12, 24}[r.IntN(6)],
		})
	}
}

// buildCatalog makes products grouped by handle, each handle with 1 to 4
// variants, a supplier, a price band and a demand pattern.
func (g *generator) buildCatalog() {
	r := g.r
	seen := map[string]int{}
	for h := 0; len(g.skus) < g.p.skus; h++ {
		k := &itemKinds[r.IntN(len(itemKinds))]
		title := productStyles[r.IntN(len(productStyles))] + " " + productMaterials[r.IntN(len(productMaterials))] + " " + k.noun
		handle := slug(title, '-')
		if n := seen[handle]; n > 0 {
			handle += fmt.Sprintf("-%d", n+1)
			title += fmt.Sprintf(" No. %d", n+1)
		}
		seen[slug(title, '-')]++
		seen[handle]++
		sup := r.IntN(len(g.suppliers))
		// Zipf-like popularity: a few bestsellers, a long tail.
		pop := 1 / math.Pow(float64(1+r.IntN(g.p.skus)), 0.9)
		pat, peak, sharp, growth, launch, pActive := g.pickPattern(k)
		price := roundPrice(k.minPrice + r.Int64N(k.maxPrice-k.minPrice+1))
		var compare int64
		if r.Float64() < 0.15 {
			compare = roundPrice(price * int64(115+r.IntN(40)) / 100)
		}
		status := "active"
		switch {
		case pat == patLaunch && launch >= g.p.historyDays:
			status = "draft"
		case pat == patTrending && growth < -1.3:
			status = "archived"
		}
		values := []string{""}
		if k.option != "" {
			n := 1 + r.IntN(len(k.values))
			values = k.values[:n]
		}
		code := strings.ToUpper(slug(k.noun, 0))
		if len(code) > 4 {
			code = code[:4]
		}
		for vi, v := range values {
			if len(g.skus) >= g.p.skus {
				break
			}
			sku := fmt.Sprintf("%s-%05d", code, h+1)
			if v != "" {
				sku += "-" + variantCode(v)
			}
			share := 1.0
			if len(values) > 1 {
				share = (0.4 + r.Float64()) / float64(len(values)) * 1.6
			}
			s := &skuGen{idx: len(g.skus), supplier: sup, kind: k, base: pop * share, pat: pat, peak: peak, sharp: sharp,
				growth: growth, launch: launch, pActive: pActive, compare: compare, optName: k.option, optValue: v, first: vi == 0,
				grams: 150 + r.IntN(1800)}
			s.prod = domain.Product{
				SKU: sku, Handle: handle, Title: title, VariantTitle: v, Vendor: g.suppliers[sup].Name, Type: k.typ,
				Barcode: ean13(2000000000000 + int64(len(g.skus))*7919%1000000000000),
				Price:   domain.Money{Amount: price, Currency: ShopCurrency},
				Cost:    domain.Money{Amount: price * int64(30+r.IntN(25)) / 100, Currency: ShopCurrency},
				Status:  status, Tags: productTags(k, pat),
			}
			g.skus = append(g.skus, s)
		}
	}
}

func (g *generator) pickPattern(k *itemKind) (pat pattern, peak, sharp, growth float64, launch int, pActive float64) {
	r := g.r
	if k.seasonal != 0 && r.Float64() < 0.8 {
		return patSeasonal, float64(k.seasonal + r.IntN(21) - 10), 1 + 3*r.Float64(), 0, 0, 0
	}
	switch x := r.Float64(); {
	case x < 0.52:
		return patSmooth, 0, 0, 0, 0, 0
	case x < 0.62:
		return patSeasonal, float64(r.IntN(365)), 0.5 + r.Float64(), 0, 0, 0
	case x < 0.78:
		gr := 0.4 + 1.4*r.Float64()
		if r.IntN(2) == 0 {
			gr = -gr
		}
		// Growth is centred on the middle of the history so the series
		// neither explodes nor vanishes over two years.
		return patTrending, 0, 0, gr, g.p.historyDays / 2, 0
	case x < 0.94:
		return patIntermittent, 0, 0, 0, 0, 0.02 + 0.2*r.Float64()
	}
	// Launched in the last quarter of the history, or (rarely) not yet: a draft.
	return patLaunch, 0, 0, 0, g.p.historyDays*3/4 + r.IntN(g.p.historyDays/4+g.p.historyDays/20), 0
}
