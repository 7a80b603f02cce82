// Package flow is the language of Shopclerk's automations: what a flow is
// (a trigger, a condition, steps and waits, splits into branches, a policy
// for re-entry, catch-up and exits), the condition language (expr-lang over
// the typed environment in env.go, checked and with errors in the seller's
// words), validation of a whole flow, the ready-made flows and the editor's
// schema. It is pure: it knows no store and no engine, so the engine
// (backend/rules), the seller's segments (backend/customers) and the window
// read one definition of it.
package flow

import (
	"encoding/json"
	"time"

	"shopclerk/backend/domain"
)

// Base events a days_after trigger can count from.
const (
	AfterOrderPaid       = "order_paid"
	AfterOrderFulfilled  = "order_fulfilled"
	AfterDelivered       = "delivered"
	AfterCustomerCreated = "customer_created"
)

// Exit names a reason a running sequence ends before its next step.
type Exit string

const (
	ExitBought       Exit = "bought"
	ExitReplied      Exit = "replied"
	ExitUnsubscribed Exit = "unsubscribed"
	ExitOutOfStock   Exit = "out_of_stock"
)

// Reentry says how often one customer may go through a flow.
type Reentry string

const (
	ReentryEveryTime Reentry = "every_time"
	ReentryOnce      Reentry = "once"
	ReentryCooldown  Reentry = "cooldown"
)

// StopScope says which running sequences a stop_sequences step ends.
type StopScope string

const (
	// StopOrder (the default) ends the sequences the flow's order started:
	// its confirmation, shipping and feedback emails. The customer's other
	// orders, carts and sign-ups carry on.
	StopOrder StopScope = "order"
	// StopCustomer ends every running sequence of the customer, whatever
	// started it: a separate choice the seller makes explicitly.
	StopCustomer StopScope = "customer"
)

// CatchUp says what happens to steps that fell due while the computer was off.
type CatchUp string

const (
	CatchUpSkip CatchUp = "skip" // later than MaxLateHours: leave it out
	CatchUpSend CatchUp = "send" // send anyway
	CatchUpAsk  CatchUp = "ask"  // show it, flagged late, never approved automatically
)

// TriggerSpec is a trigger with its parameters. Unused fields stay zero.
type TriggerSpec struct {
	Type      domain.Trigger `json:"type"`
	Hours     int            `json:"hours,omitempty"`     // cart_idle: idle this long
	Days      int            `json:"days,omitempty"`      // days_after, inactive, renewal period, payment_overdue
	LeadDays  int            `json:"leadDays,omitempty"`  // renewal_due: remind this many days before
	After     string         `json:"after,omitempty"`     // days_after: order_paid, order_fulfilled, delivered, customer_created
	Status    string         `json:"status,omitempty"`    // shipment_status: only this status ("" = any)
	Tag       string         `json:"tag,omitempty"`       // tag_added: only this tag; renewal_due: the subscription tag
	Threshold int            `json:"threshold,omitempty"` // stock_below: for SKUs without a reorder point
	Count     int            `json:"count,omitempty"`     // marketing_unanswered: this many emails without a purchase
}

// Step is one action or wait. The fields used depend on Action.
type Step struct {
	Action domain.StepKind `json:"action"`
	// If, when set, is an expression that must hold for the step to act;
	// a false If passes over the step (spend tiers, per-segment emails).
	If string `json:"if,omitempty"`

	// wait
	Hours int `json:"hours,omitempty"`
	Days  int `json:"days,omitempty"`

	// send_email: a named template, optionally overridden by the seller.
	Template string            `json:"template,omitempty"`
	Subject  string            `json:"subject,omitempty"`
	Body     string            `json:"body,omitempty"`
	Vars     map[string]string `json:"vars,omitempty"`
	// MoneyVars names the Vars that are amounts of money, in minor units as
	// the flow's conditions compare order.total ("20000"), so an email names
	// the threshold its condition used. Emails show them as they show order
	// amounts: in the order's currency (the shop's when there is no order)
	// with that currency's decimals: "200.00 EUR", "20000 JPY".
	MoneyVars []string `json:"moneyVars,omitempty"`

	// add_tag, remove_tag
	Tag string `json:"tag,omitempty"`

	// issue_coupon
	PercentOff   int   `json:"percentOff,omitempty"`
	AmountOff    int64 `json:"amountOff,omitempty"` // minor units, in the order's or shop's currency
	FreeShipping bool  `json:"freeShipping,omitempty"`
	ValidDays    int   `json:"validDays,omitempty"`
	// CodePattern shapes the codes: X is a random character (coupons.Pattern);
	// empty is SC-XXXX-XXXX.
	CodePattern string `json:"codePattern,omitempty"`

	// create_task, hold_order
	Title  string `json:"title,omitempty"`
	Detail string `json:"detail,omitempty"`

	// stop_sequences: whose sequences end ("" is StopOrder).
	Scope StopScope `json:"scope,omitempty"`

	// split (branches.go): a yes/no split on When, or a random A/B split
	// giving Percent of the customers to A; two Branches, each its own list
	// of steps, and the flow ends where a branch's steps end.
	Split    SplitKind `json:"split,omitempty"`
	When     string    `json:"when,omitempty"`
	Percent  int       `json:"percent,omitempty"`
	Branches []Branch  `json:"branches,omitempty"`
	// ID is a step's id inside a branch (from BranchIDBase up), given on
	// save and kept when the step moves, so the ledger and attribution know
	// it whatever is edited around it. Steps outside any split are known by
	// their place, as always, and carry none.
	ID int `json:"id,omitempty"`
}

