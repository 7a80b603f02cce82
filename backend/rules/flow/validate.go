package flow

import (
	"errors"
	"fmt"
	"strings"

	"shopclerk/backend/coupons"
	"shopclerk/backend/domain"
	"shopclerk/backend/email"
)

// Problem is one thing wrong with a flow, worded for the seller, with where
// it is: Step is 1-based (0 for the trigger, condition or policy), Line and
// Column point into the expression when there is one.
type Problem struct {
	Field   string `json:"field"` // trigger, condition, step, if, template, policy
	Step    int    `json:"step"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
	// Where names a step inside a branch ("step 3 › Yes › step 2"); Step
	// is then the split's place outside.
	Where string `json:"where,omitempty"`
}

func (p Problem) String() string {
	var where []string
	if p.Where != "" {
		where = append(where, p.Where)
	} else if p.Step > 0 {
		where = append(where, fmt.Sprintf("step %d", p.Step))
	}
	if p.Line > 0 {
		where = append(where, fmt.Sprintf("line %d, column %d", p.Line, p.Column))
	}
	if len(where) == 0 {
		return p.Message
	}
	return strings.Join(where, ", ") + ": " + p.Message
}

var orderTriggers = map[domain.Trigger]bool{domain.TriggerOrderCreated: true, domain.TriggerOrderPaid: true, domain.TriggerOrderFulfilled: true,
	domain.TriggerOrderCancelled: true, domain.TriggerOrderRefunded: true, domain.TriggerPaymentOverdue: true, domain.TriggerRenewalDue: true}

// hasOrder tells whether a trigger's occurrences concern one order: the
// order triggers, a shipment's status (its order), and days after an
// order's payment, fulfilment or delivery.
func hasOrder(t TriggerSpec) bool {
	switch t.Type {
	case domain.TriggerShipmentStatus, domain.TriggerShipmentShipped, domain.TriggerShipmentStuck:
		return true
	case domain.TriggerDaysAfter:
		return t.After == AfterOrderPaid || t.After == AfterOrderFulfilled || t.After == AfterDelivered
	}
	return orderTriggers[t.Type]
}

// customerless triggers have no customer to email, tag or reward.
var customerless = map[domain.Trigger]bool{domain.TriggerStockBelow: true}

// Validate checks a flow definition and returns every problem found (none
// means it can be saved): unknown triggers or actions, missing parameters,
// conditions that do not compile or fail on sample data, email templates
// with unknown variables.
func Validate(d Definition) []Problem {
	d.Defaults()
	var out []Problem
	inBranch := "" // where the step checked lies, when inside a branch
	add := func(field string, step int, format string, args ...any) {
		out = append(out, Problem{Field: field, Step: step, Where: inBranch, Message: fmt.Sprintf(format, args...)})
	}
	t := d.Trigger
	switch t.Type {
	case domain.TriggerOrderCreated, domain.TriggerOrderPaid, domain.TriggerOrderFulfilled, domain.TriggerOrderCancelled, domain.TriggerOrderRefunded,
		domain.TriggerShipmentStatus, domain.TriggerCustomerCreated, domain.TriggerConsentGiven, domain.TriggerConsentWithdrawn, domain.TriggerBirthday,
		domain.TriggerShipmentShipped:
	case domain.TriggerTagAdded:
		if strings.TrimSpace(t.Tag) == "" {
			add("trigger", 0, "say which tag starts this flow")
		}
	case domain.TriggerCartIdle:
		if t.Hours <= 0 {
			add("trigger", 0, "say after how many hours a cart counts as abandoned")
		}
	case domain.TriggerStockBelow:
		if t.Threshold < 0 {
			add("trigger", 0, "the stock threshold cannot be negative")
		}
	case domain.TriggerRenewalDue:
		if t.Days <= 0 || strings.TrimSpace(t.Tag) == "" {
			add("trigger", 0, "say the subscription period in days and the tag that marks subscription orders")
		} else if t.LeadDays < 0 || t.LeadDays >= t.Days {
			add("trigger", 0, "the reminder must come before the renewal date, within the period")
		}
	case domain.TriggerPaymentOverdue, domain.TriggerInactive, domain.TriggerShipmentStuck:
		if t.Days <= 0 {
			add("trigger", 0, "say after how many days")
		}
	case domain.TriggerDaysAfter:
		if t.Days <= 0 {
			add("trigger", 0, "say how many days after the event")
		}
		switch t.After {
		case AfterOrderPaid, AfterOrderFulfilled, AfterDelivered, AfterCustomerCreated:
		default:
			add("trigger", 0, "say which event the days count from (order paid, order fulfilled, delivered, customer created)")
		}
	case domain.TriggerMarketingUnanswered:
		if t.Count <= 0 {
			add("trigger", 0, "say after how many marketing emails without a purchase")
		}
	default:
		add("trigger", 0, "%q is not a trigger Shopclerk knows", t.Type)
	}
	if _, err := CompileCondition(d.Condition); err != nil {
		out = append(out, conditionProblem("condition", 0, err))
	}
	switch d.Policy.Reentry {
	case ReentryEveryTime, ReentryOnce:
	case ReentryCooldown:
		if d.Policy.CooldownDays <= 0 {
			add("policy", 0, "say how many days the cooldown lasts")
		}
	default:
		add("policy", 0, "%q is not a re-entry policy (every_time, once, cooldown)", d.Policy.Reentry)
	}
	switch d.Policy.CatchUp {
	case CatchUpSkip, CatchUpSend, CatchUpAsk:
	default:
		add("policy", 0, "%q is not a catch-up policy (skip, send, ask)", d.Policy.CatchUp)
	}
	for _, x := range d.Policy.ExitOn {
		switch x {
		case ExitBought, ExitReplied, ExitUnsubscribed, ExitOutOfStock:
		default:
			add("policy", 0, "%q is not an exit condition (bought, replied, unsubscribed, out_of_stock)", x)
		}
	}
	acts := 0
	ids := map[int]bool{}
	// check validates a list of steps; top is the place of the split the
	// list lies under (0 outside any), parent how the seller finds it.
	var check func(steps []Step, top int, parent string, depth int)
	check = func(steps []Step, top int, parent string, depth int) {
		for i, s := range steps {
			n := i + 1
			if parent != "" {
				n, inBranch = top, StepWhere(parent, i)
				// A step without an id gets one on save (AssignIDs).
				if s.ID != 0 && (s.ID < BranchIDBase || ids[s.ID]) {
					add("step", n, "the step shares its id %d with another: save the flow again from the editor", s.ID)
				}
				ids[s.ID] = true
			} else {
				inBranch = ""
			}
			if s.If != "" {
				if _, err := CompileCondition(s.If); err != nil {
					p := conditionProblem("if", n, err)
					p.Where = inBranch
					out = append(out, p)
				}
			}
			if s.Action != domain.StepWait && s.Action != domain.StepSplit && s.Action != domain.StepExit {
				acts++
			}
			if (s.Action == domain.StepSplit || s.Action == domain.StepExit) && i < len(steps)-1 {
				if s.Action == domain.StepSplit {
					add("step", n, "a split ends its list of steps: move the steps after it into its branches")
				} else {
					add("step", n, "an exit ends the sequence: remove the steps after it")
				}
			}
			for _, k := range s.MoneyVars {
				if v, ok := s.Vars[k]; !ok {
					add("step", n, "%s is marked as an amount, but the step has no text called %s", k, k)
				} else if !amountRe.MatchString(strings.TrimSpace(v)) {
					add("step", n, "%s must be an amount like 200 (kept in cents, 20000, as conditions compare order.total), not %q", k, v)
				}
			}
			needCustomer := false
			switch s.Action {
			case domain.StepWait:
				if s.Hours < 0 || s.Days < 0 || s.Hours+s.Days == 0 {
					add("step", n, "say how long to wait")
				}
			case domain.StepSendEmail:
				needCustomer = true
				if _, ok := (email.Fallback{}).Lookup(s.Template); !ok && (s.Subject == "" || s.Body == "") {
					add("template", n, "choose an email template, or write a subject and a body")
					continue
				}
				t, _ := s.EmailTemplate(email.Fallback{})
				if email.UsesPurchaseOrder(t) {
					add("template", n, "%s", email.NoPurchaseOrder)
				} else if _, err := (email.Fallback{}).Render(t, email.Sample(s.Vars)); err != nil {
					add("template", n, "%s", err.Error())
				}
			case domain.StepIssueCoupon:
				needCustomer = true
				if s.PercentOff < 0 || s.PercentOff > 100 {
					add("step", n, "a coupon's percentage must be between 0 and 100")
				}
				if s.AmountOff < 0 || s.ValidDays < 0 {
					add("step", n, "a coupon's amount and validity cannot be negative")
				}
				if s.PercentOff == 0 && s.AmountOff == 0 && !s.FreeShipping {
					add("step", n, "the coupon gives nothing: set a percentage, an amount or free shipping")
				}
				if err := coupons.Pattern(s.CodePattern).Valid(); err != nil {
					add("step", n, "%s", err.Error())
				}
			case domain.StepAddTag, domain.StepRemoveTag:
				needCustomer = true
				if strings.TrimSpace(s.Tag) == "" || strings.Contains(s.Tag, ",") {
					add("step", n, "name the tag (without commas)")
				}
			case domain.StepCreateTask:
				if strings.TrimSpace(s.Title) == "" {
					add("step", n, "give the task a title")
				} else if _, err := email.RenderText("task", s.Title+s.Detail, email.Sample(s.Vars)); err != nil {
					add("template", n, "%s", err.Error())
				}
			case domain.StepPurchaseOrder:
				if t.Type != domain.TriggerStockBelow {
					add("step", n, "purchase orders can only follow the low-stock trigger")
				}
			case domain.StepHoldOrder:
				if !orderTriggers[t.Type] {
					add("step", n, "only an order trigger can hold an order")
				}
			case domain.StepStopSequences:
				switch s.EffectiveScope() {
				case StopOrder:
					if !hasOrder(t) {
						add("step", n, "this trigger has no order whose sequences could be stopped: choose to stop every sequence of the customer")
					}
				case StopCustomer:
					needCustomer = true
				default:
					add("step", n, "%q is not a choice of sequences to stop (order, customer)", s.Scope)
				}
			case domain.StepExit:
			case domain.StepSplit:
				where := inBranch
				if where == "" {
					where = StepWhere("", i)
				}
				validateSplit(s, depth+1, func(format string, args ...any) { add("step", n, format, args...) }, func(err error) {
					p := conditionProblem("split", n, err)
					p.Where = inBranch
					out = append(out, p)
				})
				if parent == "" {
					top = n
				}
				for b := 0; b < len(s.Branches) && b < 2; b++ {
					check(s.Branches[b].Steps, top, where+" › "+BranchLabel(s, b), depth+1)
				}
				if parent == "" {
					top = 0
				}
			default:
				add("step", n, "%q is not an action Shopclerk knows", s.Action)
			}
			if needCustomer && customerless[t.Type] {
				add("step", n, "the low-stock trigger has no customer to %s", strings.ReplaceAll(string(s.Action), "_", " "))
			}
		}
	}
	if len(d.Steps) > maxTopSteps {
		add("step", 0, "a flow has at most %d steps outside its branches", maxTopSteps)
	}
	check(d.Steps, 0, "", 0)
	inBranch = ""
	if acts == 0 {
		add("step", 0, "add at least one action")
	}
	return out
}

func conditionProblem(field string, step int, err error) Problem {
	var ce *ConditionError
	if errors.As(err, &ce) {
		return Problem{Field: field, Step: step, Line: ce.Line, Column: ce.Column, Message: ce.Message}
	}
	return Problem{Field: field, Step: step, Message: err.Error()}
}
