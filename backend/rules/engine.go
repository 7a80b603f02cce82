package rules

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"regexp"
	"strconv"
	"strings"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/email"
	"shopclerk/backend/rules/flow"
	"shopclerk/backend/store/rulesdb"
)

// Settings keys the engine reads (beside the shop's name and time zone).
const (
	SettingQuietHours  = domain.SettingQuietHours // "21-8": marketing waits from 21:00 to 08:00 shop time
	SettingWeeklyCap   = "rules.weekly_cap"       // marketing emails per customer per 7 days; 0 = no cap
	SettingConfirmOver = "rules.confirm_over"     // a flow emailing more customers than this at once asks first
	SettingCurrency    = "shop.currency"          // for coupons without an order
	SettingLowStockDef = "rules.low_stock_def"    // threshold for SKUs without a reorder point
)

// Settings are the shop-wide rules every flow obeys.
type Settings struct {
	Location *time.Location
	// Shop signs every email and gives the cart button its link when the
	// store gave none (Settings > Shop).
	Shop        email.Shop
	Currency    string
	QuietFrom   int // local hour; QuietFrom == QuietTo means no quiet hours
	QuietTo     int
	WeeklyCap   int
	ConfirmOver int
}

// Options plug other packages' implementations into the engine.
type Options struct {
	// Renderer renders emails; the app passes the mail package's templates
	// (mail.Templates), so automation emails look like every other email.
	Renderer  email.Renderer
	Reorderer Reorderer
	// MessageID gives a run its maker of the Message-ID stored with each
	// queued email. The app's reads the mail account and makes
	// mail.NewMessageID under its sender address, which the outbox's
	// in-doubt lookup searches the Sent folder for. It is called at a run's
	// first email (ctx is the run's), so a plan, a listing or a run that
	// queues no email never reads the account, and each run reads it once,
	// as it is then.
	MessageID func(ctx context.Context) func(now time.Time) string
	// WrapEffects lets the mail or inventory package take over effects; it
	// gets the engine's default and returns what actions should call.
	WrapEffects func(Effects, *rulesdb.RuleTx) Effects
	// Customers fills the customer fields kept outside the customers row
	// (CustomerEnv.Segment and Products) for the flows whose conditions
	// read them; the app plugs backend/customers in. Nil leaves them empty.
	Customers CustomerFacts
	Log       *slog.Logger
}

// CustomerFacts answers what a condition reads about a customer beyond its
// row. products says whether the SKUs bought are wanted: they cost a read
// of the customer's order lines, so only flows that read them ask.
type CustomerFacts interface {
	CustomerExtras(ctx context.Context, customerID int64, products bool) (segment string, skus []string, err error)
}

// Engine plans and runs the enabled flows of one shop.
type Engine struct {
	st  *rulesdb.DB
	opt Options
}

// New builds an engine over a store.
func New(st *rulesdb.DB, opt Options) *Engine {
	if opt.Renderer == nil {
		opt.Renderer = email.Fallback{}
	}
	if opt.Reorderer == nil {
		opt.Reorderer = defaultReorder{}
	}
	if opt.Log == nil {
		opt.Log = slog.Default()
	}
	return &Engine{st: st, opt: opt}
}

// LoadSettings reads the shop-wide settings, with defaults: quiet hours
// 21-8, at most 3 marketing emails per customer a week, confirmation above
// 50 recipients.
func (e *Engine) LoadSettings(ctx context.Context) Settings {
	s := Settings{Location: e.st.Location(ctx), QuietFrom: 21, QuietTo: 8, WeeklyCap: 3, ConfirmOver: 50}
	if id, err := e.st.Shop(ctx); err == nil {
		s.Shop = email.ShopOf(id)
	}
	s.Currency, _ = e.st.Setting(ctx, SettingCurrency, "EUR")
	if v, _ := e.st.Setting(ctx, SettingQuietHours, ""); v != "" {
		q := domain.ParseQuietHours(v)
		s.QuietFrom, s.QuietTo = q.From, q.To
	}
	if v, _ := e.st.Setting(ctx, SettingWeeklyCap, ""); v != "" {
		if n, err := strconv.Atoi(v); err == nil && n >= 0 {
			s.WeeklyCap = n
		}
	}
	if v, _ := e.st.Setting(ctx, SettingConfirmOver, ""); v != "" {
		if n, err := strconv.Atoi(v); err == nil && n > 0 {
			s.ConfirmOver = n
		}
	}
	return s
}

