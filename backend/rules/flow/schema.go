package flow

import (
	"reflect"
	"shopclerk/backend/domain"
)

// This file is the flow editor's vocabulary as the engine knows it: which
// triggers, step kinds, exits and base events exist and which fields the
// condition builder may offer. The frontend used to keep its own copies
// (condition.ts had 48 fields copied by hand from env.go); it now reads
// this, written to frontend/src/api/schema.json by TestSchemaGolden and
// returned by the bound AutomationService.Schema, and a Vitest test fails
// when its labels and this disagree. Labels stay in TypeScript: they are
// presentation, the names are not.

// FieldType is how the condition builder treats a field: which operators
// it offers and how it writes the value.
type FieldType string

const (
	FieldString FieldType = "string" // == "x", in ["a", "b"], contains
	FieldNumber FieldType = "number" // >= 3
	FieldMoney  FieldType = "money"  // minor units: 200.00 is written 20000
	FieldBool   FieldType = "bool"   // yes / no
	FieldTags   FieldType = "tags"   // HasTag(field, "vip"), any case
	FieldList   FieldType = "list"   // "MUG-1" in field
	FieldDays   FieldType = "days"   // daysSince(field) >= 90
	FieldHours  FieldType = "hours"  // hoursSince(field) >= 2
)

// SchemaField is one field the condition builder offers.
type SchemaField struct {
	// Expr is the left-hand side as a condition writes it: order.total,
	// or daysSince(customer.lastOrderAt) for a time.
	Expr string    `json:"expr"`
	Type FieldType `json:"type"`
}

// Schema lists what a flow definition may name, in the order the editor
// offers it.
type Schema struct {
	Triggers []domain.Trigger  `json:"triggers"`
	Actions  []domain.StepKind `json:"actions"` // step kinds, wait last
	Exits    []Exit            `json:"exits"`
	After    []string          `json:"after"` // what a days_after trigger counts from
	// StopScopes are whose sequences a stop_sequences step may end, the
	// default (an order's) first.
	StopScopes []StopScope   `json:"stopScopes"`
	Fields     []SchemaField `json:"fields"`
	// Splits are the kinds of split a split step may be (branches.go).
	Splits []SplitKind `json:"splits"`
}

// Triggers are every trigger Validate accepts.
var Triggers = []domain.Trigger{domain.TriggerOrderCreated, domain.TriggerOrderPaid, domain.TriggerOrderFulfilled, domain.TriggerOrderCancelled,
	domain.TriggerOrderRefunded, domain.TriggerShipmentStatus, domain.TriggerCartIdle, domain.TriggerStockBelow, domain.TriggerCustomerCreated,
	domain.TriggerConsentGiven, domain.TriggerConsentWithdrawn, domain.TriggerTagAdded, domain.TriggerBirthday, domain.TriggerRenewalDue,
	domain.TriggerPaymentOverdue, domain.TriggerDaysAfter, domain.TriggerInactive, domain.TriggerMarketingUnanswered,
	domain.TriggerShipmentShipped, domain.TriggerShipmentStuck}

// Actions are every step kind, wait last (the editor shows it apart).
var Actions = []domain.StepKind{domain.StepSendEmail, domain.StepIssueCoupon, domain.StepAddTag, domain.StepRemoveTag, domain.StepCreateTask,
	domain.StepPurchaseOrder, domain.StepHoldOrder, domain.StepStopSequences, domain.StepExit, domain.StepSplit, domain.StepWait}

// Exits are every reason a sequence may end early.
var Exits = []Exit{ExitBought, ExitReplied, ExitUnsubscribed, ExitOutOfStock}

// Afters are the events a days_after trigger may count from.
var Afters = []string{AfterOrderPaid, AfterOrderFulfilled, AfterDelivered, AfterCustomerCreated}

// StopScopes are every scope Validate accepts for a stop_sequences step.
var StopScopes = []StopScope{StopOrder, StopCustomer}

// EditorSchema is the vocabulary of the flow editor. Its fields are Env's
// fields with a builder tag, so a field added to Env reaches the builder
// by tagging it there.
func EditorSchema() Schema {
	return Schema{Triggers: Triggers, Actions: Actions, Exits: Exits, After: Afters, StopScopes: StopScopes, Fields: builderFields(),
		Splits: []SplitKind{SplitCondition, SplitRandom}}
}

func builderFields() []SchemaField {
	var out []SchemaField
	env := reflect.TypeFor[Env]()
	for i := range env.NumField() {
		part := env.Field(i)
		if part.Type.Kind() != reflect.Struct || part.Type.PkgPath() != env.PkgPath() {
			continue // now: a time, not a part
		}
		root := part.Tag.Get("expr")
		for j := range part.Type.NumField() {
			f := part.Type.Field(j)
			t := FieldType(f.Tag.Get("builder"))
			if t == "" {
				continue
			}
			path := root + "." + f.Tag.Get("expr")
			switch t {
			case FieldDays:
				path = "daysSince(" + path + ")"
			case FieldHours:
				path = "hoursSince(" + path + ")"
			}
			out = append(out, SchemaField{Expr: path, Type: t})
		}
	}
	return out
}
