package flow

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
	// The shipping flows (issue 12). Each acts once per parcel and status
	// (the detector keys events so; a status that flaps back does not come
	// again), from whichever source brought the status: store sync, carrier
	// polling or a tracking file. An order of several parcels says which.
	{Key: "shipping_shipped", Name: "Shipped: tracking link",
		Description: "When a tracking number reaches an order (store, tracking file or by hand), email the customer the carrier and tracking link, once per parcel.",
		Definition: Definition{Trigger: TriggerSpec{Type: domain.TriggerShipmentShipped}, Condition: "!order.cancelled",
			Steps: []Step{sendEmail("shipment_shipped")}, Policy: transactional}},
	{Key: "shipping_out_for_delivery", Name: "Out for delivery",
		Description: "When the carrier says a parcel is out for delivery, tell the customer it arrives today. Skipped if the parcel has moved on (delivered) before the email could go.",
		Definition: Definition{Trigger: TriggerSpec{Type: domain.TriggerShipmentStatus, Status: string(domain.ShipmentOutForDelivery)},
			Condition: `shipment.status == "out_for_delivery" && !order.cancelled`,
			Steps:     []Step{sendEmail("shipment_out_for_delivery")},
			Policy:    Policy{Reentry: ReentryEveryTime, CatchUp: CatchUpSkip, MaxLateHours: 12}}},
	{Key: "shipping_delivered", Name: "Delivered, then a feedback request after 7 days",
		Description: "When a parcel is delivered, tell the customer; 7 days later ask how they like their order (once per order: after its last parcel), unless they replied in between.",
		Definition: Definition{Trigger: TriggerSpec{Type: domain.TriggerShipmentStatus, Status: string(domain.ShipmentDelivered)},
			Condition: "!order.cancelled",
			Steps: []Step{sendEmail("shipment_delivered"), wait(0, 7),
				{Action: domain.StepSendEmail, If: "shipment.lastToArrive", Template: "feedback_request"}},
			Policy: Policy{Reentry: ReentryEveryTime, CatchUp: CatchUpSend, MaxLateHours: 72, ExitOn: []Exit{ExitReplied, ExitUnsubscribed}}}},
	{Key: "shipping_problem", Name: "Delivery problem: apology and a task",
		Description: "When the carrier reports an exception or a failed delivery attempt, email the customer an apology with what to do, and give you a task with the carrier's help page.",
		Definition: Definition{Trigger: TriggerSpec{Type: domain.TriggerShipmentStatus},
			Condition: `event.value in ["exception", "failed_attempt"] && !shipment.final && !order.cancelled`,
			Steps: []Step{sendEmail("shipment_problem"),
				{Action: domain.StepCreateTask, Title: "Delivery problem: order {{.Order.Name}}{{with .Shipment.Parcel}} ({{.}}){{end}}",
					Detail: "{{with .Shipment.Carrier}}{{.}}{{else}}The carrier{{end}} says: {{.Shipment.Status}}{{with .Shipment.LastEvent}}, “{{.}}”{{end}}. Tracking number {{.Shipment.TrackingNumber}}. The customer got an apology. Carrier help: {{.Shipment.CarrierHelp}}"}},
			Policy: transactional}},
	{Key: "shipping_stuck", Name: "Stuck parcel: a task, then a note to the customer",
		Description: "A parcel with no news from the carrier for 5 days gives you a task with the carrier's help page; if there is still no news 3 days later, the customer gets a note that you are on it. Delete the email step to keep it to the task.",
		Definition: Definition{Trigger: TriggerSpec{Type: domain.TriggerShipmentStuck, Days: domain.DefaultStuckDays},
			Condition: "!order.cancelled",
			Steps: []Step{
				{Action: domain.StepCreateTask, Title: "No news for {{.Shipment.TrackingNumber}}: order {{.Order.Name}}",
					Detail: "{{with .Shipment.Carrier}}{{.}}{{else}}The carrier{{end}} has said nothing new since {{with .Shipment.LastEventOn}}{{.}}{{else}}it was shipped{{end}}{{with .Shipment.LastEvent}} (“{{.}}”){{end}}. Ask them or open a claim: {{.Shipment.CarrierHelp}}"},
				wait(0, 3),
				{Action: domain.StepSendEmail, If: "!shipment.final && shipment.daysQuiet >= 8", Template: "shipment_stuck"}},
			Policy: transactional}},
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