// quiet tells whether t falls in the quiet hours, and when they end.
func (s Settings) quiet(t time.Time) (bool, time.Time) {
	return domain.QuietHours{From: s.QuietFrom, To: s.QuietTo}.At(t, s.Location)
}

// compiled is a flow ready to plan: parsed, conditions compiled once.
type compiled struct {
	row rulesdb.RuleRow
	def flow.Definition
	// top are the steps outside any split, in order; nodes every step by
	// its id (its place outside a split, its ID inside; see branches.go).
	top   []*node
	nodes map[int]*node
	cond  *flow.Condition
	guard *flow.Condition // the condition's terms about the event alone (flow.EventGuard)
	// segment and products: the condition or a step's If reads
	// customer.segment or customer.products (see Options.Customers).
	segment, products bool
	// segments: it reads customer.segments, the seller's own (SegmentFacts).
	segments bool
	// copies are the other flows installed from the same ready-made flow
	// (a shop could install one twice before); they share one ledger.
	copies []int64
}

var (
	readsSegment  = regexp.MustCompile(`\bcustomer\s*\.\s*segment\b`)
	readsProducts = regexp.MustCompile(`\bcustomer\s*\.\s*products\b`)
	readsSegments = regexp.MustCompile(`\bcustomer\s*\.\s*segments\b`)
)

func (c *compiled) has(kind domain.StepKind) bool {
	for _, n := range c.nodes {
		if n.step.Action == kind {
			return true
		}
	}
	return false
}

// conditions are the sources of every expression the flow evaluates: its
// condition, its steps' Ifs and its splits' conditions.
func (c *compiled) conditions() []string {
	srcs := []string{c.def.Condition}
	for _, n := range c.nodes {
		srcs = append(srcs, n.step.If, n.step.When)
	}
	return srcs
}

// compile prepares a stored flow. A flow that no longer compiles (an older
// definition, a hand-edited file) is reported, not run.
func compileFlow(row rulesdb.RuleRow) (*compiled, error) {
	def, err := flow.ParseDefinition(row.Definition)
	if err != nil {
		return nil, err
	}
	if probs := flow.Validate(def); len(probs) > 0 {
		return nil, domain.Errorf(domain.CodeInvalid, "%s", probs[0].String())
	}
	c := &compiled{row: row, def: def, nodes: map[int]*node{}}
	if c.cond, err = flow.CompileCondition(def.Condition); err != nil {
		return nil, err
	}
	c.guard = c.cond.EventGuard()
	if c.top, err = c.build(def.Steps, true, 0, "", "", nil); err != nil {
		return nil, err
	}
	for _, src := range c.conditions() {
		c.segment = c.segment || readsSegment.MatchString(src)
		c.products = c.products || readsProducts.MatchString(src)
		c.segments = c.segments || readsSegments.MatchString(src)
	}
	return c, nil
}

func actionFor(s flow.Step, marketing bool, coupon *flow.Step) Action {
	switch s.Action {
	case domain.StepSendEmail:
		return &SendEmail{Step: s, Marketing: marketing, couponStep: coupon}
	case domain.StepIssueCoupon:
		return &IssueCoupon{Step: s}
	case domain.StepPurchaseOrder:
		return &CreatePurchaseOrder{Step: s}
	case domain.StepAddTag:
		return &Tag{Step: s}
	case domain.StepRemoveTag:
		return &Tag{Step: s, Remove: true}
	case domain.StepCreateTask:
		return &CreateTask{Step: s}
	case domain.StepStopSequences:
		return &StopSequences{Step: s}
	case domain.StepHoldOrder:
		return &HoldOrder{Step: s}
	}
	return nil // waits
}

// Subject is everything a flow knows about one occurrence, loaded once.
type Subject struct {
	Occ      domain.RuleOccurrence
	Start    time.Time // when the sequence starts: the occurrence plus the trigger's delay
	Env      flow.Env
	Customer *domain.Customer
	Order    *domain.Order
	Cart     *domain.Cart
	Shipment *domain.Shipment
	Parcels  []rulesdb.Parcel // the order's parcels, when the flow is about one
	Product  *rulesdb.ProductInfo
	// plannedCoupon is the coupon an earlier step of this plan will issue,
	// so the email after it previews the right offer.
	plannedCoupon *CouponPreview
}

