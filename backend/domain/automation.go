package domain

import "time"

// Automation's vocabulary: what starts a flow (Trigger), what its steps do
// (StepKind), what a trigger saw (RuleOccurrence) and the ledger that makes
// every planned side effect happen at most once (invariant 2). rules plans
// and runs flows in these words; store detects events under the same
// trigger names and keeps the ledger.

// Trigger names what starts a flow.
type Trigger string

const (
	TriggerOrderCreated        Trigger = "order_created"
	TriggerOrderPaid           Trigger = "order_paid"
	TriggerOrderFulfilled      Trigger = "order_fulfilled"
	TriggerOrderCancelled      Trigger = "order_cancelled"
	TriggerOrderRefunded       Trigger = "order_refunded"
	TriggerShipmentStatus      Trigger = "shipment_status"
	TriggerCartIdle            Trigger = "cart_idle"
	TriggerStockBelow          Trigger = "stock_below"
	TriggerCustomerCreated     Trigger = "customer_created"
	TriggerConsentGiven        Trigger = "consent_given"
	TriggerConsentWithdrawn    Trigger = "consent_withdrawn"
	TriggerTagAdded            Trigger = "tag_added"
	TriggerBirthday            Trigger = "birthday"
	TriggerRenewalDue          Trigger = "renewal_due"
	TriggerPaymentOverdue      Trigger = "payment_overdue"
	TriggerDaysAfter           Trigger = "days_after"
	TriggerInactive            Trigger = "inactive"
	TriggerMarketingUnanswered Trigger = "marketing_unanswered"
)

// The shipping flows' triggers (issue 12) beside shipment_status.
const (
	// TriggerShipmentShipped: a parcel with a tracking number appears on an
	// order, once per order and number, whichever source brought it.
	TriggerShipmentShipped Trigger = "shipment_shipped"
	// TriggerShipmentStuck: a parcel not yet final has had no carrier event
	// for the trigger's Days; once per silence (a new event starts a new one).
	TriggerShipmentStuck Trigger = "shipment_stuck"
)

// StepKind names what a step does.
type StepKind string

const (
	StepSendEmail     StepKind = "send_email"
	StepPurchaseOrder StepKind = "create_purchase_order"
	StepAddTag        StepKind = "add_tag"
	StepRemoveTag     StepKind = "remove_tag"
	StepIssueCoupon   StepKind = "issue_coupon"
	StepCreateTask    StepKind = "create_task"
	StepStopSequences StepKind = "stop_sequences"
	StepHoldOrder     StepKind = "hold_order"
	StepWait          StepKind = "wait"
	// StepSplit sends each customer down one of two branches (a yes/no
	// condition or a random A/B share); each branch is its own list of steps.
	StepSplit StepKind = "split"
	// StepExit ends the sequence where it stands (a branch that should do
	// nothing, or nothing more, holds one).
	StepExit StepKind = "exit"
)

// LedgerStatus is what became of a ledger entry's step.
type LedgerStatus string

const (
	LedgerDone    LedgerStatus = "done"    // the effect happened
	LedgerSkipped LedgerStatus = "skipped" // passed over for good: the sequence exited
	// LedgerBranched records the side a customer took at a split (Result:
	// yes, no, a, b): no effect, but later plans keep them on that side.
	LedgerBranched LedgerStatus = "branched"
)

// LedgerEntry is one planned side effect under its idempotency key
// (rule/subject/occurrence/step, invariant 2).
type LedgerEntry struct {
	Key        string
	RuleID     int64
	Subject    string
	Occurrence string
	Step       int
	DueAt      time.Time
	Status     LedgerStatus
	Result     string
	// Path is the branch the step lies on ("" outside any split; "2:yes",
	// "2:yes/1003:b" inside), recorded when it was done, so what a branch
	// sent is counted as it was even after the flow is edited.
	Path string
}

// LedgerStep is what the ledger knows about one step of one occurrence.
type LedgerStep struct {
	Step   int
	Status LedgerStatus
	Result string
}

// RuleOccurrence is one thing a trigger saw: an order that got paid, a cart
// that went idle, a SKU that crossed below its reorder point. Occurrence is
// derived from the data itself (never from when it was looked at), so the
// same data always yields the same key.
type RuleOccurrence struct {
	Occurrence string
	Subject    string // who the flow acts for: customer:12, email:a@b.c, sku:A-7
	CustomerID int64
	OrderID    int64
	CartID     int64
	ShipmentID int64
	Email      string
	SKU        string
	Location   string
	Value      string // the tag added, the new shipment status
	Before     int    // stock crossings: available before (-1 when new), after, threshold
	After      int
	Threshold  int
	At         time.Time
}
