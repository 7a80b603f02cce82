package rules

import (
	"context"
	"fmt"
	"time"

	"shopclerk/backend/coupons"
	"shopclerk/backend/domain"
	"shopclerk/backend/email"
	"shopclerk/backend/rules/flow"
	"shopclerk/backend/store/rulesdb"
)

// Effects is everything an action may change, bound to the transaction that
// already holds the step's ledger row. The engine's default writes through
// rulesdb.RuleTx; the mail and inventory packages can wrap it (their outbox
// rules, their purchase-order quantities) without touching the engine.
type Effects interface {
	QueueEmail(m rulesdb.OutMessage) (int64, error)
	IssueCoupon(c rulesdb.NewCoupon) (string, error)
	// SequenceCoupon is the coupon an earlier step of the same occurrence
	// issued, or nil.
	SequenceCoupon() (*rulesdb.IssuedCoupon, error)
	AddDraftPOLine(supplierID int64, currency string, l domain.DraftLine) (int64, error)
	SetCustomerTags(customerID int64, add, remove []string) error
	CreateTask(title, detail string, customerID, orderID int64) (int64, error)
	// StopSequences ends the running sequences of other flows that began
	// before at: those of the order when orderID is set, else every one of
	// the customer's.
	StopSequences(customerID, orderID, flowID int64, at time.Time, reason string) error
	HoldOrder(orderID int64, reason string) error
}

// storeEffects is the default Effects.
type storeEffects struct {
	tx     *rulesdb.RuleTx
	prefix string
}

var _ Effects = (*storeEffects)(nil)

func (f *storeEffects) QueueEmail(m rulesdb.OutMessage) (int64, error) { return f.tx.QueueMessage(m) }
func (f *storeEffects) IssueCoupon(c rulesdb.NewCoupon) (string, error) {
	return f.tx.IssueCoupon(c, coupons.Pattern(c.Pattern).Generator())
}
func (f *storeEffects) SequenceCoupon() (*rulesdb.IssuedCoupon, error) {
	return f.tx.CouponForPrefix(f.prefix)
}
func (f *storeEffects) AddDraftPOLine(supplierID int64, currency string, l domain.DraftLine) (int64, error) {
	return f.tx.AddDraftPOLine(supplierID, currency, l)
}
func (f *storeEffects) SetCustomerTags(id int64, add, remove []string) error {
	return f.tx.SetCustomerTags(id, add, remove)
}
func (f *storeEffects) CreateTask(title, detail string, customerID, orderID int64) (int64, error) {
	return f.tx.InsertTask(title, detail, customerID, orderID, nil)
}
func (f *storeEffects) StopSequences(customerID, orderID, flowID int64, at time.Time, reason string) error {
	return f.tx.StopSequences(customerID, orderID, flowID, at, reason)
}
func (f *storeEffects) HoldOrder(orderID int64, reason string) error {
	return f.tx.HoldOrder(orderID, reason)
}

// NewCouponCode makes an unguessable code like SC-7KQ2-MX9P from crypto/rand.
func NewCouponCode() (string, error) { return coupons.Pattern(coupons.DefaultPattern).Generator()() }

// Action is one kind of step. Plan fills the preview item from the subject
// (it reads, never writes); Apply performs it through fx and returns a short
// result for the ledger.
type Action interface {
	Kind() domain.StepKind
	Plan(pc *planCtx, sub *Subject, it *Item) error
	Apply(ctx context.Context, ac *applyCtx, sub *Subject, it *Item, fx Effects) (string, error)
}

var (
	_ Action = (*SendEmail)(nil)
	_ Action = (*IssueCoupon)(nil)
	_ Action = (*CreatePurchaseOrder)(nil)
	_ Action = (*Tag)(nil)
	_ Action = (*CreateTask)(nil)
	_ Action = (*StopSequences)(nil)
	_ Action = (*HoldOrder)(nil)
)

// errPass tells the planner a step has nothing to do for this subject (the
// tag is already there): the sequence moves on without an item.
var errPass = fmt.Errorf("nothing to do")

// IssueCoupon issues a unique coupon for the customer.
type IssueCoupon struct{ Step flow.Step }

func (a *IssueCoupon) Kind() domain.StepKind { return domain.StepIssueCoupon }

func (a *IssueCoupon) Plan(pc *planCtx, sub *Subject, it *Item) error {
	if sub.Customer == nil {
		return domain.Errorf(domain.CodeInvalid, "a coupon needs a customer, and %s has none", sub.Occ.Subject)
	}
	cur := a.currency(pc, sub)
	it.Coupon = &CouponPreview{Code: "(made when run)", PercentOff: a.Step.PercentOff, AmountOff: a.Step.AmountOff,
		Currency: cur, FreeShipping: a.Step.FreeShipping, Description: email.CouponDescription(a.Step.PercentOff, a.Step.AmountOff, cur, a.Step.FreeShipping)}
	if a.Step.ValidDays > 0 {
		exp := pc.now.Add(time.Duration(a.Step.ValidDays) * 24 * time.Hour)
		it.Coupon.ExpiresAt = &exp
	}
	it.Summary = fmt.Sprintf("Issue a coupon (%s) to %s", it.Coupon.Description, sub.Customer.Email)
	return nil
}

func (a *IssueCoupon) currency(pc *planCtx, sub *Subject) string {
	switch {
	case sub.Order != nil:
		return sub.Order.Currency
	case sub.Cart != nil:
		return sub.Cart.Currency
	case sub.Customer != nil && sub.Customer.TotalSpent.Currency != "":
		return sub.Customer.TotalSpent.Currency
	}
	return pc.settings.Currency
}

