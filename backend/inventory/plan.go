package inventory

import (
	"context"
	"math"
	"net/mail"
	"strconv"
	"strings"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/store/inventorydb"
)

// Settings keys of the seller's replenishment policy.
const (
	SettingServiceLevel = "inventory.service_level"
	SettingReviewDays   = "inventory.review_days"
)

// forecastHorizon covers the 90-day view and a long lead time plus review.
const forecastHorizon = 120

// Service answers the Inventory screen and the reorder command from the store.
type Service struct {
	st     *inventorydb.DB
	clock  clock.Clock
	mailer Mailer
}

// New builds the service. mailer may be nil for read-only use (plans,
// dry runs); sending then fails with a clear error.
func New(st *inventorydb.DB, c clock.Clock, m Mailer) *Service {
	if c == nil {
		c = clock.System{}
	}
	return &Service{st: st, clock: c, mailer: m}
}

// FlagCode names a problem with a SKU's data that the screen shows beside it.
type FlagCode string

const (
	FlagNoSupplier       FlagCode = "no_supplier"
	FlagSupplierNoEmail  FlagCode = "supplier_no_email"
	FlagCurrencyMismatch FlagCode = "currency_mismatch"
	FlagLeadTimeZero     FlagCode = "lead_time_zero"
	FlagBadSupplierData  FlagCode = "bad_supplier_data"
	FlagNegativeStock    FlagCode = "negative_stock"
	FlagQuantityTooLarge FlagCode = "quantity_too_large"
	FlagNoHistory        FlagCode = "no_history"
)

// Flag is one problem, in words the seller can act on.
type Flag struct {
	Code    FlagCode `json:"code"`
	Message string   `json:"message"`
}

// ForecastSummary is the forecast as the table shows it.
type ForecastSummary struct {
	Method      Method      `json:"method"`
	Class       DemandClass `json:"class"`
	PerDay      float64     `json:"perDay"`
	Next30      float64     `json:"next30"`
	Next60      float64     `json:"next60"`
	Next90      float64     `json:"next90"`
	MAE         float64     `json:"mae"`
	MASE        float64     `json:"mase"`
	HoldoutDays int         `json:"holdoutDays"`
	HistoryDays int         `json:"historyDays"`
}

// SKUPlan is one row of the Inventory screen: stock, forecast and advice.
type SKUPlan struct {
	SKU          string              `json:"sku"`
	SKUGenerated bool                `json:"skuGenerated"` // a key Shopclerk made: the screen's "no SKU" badge
	Title        string              `json:"title"`
	Levels       []domain.StockLevel `json:"levels"`
	OnHand       int                 `json:"onHand"`
	Committed    int                 `json:"committed"`
	Available    int                 `json:"available"`
	Incoming     int                 `json:"incoming"`
	Forecast     ForecastSummary     `json:"forecast"`
	Decision     *Decision           `json:"decision"` // nil when the supplier's figures are unusable
	SupplierID   *int64              `json:"supplierId"`
	SupplierName string              `json:"supplierName"`
	SupplierSKU  string              `json:"supplierSku"`
	UnitCost     int64               `json:"unitCost"`
	Currency     string              `json:"currency"`
	LeadTime     LeadTime            `json:"leadTime"`
	SnoozeUntil  *time.Time          `json:"snoozeUntil"`
	OrderOnce    bool                `json:"orderOnce"`
	OnDraft      bool                `json:"onDraft"`
	// Suggest is what "Reorder now" would put on a purchase order now.
	Suggest int    `json:"suggest"`
	Flags   []Flag `json:"flags"`

	series   []float64
	forecast Forecast
	supplier *domain.Supplier
	// nextDelivery is days until the open order is expected, or -1.
	nextDelivery float64
}

// Plan is the whole shop's replenishment picture at one moment.
type Plan struct {
	Policy      Policy    `json:"policy"`
	Currency    string    `json:"currency"`
	TimeZone    string    `json:"timeZone"`
	GeneratedAt time.Time `json:"generatedAt"`
	Items       []SKUPlan `json:"items"`
	AtRisk      int       `json:"atRisk"`
	Due         int       `json:"due"`
}

// Policy reads the seller's policy, the defaults where unset.
func (s *Service) Policy(ctx context.Context) (Policy, error) {
	p := DefaultPolicy()
	for key, dst := range map[string]*float64{SettingServiceLevel: &p.ServiceLevel, SettingReviewDays: &p.ReviewDays} {
		v, err := s.st.Setting(ctx, key, "")
		if err != nil {
			return p, err
		}
		if v == "" {
			continue
		}
		if f, err := strconv.ParseFloat(v, 64); err == nil {
			*dst = f
		}
	}
	if p.Validate() != nil {
		return DefaultPolicy(), nil // a hand-edited setting must not stop reordering
	}
	return p, nil
}

