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
	FlagNotStocked       FlagCode = "not_stocked"
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
	// Decision is nil when the supplier's figures are unusable or no
	// location stocks the SKU.
	Decision     *Decision  `json:"decision"`
	SupplierID   *int64     `json:"supplierId"`
	SupplierName string     `json:"supplierName"`
	SupplierSKU  string     `json:"supplierSku"`
	UnitCost     int64      `json:"unitCost"`
	Currency     string     `json:"currency"`
	LeadTime     LeadTime   `json:"leadTime"`
	SnoozeUntil  *time.Time `json:"snoozeUntil"`
	OrderOnce    bool       `json:"orderOnce"`
	OnDraft      bool       `json:"onDraft"`
	// NotStocked: every location's level says "not stocked"; nothing is ordered.
	NotStocked bool `json:"notStocked"`
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
func (s *Service) Plan(ctx context.Context) (Plan, error) {
	now := s.clock.Now()
	b, err := s.base(ctx, now, true)
	if err != nil {
		return Plan{}, err
	}
	plan := b.newPlan()
	since := now.AddDate(0, 0, -HistoryDays-2)
	sales, err := s.st.SalesSince(ctx, since)
	if err != nil {
		return plan, err
	}
	series, _ := DailyDemand(sales, now, b.loc)
	// Sold-out days understate demand: estimate them before forecasting, the
	// same correction the decision-quality simulation applies.
	changes, err := s.st.StockChangesSince(ctx, since)
	if err != nil {
		return plan, err
	}
	soldOut := SoldOutDays(changes, series, now, b.loc)
	for _, it := range b.items {
		plan.add(b.planSKU(it, series[it.SKU], UncensorDemand(series[it.SKU], soldOut[it.SKU])))
	}
	return plan, nil
}

// planBase is what every SKU's decision reads besides the SKU's own sales
// and stock history: the moment, the policy, the products with their stock
// and offers, the suppliers and their measured lead times.
type planBase struct {
	now       time.Time
	loc       *time.Location
	policy    Policy
	items     []inventorydb.InventoryItem // every SKU, for Plan only
	suppliers map[int64]*domain.Supplier
	observed  map[int64][]float64
	currency  string
}

// base reads the shop-wide figures; with every item for a whole plan,
// without for an Advisor, which reads the SKUs it is asked about.
func (s *Service) base(ctx context.Context, now time.Time, everyItem bool) (*planBase, error) {
	b := &planBase{now: now, loc: s.st.Location(ctx), suppliers: map[int64]*domain.Supplier{}}
	var err error
	if b.policy, err = s.Policy(ctx); err != nil {
		return nil, err
	}
	if everyItem {
		if b.items, err = s.st.InventoryItems(ctx); err != nil {
			return nil, err
		}
		b.currency = shopCurrency(b.items)
	} else if b.currency, err = s.st.ShopCurrency(ctx); err != nil {
		return nil, err
	}
	suppliers, err := s.st.Suppliers(ctx)
	if err != nil {
		return nil, err
	}
	for i := range suppliers {
		b.suppliers[suppliers[i].ID] = &suppliers[i]
	}
	if b.observed, err = s.st.LeadTimeObservations(ctx); err != nil {
		return nil, err
	}
	return b, nil
}

func (b *planBase) newPlan() Plan {
	return Plan{Policy: b.policy, Currency: b.currency, TimeZone: b.loc.String(), GeneratedAt: b.now, Items: []SKUPlan{}}
}

// add puts one SKU's row on the plan and counts it.
func (p *Plan) add(it SKUPlan) {
	if it.Decision != nil && it.Decision.AtRisk {
		p.AtRisk++
	}
	if it.Suggest > 0 {
		p.Due++
	}
	p.Items = append(p.Items, it)
}