// EffectiveScope is the step's scope with its default.
func (s Step) EffectiveScope() StopScope {
	if s.Scope == "" {
		return StopOrder
	}
	return s.Scope
}

// Policy holds a flow's re-entry, catch-up and exit settings.
type Policy struct {
	Reentry      Reentry `json:"reentry"`
	CooldownDays int     `json:"cooldownDays,omitempty"`
	CatchUp      CatchUp `json:"catchUp"`
	MaxLateHours int     `json:"maxLateHours"`
	// Marketing flows email only opted-in, unsuppressed customers, obey the
	// frequency cap and quiet hours, and carry List-Unsubscribe.
	Marketing bool   `json:"marketing"`
	ExitOn    []Exit `json:"exitOn,omitempty"`
}

// Definition is what rules.definition stores.
type Definition struct {
	Trigger   TriggerSpec `json:"trigger"`
	Condition string      `json:"condition,omitempty"`
	Steps     []Step      `json:"steps"`
	Policy    Policy      `json:"policy"`
	// NextID is the next id a step inside a branch gets (branches.go);
	// ids are never reused, so a new step never inherits a removed one's
	// ledger. Zero for flows without branches.
	NextID int `json:"nextId,omitempty"`
}

// ParseDefinition decodes a stored definition, filling policy defaults.
func ParseDefinition(raw string) (Definition, error) {
	var d Definition
	if err := json.Unmarshal([]byte(raw), &d); err != nil {
		return d, domain.Wrap(err, domain.CodeInvalid, "the automation's definition is not valid JSON")
	}
	d.Defaults()
	return d, nil
}

func (d *Definition) Defaults() {
	if d.Policy.Reentry == "" {
		d.Policy.Reentry = ReentryEveryTime
	}
	if d.Policy.CatchUp == "" {
		d.Policy.CatchUp = CatchUpSkip
	}
	if d.Policy.MaxLateHours <= 0 {
		d.Policy.MaxLateHours = 72
	}
}

// Span is how long a whole sequence runs from its occurrence: along its
// longest branch.
func (d *Definition) Span() time.Duration { return spanOf(d.Steps) }

func spanOf(steps []Step) time.Duration {
	var at time.Duration
	for _, s := range steps {
		at += s.Delay()
		if s.Action == domain.StepSplit {
			var longest time.Duration
			for _, b := range s.Branches {
				longest = max(longest, spanOf(b.Steps))
			}
			at += longest
		}
	}
	return at
}

// Delay is how long a wait step holds the sequence; other steps take no time.
func (s Step) Delay() time.Duration {
	if s.Action != domain.StepWait {
		return 0
	}
	return time.Duration(s.Hours)*time.Hour + time.Duration(s.Days)*24*time.Hour
}

// Shift is how long after its base event a date trigger's sequence starts
// ("N days after", "inactive for N days", "idle for N hours"); 0 for the
// others.
func (t TriggerSpec) Shift() time.Duration {
	day := 24 * time.Hour
	switch t.Type {
	case domain.TriggerPaymentOverdue, domain.TriggerInactive, domain.TriggerDaysAfter, domain.TriggerShipmentStuck:
		return time.Duration(t.Days) * day
	case domain.TriggerRenewalDue:
		return time.Duration(t.Days-t.LeadDays) * day
	case domain.TriggerCartIdle:
		return time.Duration(t.Hours) * time.Hour
	}
	return 0
}