// SetPolicy validates and stores the policy.
func (s *Service) SetPolicy(ctx context.Context, p Policy) error {
	if err := p.Validate(); err != nil {
		return err
	}
	if err := s.st.SetSetting(ctx, SettingServiceLevel, strconv.FormatFloat(p.ServiceLevel, 'f', -1, 64)); err != nil {
		return err
	}
	return s.st.SetSetting(ctx, SettingReviewDays, strconv.FormatFloat(p.ReviewDays, 'f', -1, 64))
}

// Plan forecasts every SKU and decides what to reorder.
func (s *Service) Plan(ctx context.Context) (Plan, error) { return s.plan(ctx, "") }

// plan does the work of Plan, for one SKU only when only is set.
func (s *Service) plan(ctx context.Context, only string) (Plan, error) {
	now := s.clock.Now()
	loc := s.st.Location(ctx)
	policy, err := s.Policy(ctx)
	if err != nil {
		return Plan{}, err
	}
	plan := Plan{Policy: policy, TimeZone: loc.String(), GeneratedAt: now, Items: []SKUPlan{}}
	items, err := s.st.InventoryItems(ctx)
	if err != nil {
		return plan, err
	}
	sales, err := s.st.SalesSince(ctx, now.AddDate(0, 0, -HistoryDays-2))
	if err != nil {
		return plan, err
	}
	series, _ := DailyDemand(sales, now, loc)
	// Sold-out days understate demand: estimate them before forecasting, the
	// same correction the decision-quality simulation applies.
	changes, err := s.st.StockChangesSince(ctx, now.AddDate(0, 0, -HistoryDays-2))
	if err != nil {
		return plan, err
	}
	soldOut := SoldOutDays(changes, series, now, loc)
	suppliers, err := s.st.Suppliers(ctx)
	if err != nil {
		return plan, err
	}
	byID := map[int64]*domain.Supplier{}
	for i := range suppliers {
		byID[suppliers[i].ID] = &suppliers[i]
	}
	observed, err := s.st.LeadTimeObservations(ctx)
	if err != nil {
		return plan, err
	}
	plan.Currency = shopCurrency(items)
	for _, it := range items {
		if only != "" && it.SKU != only {
			continue
		}
		p := s.planSKU(it, series[it.SKU], UncensorDemand(series[it.SKU], soldOut[it.SKU]), byID, observed, policy, plan.Currency, now)
		if p.Decision != nil && p.Decision.AtRisk {
			plan.AtRisk++
		}
		if p.Suggest > 0 {
			plan.Due++
		}
		plan.Items = append(plan.Items, p)
	}
	return plan, nil
}

// shopCurrency is the currency most products are priced in.
func shopCurrency(items []inventorydb.InventoryItem) string {
	n := map[string]int{}
	best := ""
	for _, it := range items {
		if it.Currency == "" {
			continue
		}
		n[it.Currency]++
		if n[it.Currency] > n[best] || (n[it.Currency] == n[best] && it.Currency < best) {
			best = it.Currency
		}
	}
	return best
}