func (a *IssueCoupon) Apply(ctx context.Context, ac *applyCtx, sub *Subject, it *Item, fx Effects) (string, error) {
	c := it.Coupon
	code, err := fx.IssueCoupon(rulesdb.NewCoupon{CustomerID: sub.Customer.ID, PercentOff: c.PercentOff, AmountOff: c.AmountOff,
		Currency: c.Currency, FreeShipping: c.FreeShipping, ExpiresAt: c.ExpiresAt, Pattern: a.Step.CodePattern})
	if err != nil {
		return "", err
	}
	return "coupon " + code, nil
}

// Tag adds or removes a customer tag.
type Tag struct {
	Step   flow.Step
	Remove bool
}

func (a *Tag) Kind() domain.StepKind {
	if a.Remove {
		return domain.StepRemoveTag
	}
	return domain.StepAddTag
}

func (a *Tag) Plan(pc *planCtx, sub *Subject, it *Item) error {
	if sub.Customer == nil {
		return domain.Errorf(domain.CodeInvalid, "tagging needs a customer, and %s has none", sub.Occ.Subject)
	}
	has := flow.HasTag(sub.Customer.Tags, a.Step.Tag)
	if has != a.Remove {
		return errPass
	}
	it.Tag = a.Step.Tag
	verb := "Tag %s as %q"
	if a.Remove {
		verb = "Remove tag %[2]q from %[1]s"
	}
	it.Summary = fmt.Sprintf(verb, sub.Customer.Email, a.Step.Tag)
	return nil
}

func (a *Tag) Apply(ctx context.Context, ac *applyCtx, sub *Subject, it *Item, fx Effects) (string, error) {
	if a.Remove {
		return "untagged " + a.Step.Tag, fx.SetCustomerTags(sub.Customer.ID, nil, []string{a.Step.Tag})
	}
	return "tagged " + a.Step.Tag, fx.SetCustomerTags(sub.Customer.ID, []string{a.Step.Tag}, nil)
}

// CreateTask puts a to-do on the seller's list; title and detail may use the
// email variables ({{.Order.Name}}).
type CreateTask struct{ Step flow.Step }

func (a *CreateTask) Kind() domain.StepKind { return domain.StepCreateTask }

func (a *CreateTask) Plan(pc *planCtx, sub *Subject, it *Item) error {
	data, err := pc.emailData(sub, a.Step, nil)
	if err != nil {
		return err
	}
	title, err := email.RenderText("task", a.Step.Title, data)
	if err != nil {
		return err
	}
	detail, err := email.RenderText("task", a.Step.Detail, data)
	if err != nil {
		return err
	}
	it.Task = &TaskPreview{Title: title, Detail: detail}
	it.Summary = "Create a task: " + title
	return nil
}

func (a *CreateTask) Apply(ctx context.Context, ac *applyCtx, sub *Subject, it *Item, fx Effects) (string, error) {
	id, err := fx.CreateTask(it.Task.Title, it.Task.Detail, sub.customerID(), sub.orderID())
	return fmt.Sprintf("task %d", id), err
}

// StopSequences ends other flows' running sequences: by default those the
// occurrence's order started (a cancelled order's confirmation, shipping
// and feedback emails), or, when the seller chose it, every sequence of the
// customer.
type StopSequences struct{ Step flow.Step }

func (a *StopSequences) Kind() domain.StepKind { return domain.StepStopSequences }

func (a *StopSequences) Plan(pc *planCtx, sub *Subject, it *Item) error {
	if a.Step.EffectiveScope() == flow.StopCustomer {
		if sub.Customer == nil {
			return errPass
		}
		it.Summary = fmt.Sprintf("Stop every other running sequence for %s", sub.Customer.Email)
		return nil
	}
	if sub.Order == nil {
		return errPass
	}
	it.Summary = fmt.Sprintf("Stop the other running sequences of order %s", sub.Order.Name)
	if who := sub.email(); who != "" {
		it.Summary += " (" + who + ")"
	}
	return nil
}

func (a *StopSequences) Apply(ctx context.Context, ac *applyCtx, sub *Subject, it *Item, fx Effects) (string, error) {
	if a.Step.EffectiveScope() == flow.StopCustomer {
		return "stopped", fx.StopSequences(sub.Customer.ID, 0, it.FlowID, sub.Occ.At, sub.Occ.Occurrence)
	}
	return "stopped", fx.StopSequences(sub.customerID(), sub.Order.ID, it.FlowID, sub.Occ.At, sub.Occ.Occurrence)
}

// HoldOrder keeps an order's confirmation back for the seller's review.
type HoldOrder struct{ Step flow.Step }

func (a *HoldOrder) Kind() domain.StepKind { return domain.StepHoldOrder }

func (a *HoldOrder) Plan(pc *planCtx, sub *Subject, it *Item) error {
	if sub.Order == nil {
		return domain.Errorf(domain.CodeInvalid, "holding needs an order")
	}
	it.Summary = fmt.Sprintf("Hold the confirmation of order %s for review", sub.Order.Name)
	return nil
}

func (a *HoldOrder) Apply(ctx context.Context, ac *applyCtx, sub *Subject, it *Item, fx Effects) (string, error) {
	reason := a.Step.Detail
	if reason == "" {
		reason = "held by automation"
	}
	return "held", fx.HoldOrder(sub.Order.ID, reason)
}