func (s *Subject) customerID() int64 {
	if s.Customer != nil {
		return s.Customer.ID
	}
	return 0
}

func (s *Subject) orderID() int64 {
	if s.Order != nil {
		return s.Order.ID
	}
	return 0
}

func (s *Subject) email() string {
	switch {
	case s.Customer != nil && s.Customer.Email != "":
		return s.Customer.Email
	case s.Order != nil && s.Order.Email != "":
		return s.Order.Email
	case s.Cart != nil && s.Cart.Email != "":
		return s.Cart.Email
	}
	return s.Occ.Email
}

// planCtx is what actions see while planning.
type planCtx struct {
	ctx      context.Context
	st       *rulesdb.DB
	now      time.Time
	settings Settings
	renderer email.Renderer
	reorder  Reorderer
}

func (pc *planCtx) currency(sub *Subject) string {
	return (&IssueCoupon{}).currency(pc, sub)
}

// emailData assembles the template data for a subject and a step: its
// Vars, with those it marks as money formatted in the subject's currency.
func (pc *planCtx) emailData(sub *Subject, step flow.Step, coupon *email.Coupon) (email.Data, error) {
	d := email.Data{Shop: pc.settings.Shop, Vars: step.Vars}
	if len(step.MoneyVars) > 0 {
		cur := pc.currency(sub)
		d.Vars = make(map[string]string, len(step.Vars))
		for k, v := range step.Vars {
			d.Vars[k] = v
		}
		for _, k := range step.MoneyVars {
			amount, err := flow.MinorUnits(step.Vars[k])
			if err != nil {
				return d, domain.Errorf(domain.CodeInvalid, "the step's amount %s: %s", k, err.Error())
			}
			d.Vars[k] = email.FormatMoney(amount, cur)
		}
	}
	if d.Vars == nil {
		d.Vars = map[string]string{}
	}
	if c := sub.Customer; c != nil {
		d.Customer = email.Customer{FirstName: c.FirstName, LastName: c.LastName, Email: c.Email, Country: c.Country}
	} else {
		d.Customer.Email = sub.email()
	}
	if d.Customer.FirstName == "" {
		d.Customer.FirstName = "there" // "Hi there," reads better than "Hi ,"
	}
	if o := sub.Order; o != nil {
		d.Order = email.OrderIn(*o, pc.settings.Location)
	}
	if c := sub.Cart; c != nil {
		d.Cart = email.Cart{Lines: email.Lines(c.Lines, c.Currency), Total: email.FormatMoney(c.Total, c.Currency), RecoveryURL: email.CartLink(c.RecoveryURL, pc.settings.Shop)}
	}
	if s := sub.Shipment; s != nil {
		d.Shipment = email.Shipment{Carrier: s.Carrier, TrackingNumber: s.TrackingNumber, TrackingURL: s.TrackingURL,
			Status: strings.ReplaceAll(string(s.Status), "_", " ")}
		parcelData(&d.Shipment, sub, pc.settings.Location)
	}
	if p := sub.Product; p != nil {
		d.Product = email.Product{SKU: p.SKU, Title: p.Title}
	}
	if coupon != nil {
		d.Coupon = *coupon
	}
	return d, nil
}

// applyCtx is what actions see while running.
type applyCtx struct {
	pc       *planCtx
	renderer email.Renderer
	// newMessageFn is Options.MessageID; messageFn is what it returned,
	// asked for at the run's first email.
	newMessageFn func(ctx context.Context) func(now time.Time) string
	messageFn    func(now time.Time) string
}

// messageID makes an RFC 5322 Message-ID under the shop's domain, stored with
// the message before it is ever sent (invariant 3).
func (ac *applyCtx) messageID() string {
	if ac.messageFn == nil && ac.newMessageFn != nil {
		ac.messageFn = ac.newMessageFn(ac.pc.ctx)
	}
	if ac.messageFn != nil {
		return ac.messageFn(ac.pc.now)
	}
	domainPart := "shopclerk.local"
	if _, d, ok := strings.Cut(ac.pc.settings.Shop.Email, "@"); ok && d != "" {
		domainPart = strings.ToLower(d)
	}
	var b [12]byte
	rand.Read(b[:])
	return fmt.Sprintf("<%d.%s@%s>", ac.pc.now.Unix(), hex.EncodeToString(b[:]), domainPart)
}
