package rules

import "shopclerk/backend/domain"

// FlowTemplate is a ready-made flow the seller can switch on and edit.
type FlowTemplate struct {
	Key         string     `json:"key"`
	Name        string     `json:"name"`
	Description string     `json:"description"`
	Definition  Definition `json:"definition"`
}

var (
	buyExits      = []Exit{ExitBought, ExitReplied, ExitUnsubscribed}
	cartExits     = []Exit{ExitBought, ExitReplied, ExitUnsubscribed, ExitOutOfStock}
	transactional = Policy{Reentry: ReentryEveryTime, CatchUp: CatchUpSend, MaxLateHours: 72}
)

func sendEmail(tpl string) Step { return Step{Action: domain.StepSendEmail, Template: tpl} }

// spendTierEmail is the spend-tier email of the orders if holds for, whose
// text names tier (in cents, like the condition) as money.
func spendTierEmail(ifCond, tier string) Step {
	return Step{Action: domain.StepSendEmail, If: ifCond, Template: "spend_tier_coupon", Vars: map[string]string{"tier": tier}, MoneyVars: []string{"tier"}}
}

func wait(hours, days int) Step {
	return Step{Action: domain.StepWait, Hours: hours, Days: days}
}

// Templates are the ready-made flows of issue 4, in the order the
// Automations screen offers them.
var Templates = []FlowTemplate{
	{Key: "low_stock_po", Name: "Low stock: draft a purchase order",
		Description: "When a SKU's available stock crosses below its reorder point, add it to a draft purchase order for its supplier (one draft per supplier).",
		Definition: Definition{Trigger: TriggerSpec{Type: domain.TriggerStockBelow, Threshold: 5},
			Steps:  []Step{{Action: domain.StepPurchaseOrder}},
			Policy: Policy{Reentry: ReentryEveryTime, CatchUp: CatchUpSend, MaxLateHours: 72}}},
	{Key: "order_confirmation", Name: "Order paid: confirmation email",
		Description: "When payment for an order arrives, email the customer a confirmation with the items, totals and addresses.",
		Definition: Definition{Trigger: TriggerSpec{Type: domain.TriggerOrderPaid}, Condition: "!order.cancelled",
			Steps: []Step{sendEmail("order_confirmation")}, Policy: transactional}},
	{Key: "cart_abandoned", Name: "Abandoned cart: 1 h, 24 h, 72 h with a coupon",
		Description: "A cart idle for an hour with no later order from that email gets a reminder, another after a day, and a unique 10 % coupon after three days. Stops when they buy, reply, unsubscribe or the items sell out.",
		Definition: Definition{Trigger: TriggerSpec{Type: domain.TriggerCartIdle, Hours: 1},
			Steps: []Step{sendEmail("cart_reminder"), wait(23, 0), sendEmail("cart_reminder_second"), wait(48, 0),
				{Action: domain.StepIssueCoupon, PercentOff: 10, ValidDays: 7}, sendEmail("cart_reminder_coupon")},
			Policy: Policy{Reentry: ReentryCooldown, CooldownDays: 14, CatchUp: CatchUpSkip, MaxLateHours: 12, Marketing: true, ExitOn: cartExits}}},
	{Key: "cart_abandoned_7d", Name: "Abandoned cart: last reminder after 7 days",
		Description: "One last reminder a week after a cart was left, if they still have not ordered.",
		Definition: Definition{Trigger: TriggerSpec{Type: domain.TriggerCartIdle, Hours: 24 * 7},
			Steps:  []Step{sendEmail("cart_last_chance")},
			Policy: Policy{Reentry: ReentryCooldown, CooldownDays: 30, CatchUp: CatchUpSkip, MaxLateHours: 48, Marketing: true, ExitOn: cartExits}}},
	{Key: "winback", Name: "Win-back after 180 days without an order",
		Description: "A customer with no order for 180 days gets a we-miss-you email, an offer two weeks later, and after another 30 days a notice that their account will be closed.",
		Definition: Definition{Trigger: TriggerSpec{Type: domain.TriggerInactive, Days: 180},
			Condition: "customer.ordersCount > 0",
			Steps: []Step{{Action: domain.StepSendEmail, Template: "winback_news", Vars: map[string]string{"news": "new glazes and a spring collection"}},
				wait(0, 14), {Action: domain.StepIssueCoupon, PercentOff: 15, ValidDays: 30}, sendEmail("winback_offer"), wait(0, 30),
				{Action: domain.StepSendEmail, Template: "account_closure", Vars: map[string]string{"closeInDays": "30"}}},
			Policy: Policy{Reentry: ReentryEveryTime, CatchUp: CatchUpSkip, MaxLateHours: 72, Marketing: true, ExitOn: buyExits}}},
	{Key: "welcome_voucher", Name: "Newsletter sign-up: welcome voucher",
		Description: "When someone opts in to marketing, send a welcome email with a unique 10 % voucher.",
		Definition: Definition{Trigger: TriggerSpec{Type: domain.TriggerConsentGiven},
			Steps:  []Step{{Action: domain.StepIssueCoupon, PercentOff: 10, ValidDays: 30}, sendEmail("welcome_voucher")},
			Policy: Policy{Reentry: ReentryOnce, CatchUp: CatchUpSkip, MaxLateHours: 72, Marketing: true}}},
	// Each tier has its coupon and its email, behind the same If, so the
	// email names the tier the order reached. The emails come after both
	// coupons (steps 3 and 4), where flows installed before had their one
	// email: migration 00047 splits theirs the same way.
	{Key: "spend_tiers", Name: "Spend tiers: coupon for the next order",
		Description: "An order over 200 earns 5 % off the next order; over 400, 10 % off and free shipping. Amounts are in cents of the order's currency.",
		Definition: Definition{Trigger: TriggerSpec{Type: domain.TriggerOrderPaid},
			Condition: "order.total >= 20000 && !order.cancelled",
			Steps: []Step{
				{Action: domain.StepIssueCoupon, If: "order.total >= 40000", PercentOff: 10, FreeShipping: true, ValidDays: 60},
				{Action: domain.StepIssueCoupon, If: "order.total < 40000", PercentOff: 5, ValidDays: 60},
				spendTierEmail("order.total < 40000", "20000"),
				spendTierEmail("order.total >= 40000", "40000")},
			Policy: Policy{Reentry: ReentryEveryTime, CatchUp: CatchUpSkip, MaxLateHours: 72, Marketing: true}}},
	{Key: "high_value", Name: "High-value customer: tag",
		Description: "When a customer's lifetime spend passes 1,000, tag them high-value.",
		Definition: Definition{Trigger: TriggerSpec{Type: domain.TriggerOrderPaid},
			Condition: "customer.totalSpent >= 100000",
			Steps:     []Step{{Action: domain.StepAddTag, Tag: "high-value"}},
			Policy:    Policy{Reentry: ReentryOnce, CatchUp: CatchUpSend, MaxLateHours: 72}}},
	{Key: "feedback_request", Name: "Feedback request 30 days after delivery",
		Description: "Thirty days after a parcel is delivered, ask how they like their order.",
		Definition: Definition{Trigger: TriggerSpec{Type: domain.TriggerDaysAfter, Days: 30, After: AfterDelivered},
			Steps:  []Step{sendEmail("feedback_request")},
			Policy: Policy{Reentry: ReentryCooldown, CooldownDays: 60, CatchUp: CatchUpSkip, MaxLateHours: 72, Marketing: true}}},
	{Key: "birthday", Name: "Birthday offer",
		Description: "On a customer's birthday (shop time zone), a 15 % birthday coupon; only to customers who opted in to marketing.",
		Definition: Definition{Trigger: TriggerSpec{Type: domain.TriggerBirthday},
			Condition: "customer.acceptsMarketing",
			Steps:     []Step{{Action: domain.StepIssueCoupon, PercentOff: 15, ValidDays: 14}, sendEmail("birthday_offer")},
			Policy:    Policy{Reentry: ReentryEveryTime, CatchUp: CatchUpSkip, MaxLateHours: 48, Marketing: true}}},
	{Key: "subscription_renewal", Name: "Subscription renewal reminder",
		Description: "Three days before a 30-day subscription (orders tagged subscription) renews, remind the customer, unless they already renewed.",
		Definition: Definition{Trigger: TriggerSpec{Type: domain.TriggerRenewalDue, Days: 30, LeadDays: 3, Tag: "subscription"},
			Steps: []Step{sendEmail("renewal_reminder")}, Policy: transactional}},
	{Key: "payment_overdue", Name: "Overdue payment reminder",
		Description: "An order still unpaid 7 days after it was placed gets a payment reminder.",
		Definition: Definition{Trigger: TriggerSpec{Type: domain.TriggerPaymentOverdue, Days: 7},
			Steps: []Step{sendEmail("payment_overdue")}, Policy: transactional}},
	{Key: "cancellation_stop", Name: "Cancellation: stop other sequences",
		Description: "When an order is cancelled, stop what it started in other flows (its confirmation, shipping and feedback emails). The customer's other orders carry on.",
		Definition: Definition{Trigger: TriggerSpec{Type: domain.TriggerOrderCancelled},
			Steps: []Step{{Action: domain.StepStopSequences, Scope: StopOrder}}, Policy: transactional}},
	{Key: "followup_offer", Name: "No purchase after 3 marketing emails: time-limited offer",
		Description: "A customer who got 3 marketing emails since their last order without buying gets a 48-hour offer.",
		Definition: Definition{Trigger: TriggerSpec{Type: domain.TriggerMarketingUnanswered, Count: 3},
			Steps:  []Step{{Action: domain.StepIssueCoupon, PercentOff: 10, ValidDays: 2}, sendEmail("followup_offer")},
			Policy: Policy{Reentry: ReentryCooldown, CooldownDays: 90, CatchUp: CatchUpSkip, MaxLateHours: 72, Marketing: true, ExitOn: buyExits}}},
	{Key: "high_risk_hold", Name: "High-risk order: hold and review",
		Description: "An order the store rates high risk, or a first order over 300 whose billing and shipping countries differ, has its confirmation held and a review task created.",
		Definition: Definition{Trigger: TriggerSpec{Type: domain.TriggerOrderPaid},
			Condition: `order.riskLevel == "high" || (order.billingCountry != order.shippingCountry && customer.ordersCount <= 1 && order.total >= 30000)`,
			Steps: []Step{{Action: domain.StepHoldOrder, Detail: "risk review"},
				{Action: domain.StepCreateTask, Title: "Review order {{.Order.Name}} before confirming", Detail: "Risk check: billing {{join .Order.BillingAddress \", \"}} / shipping {{join .Order.ShippingAddress \", \"}}, total {{.Order.Total}}."}},
			Policy: transactional}},
	{Key: "onboarding", Name: "Registration: onboarding email per segment",
		Description: "A new customer gets an onboarding email: German for customers in Germany, Austria and Switzerland, English for everyone else.",
		Definition: Definition{Trigger: TriggerSpec{Type: domain.TriggerCustomerCreated},
			Steps: []Step{
				{Action: domain.StepSendEmail, If: `customer.country in ["DE", "AT", "CH"]`, Template: "onboarding_de", Vars: map[string]string{"howItWorks": "Versand in 1-2 Tagen, 30 Tage Rückgabe."}},
				{Action: domain.StepSendEmail, If: `!(customer.country in ["DE", "AT", "CH"])`, Template: "onboarding", Vars: map[string]string{"howItWorks": "we ship in 1-2 days and take returns for 30 days."}}},
			Policy: Policy{Reentry: ReentryOnce, CatchUp: CatchUpSkip, MaxLateHours: 72}}},
}

// TemplateByKey finds a ready-made flow.
func TemplateByKey(key string) (FlowTemplate, bool) {
	for _, t := range Templates {
		if t.Key == key {
			return t, true
		}
	}
	return FlowTemplate{}, false
}