func (s *Service) planSKU(it inventorydb.InventoryItem, y, demand []float64, suppliers map[int64]*domain.Supplier,
	observed map[int64][]float64, policy Policy, currency string, now time.Time) SKUPlan {
	p := SKUPlan{SKU: it.SKU, SKUGenerated: it.SKUGenerated, Title: strings.TrimSpace(it.Title + " " + it.VariantTitle), Levels: it.Levels,
		SnoozeUntil: it.SnoozeUntil, OrderOnce: it.OrderOnce, OnDraft: it.OnDraft, UnitCost: it.Cost,
		Currency: it.Currency, Flags: []Flag{}, series: y}
	for _, l := range it.Levels {
		if !l.Stocked {
			continue
		}
		p.OnHand += l.OnHand
		p.Committed += l.Committed
		p.Available += l.Available
		p.Incoming += l.Incoming
	}
	p.Incoming += it.OpenIncoming
	p.forecast = ForecastSeries(demand, forecastHorizon)
	f := p.forecast
	p.Forecast = ForecastSummary{Method: f.Method, Class: f.Class, PerDay: f.PerDay(28), Next30: f.Over(0, 30),
		Next60: f.Over(0, 60), Next90: f.Over(0, 90), MAE: f.MAE, MASE: f.MASE, HoldoutDays: f.HoldoutDays, HistoryDays: f.HistoryDays}
	flag := func(c FlagCode, msg string) { p.Flags = append(p.Flags, Flag{Code: c, Message: msg}) }
	if f.Method == MethodNone {
		flag(FlagNoHistory, "No sales in the last year: nothing to forecast from.")
	}
	if p.Available < 0 {
		flag(FlagNegativeStock, "Available stock is "+strconv.Itoa(p.Available)+": more was sold than is on hand.")
	}

	// The SKU's supplier: the one set on the product, else the cheapest offer.
	var sup *domain.Supplier
	if it.SupplierID != nil {
		sup = suppliers[*it.SupplierID]
	}
	if sup == nil && len(it.Offers) > 0 {
		sup = suppliers[it.Offers[0].SupplierID]
	}
	lead := LeadTime{}
	pack, moq := 1, 0
	if sup == nil {
		flag(FlagNoSupplier, "No supplier: link one to reorder this SKU.")
	} else {
		p.supplier = sup
		p.SupplierID, p.SupplierName = &sup.ID, sup.Name
		for _, o := range it.Offers {
			if o.SupplierID == sup.ID {
				p.SupplierSKU = o.SupplierSKU
				if o.UnitCost > 0 {
					p.UnitCost = o.UnitCost
				}
			}
		}
		if sup.Currency != "" {
			p.Currency = sup.Currency
		}
		if _, err := mail.ParseAddress(sup.Email); err != nil {
			flag(FlagSupplierNoEmail, sup.Name+" has no usable email address: the order can be drafted, not sent.")
		}
		if sup.Currency != "" && currency != "" && sup.Currency != currency {
			flag(FlagCurrencyMismatch, sup.Name+" charges in "+sup.Currency+"; the shop sells in "+currency+". Costs are shown in "+sup.Currency+".")
		}
		lead = LearnLeadTime(sup.LeadTimeDays, sup.LeadTimeStdDays, observed[sup.ID])
		pack, moq = sup.PackSize, sup.MinOrderQty
		if sup.LeadTimeDays == 0 {
			flag(FlagLeadTimeZero, sup.Name+"'s lead time is 0 days: is delivery really the same day?")
		}
	}
	p.LeadTime = lead
	days := -1.0
	if it.NextDelivery != nil {
		days = math.Max(0, it.NextDelivery.Sub(now).Hours()/24)
	}
	p.nextDelivery = days
	dec, err := Decide(Item{SKU: it.SKU, Forecast: f, LeadTime: lead, PackSize: pack, MinOrderQty: moq,
		Override: it.ReorderPoint, DaysToDelivery: days, History: demand,
		Position: Position{OnHand: p.OnHand, Available: p.Available, Incoming: p.Incoming}}, policy)
	if err != nil {
		flag(FlagBadSupplierData, err.Error())
		return p
	}
	p.Decision = &dec
	snoozed := it.SnoozeUntil != nil && it.SnoozeUntil.After(now)
	switch {
	case sup == nil || snoozed || it.OnDraft:
	case dec.Quantity > 0:
		p.Suggest = dec.Quantity
	case it.OrderOnce:
		// Ordered once on request, even above the reorder point.
		pos := p.Available + p.Incoming
		p.Suggest = RoundOrder(max(dec.OrderUpTo-pos, 1), pack, moq)
	}
	if p.Suggest > MaxQuantity {
		flag(FlagQuantityTooLarge, "The suggested quantity "+strconv.Itoa(p.Suggest)+" is implausibly large; check the stock and the supplier's figures.")
		p.Suggest = 0
	}
	return p
}

// History is one SKU's demand history and forecast for the chart.
type History struct {
	SKU      string    `json:"sku"`
	From     string    `json:"from"` // first day of History, YYYY-MM-DD
	History  []float64 `json:"history"`
	Forecast []float64 `json:"forecast"` // from today
	Plan     SKUPlan   `json:"plan"`
}

// SKUHistory returns one SKU's series and forecast.
func (s *Service) SKUHistory(ctx context.Context, sku string) (History, error) {
	plan, err := s.plan(ctx, sku)
	if err != nil {
		return History{}, err
	}
	if len(plan.Items) == 0 {
		return History{}, domain.Errorf(domain.CodeNotFound, "There is no product with SKU %q.", sku)
	}
	p := plan.Items[0]
	today := dayStart(s.clock.Now(), s.st.Location(ctx))
	h := History{SKU: sku, History: p.series, Forecast: p.forecast.Daily[:90], Plan: p,
		From: today.AddDate(0, 0, -len(p.series)).Format("2006-01-02")}
	if h.History == nil {
		h.History = []float64{}
	}
	return h, nil
}