// planOne plans one SKU from its own sales and stock history alone, with
// the same figures Plan gives it: every step of Plan is per SKU.
func (s *Service) planOne(ctx context.Context, b *planBase, it inventorydb.InventoryItem) (SKUPlan, error) {
	since := b.now.AddDate(0, 0, -HistoryDays-2)
	sales, err := s.st.SKUSalesSince(ctx, it.SKU, since)
	if err != nil {
		return SKUPlan{}, err
	}
	series, _ := DailyDemand(sales, b.now, b.loc)
	changes, err := s.st.SKUStockChangesSince(ctx, it.SKU, since)
	if err != nil {
		return SKUPlan{}, err
	}
	soldOut := SoldOutDays(changes, series, b.now, b.loc)
	return b.planSKU(it, series[it.SKU], UncensorDemand(series[it.SKU], soldOut[it.SKU])), nil
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

// supplierOf is the SKU's supplier: the one set on the product, else the
// one with the cheapest offer; nil when there is none.
func (b *planBase) supplierOf(it inventorydb.InventoryItem) *domain.Supplier {
	if it.SupplierID != nil {
		if sup := b.suppliers[*it.SupplierID]; sup != nil {
			return sup
		}
	}
	if len(it.Offers) > 0 {
		return b.suppliers[it.Offers[0].SupplierID]
	}
	return nil
}

// notStocked: the SKU has levels and none is stocked, Shopify's "not
// stocked" everywhere. A SKU without levels has never had its stock
// imported and is planned from what it sells.
func notStocked(it inventorydb.InventoryItem) bool {
	for _, l := range it.Levels {
		if l.Stocked {
			return false
		}
	}
	return len(it.Levels) > 0
}

// wontOrder tells from the product alone that planSKU orders nothing,
// whatever the SKU sells: stocked nowhere, without a supplier, snoozed or
// already on a draft. Such a SKU's history need not be read to advise on it.
func (b *planBase) wontOrder(it inventorydb.InventoryItem) bool {
	snoozed := it.SnoozeUntil != nil && it.SnoozeUntil.After(b.now)
	return (notStocked(it) && !it.OrderOnce) || b.supplierOf(it) == nil || snoozed || it.OnDraft
}

func (b *planBase) planSKU(it inventorydb.InventoryItem, y, demand []float64) SKUPlan {
	now := b.now
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
	p.NotStocked = notStocked(it)
	p.Incoming += it.OpenIncoming
	p.forecast = ForecastSeries(demand, forecastHorizon)
	f := p.forecast
	p.Forecast = ForecastSummary{Method: f.Method, Class: f.Class, PerDay: f.PerDay(28), Next30: f.Over(0, 30),
		Next60: f.Over(0, 60), Next90: f.Over(0, 90), MAE: f.MAE, MASE: f.MASE, HoldoutDays: f.HoldoutDays, HistoryDays: f.HistoryDays}
	flag := func(c FlagCode, msg string) { p.Flags = append(p.Flags, Flag{Code: c, Message: msg}) }
	sup := b.supplierOf(it)
	if sup != nil {
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
	}
	p.nextDelivery = -1
	// Stocked nowhere, there is nothing to reorder (unless the seller asked
	// for one order), and the supplier's figures do not matter.
	if p.NotStocked && !it.OrderOnce {
		flag(FlagNotStocked, "Not stocked at any location, so Shopclerk does not reorder it.")
		return p
	}
	if f.Method == MethodNone {
		flag(FlagNoHistory, "No sales in the last year: nothing to forecast from.")
	}
	if p.Available < 0 {
		flag(FlagNegativeStock, "Available stock is "+strconv.Itoa(p.Available)+": more was sold than is on hand.")
	}
	lead := LeadTime{}
	pack, moq := 1, 0
	if sup == nil {
		flag(FlagNoSupplier, "No supplier: link one to reorder this SKU.")
	} else {
		if _, err := mail.ParseAddress(sup.Email); err != nil {
			flag(FlagSupplierNoEmail, sup.Name+" has no usable email address: the order can be drafted, not sent.")
		}
		if sup.Currency != "" && b.currency != "" && sup.Currency != b.currency {
			flag(FlagCurrencyMismatch, sup.Name+" charges in "+sup.Currency+"; the shop sells in "+b.currency+". Costs are shown in "+sup.Currency+".")
		}
		lead = LearnLeadTime(sup.LeadTimeDays, sup.LeadTimeStdDays, b.observed[sup.ID])
		pack, moq = sup.PackSize, sup.MinOrderQty
		if sup.LeadTimeDays == 0 {
			flag(FlagLeadTimeZero, sup.Name+"'s lead time is 0 days: is delivery really the same day?")
		}
	}
	p.LeadTime = lead
	if it.NextDelivery != nil {
		p.nextDelivery = math.Max(0, it.NextDelivery.Sub(now).Hours()/24)
	}
	dec, err := Decide(Item{SKU: it.SKU, Forecast: f, LeadTime: lead, PackSize: pack, MinOrderQty: moq,
		Override: it.ReorderPoint, DaysToDelivery: p.nextDelivery, History: demand,
		Position: Position{OnHand: p.OnHand, Available: p.Available, Incoming: p.Incoming}}, b.policy)
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

// Advice is the row's decision as a low-stock flow uses it.
func (p SKUPlan) Advice() domain.ReorderAdvice {
	a := domain.ReorderAdvice{SKU: p.SKU, Title: p.Title, Quantity: p.Suggest, Available: p.Available, Incoming: p.Incoming,
		SupplierSKU: p.SupplierSKU, UnitCost: p.UnitCost, Currency: p.Currency, NotStocked: p.NotStocked}
	if p.supplier != nil {
		a.SupplierID, a.SupplierName = p.supplier.ID, p.supplier.Name
	}
	if p.Decision != nil && p.Suggest > 0 {
		a.ReorderPoint = p.Decision.ReorderPoint
	}
	for _, f := range p.Flags {
		switch f.Code {
		case FlagNoSupplier, FlagBadSupplierData, FlagQuantityTooLarge:
			a.Problem = f.Message
		}
	}
	return a
}

// Advisor answers for one SKU at a time what Plan decides for it, reading
// the shop-wide figures once and each SKU's product, stock and own history
// when asked: a low-stock flow asks about the few SKUs that crossed their
// threshold, and reading or forecasting the whole shop for them would cost
// seconds.
type Advisor struct {
	s *Service
	b *planBase
	// history fingerprints the shop's sales and stock history, read when
	// the memo is first consulted (advice_memo.go).
	history string
}

// Advisor starts answering as things stand at now.
func (s *Service) Advisor(ctx context.Context, now time.Time) (*Advisor, error) {
	b, err := s.base(ctx, now, false)
	if err != nil {
		return nil, err
	}
	return &Advisor{s: s, b: b}, nil
}

// SKU plans one SKU; false when no product (or only an archived one) has it.
func (a *Advisor) SKU(ctx context.Context, sku string) (SKUPlan, bool, error) {
	it, ok, err := a.s.st.InventoryItem(ctx, sku)
	if err != nil || !ok {
		return SKUPlan{}, false, err
	}
	p, err := a.s.planOne(ctx, a.b, it)
	return p, err == nil, err
}

// Advise is the SKU's reorder decision; a SKU Shopclerk does not plan (no
// product, or an archived one) orders nothing. A SKU the decision cannot
// order (wontOrder) is advised without reading its history: the advice
// is the same, and a flow asks about such SKUs on every plan. Any other
// SKU's decision is remembered until what it was made from changes.
func (a *Advisor) Advise(ctx context.Context, sku string) (domain.ReorderAdvice, error) {
	it, ok, err := a.s.st.InventoryItem(ctx, sku)
	if err != nil {
		return domain.ReorderAdvice{}, err
	}
	if !ok {
		return domain.ReorderAdvice{SKU: sku, NotStocked: true}, nil
	}
	if a.b.wontOrder(it) {
		return a.b.planSKU(it, nil, nil).Advice(), nil
	}
	print, err := a.memoPrint(ctx, it)
	if err != nil {
		return domain.ReorderAdvice{}, err
	}
	if adv, ok, err := a.remembered(ctx, sku, print); err != nil || ok {
		return adv, err
	}
	p, err := a.s.planOne(ctx, a.b, it)
	if err != nil {
		return domain.ReorderAdvice{}, err
	}
	adv := p.Advice()
	return adv, a.remember(ctx, print, adv)
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
	now := s.clock.Now()
	a, err := s.Advisor(ctx, now)
	if err != nil {
		return History{}, err
	}
	p, ok, err := a.SKU(ctx, sku)
	if err != nil {
		return History{}, err
	}
	if !ok {
		return History{}, domain.Errorf(domain.CodeNotFound, "There is no product with SKU %q.", sku)
	}
	today := dayStart(now, a.b.loc)
	h := History{SKU: sku, History: p.series, Forecast: p.forecast.Daily[:90], Plan: p,
		From: today.AddDate(0, 0, -len(p.series)).Format("2006-01-02")}
	if h.History == nil {
		h.History = []float64{}
	}
	return h, nil
}
