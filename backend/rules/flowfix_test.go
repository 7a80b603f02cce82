package rules

import (
	"strings"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/rules/flow"
)

// One cancellation stopped the same customer's other, valid orders' emails:
// customer020 has two paid orders, and cancelling #13538 the next morning
// took the confirmation of #13542, paid before, with it. Stopping is about
// the cancelled order: what it started (its follow-up) stops, the other
// order's confirmation and follow-up go on.
func TestCancellationStopsOnlyThatOrdersSequences(t *testing.T) {
	s := newRealShop(t, zarTime(t, "2021-05-14 20:00:00 +0200"))
	confirm := s.template("order_confirmation")
	s.template("cancellation_stop")
	follow := s.flow("thank-you call", flow.Definition{Trigger: flow.TriggerSpec{Type: domain.TriggerOrderPaid},
		Steps: []flow.Step{{Action: domain.StepCreateTask, Title: "Thank {{.Order.Name}}"}, wait(0, 1),
			{Action: domain.StepCreateTask, Title: "Follow up {{.Order.Name}}"}}, Policy: transactional})
	s.importCSV("orders_export.csv", zarExport(t, nil))
	if got := orderItems(s.plan(s.clk.t), follow, "#13538"); len(got) != 1 {
		t.Fatalf("#13538 is paid: its thank-you task is due, got %+v", got)
	}
	s.runAll(s.clk.t)

	// The next evening's export has #13538 cancelled that morning.
	now := s.at(zarTime(t, "2021-05-15 21:00:00 +0200"))
	s.importCSV("orders_export.csv", zarExport(t, func(name string, row map[string]*string) {
		if name == "#13538" {
			*row["Cancelled at"], *row["Financial Status"] = "2021-05-15 11:00:00 +0200", "refunded"
		}
	}))
	p := s.plan(now)
	if got := orderItems(p, follow, "#13538"); len(got) != 0 {
		t.Errorf("the cancelled order's follow-up still goes ahead: %+v", got)
	}
	if got := orderItems(p, confirm, "#13542"); len(got) != 1 || got[0].Email.To != "customer020@example.com" {
		t.Errorf("#13542, paid at 10:13 and never cancelled, lost its confirmation: %+v (skipped %v)", got, flowPlan(p, confirm).Skipped)
	}
	if got := orderItems(p, follow, "#13542"); len(got) != 1 {
		t.Errorf("#13542's own sequence was stopped by #13538's cancellation: %+v", got)
	}
}

// Stopping every sequence of the customer is a choice of its own: with it,
// #13538's cancellation stops #13542's confirmation too. A trigger without
// an order can only make that choice.
func TestCustomerWideStopIsAChoice(t *testing.T) {
	s := newRealShop(t, zarTime(t, "2021-05-14 20:00:00 +0200"))
	confirm := s.template("order_confirmation")
	stop := flow.Definition{Trigger: flow.TriggerSpec{Type: domain.TriggerOrderCancelled},
		Steps: []flow.Step{{Action: domain.StepStopSequences, Scope: flow.StopCustomer}}, Policy: transactional}
	s.flow("cancellation: stop everything", stop)
	s.importCSV("orders_export.csv", zarExport(t, nil))
	s.runAll(s.clk.t)
	now := s.at(zarTime(t, "2021-05-15 21:00:00 +0200"))
	s.importCSV("orders_export.csv", zarExport(t, func(name string, row map[string]*string) {
		if name == "#13538" {
			*row["Cancelled at"] = "2021-05-15 11:00:00 +0200"
		}
	}))
	p := s.plan(now)
	if got := orderItems(p, confirm, "#13542"); len(got) != 0 || flowPlan(p, confirm).Skipped[whyStopped] != 1 {
		t.Errorf("a customer-wide stop leaves #13542's confirmation: %+v", got)
	}
	tagged := flow.Definition{Trigger: flow.TriggerSpec{Type: domain.TriggerTagAdded, Tag: "blocked"}, Steps: []flow.Step{{Action: domain.StepStopSequences}}}
	if probs := flow.Validate(tagged); len(probs) != 1 || !strings.Contains(probs[0].Message, "no order") {
		t.Errorf("an order-scoped stop on a tag trigger: %+v", probs)
	}
	tagged.Steps[0].Scope = flow.StopCustomer
	if probs := flow.Validate(tagged); len(probs) != 0 {
		t.Errorf("a customer-wide stop on a tag trigger: %+v", probs)
	}
}

// The held order received its spend-tier coupon: an order held for review
// earns no reward until the seller releases it, and then it does.
func TestHeldOrderGetsNoRewardUntilReleased(t *testing.T) {
	now := zarTime(t, "2021-05-15 12:00:00 +0200")
	s := newRealShop(t, now)
	hold := s.template("high_risk_hold")
	tiers := s.template("spend_tiers")
	s.importCSV("orders_export.csv", zarExport(t, func(name string, row map[string]*string) {
		if name == "#13542" {
			*row["Risk Level"] = "High" // 3252.00 ZAR from customer020, who opted in
		}
	}))
	p := s.plan(now)
	held := orderItems(p, hold, "#13542")
	if len(held) == 0 || held[0].Action != domain.StepHoldOrder {
		t.Fatalf("the high-risk order is not held: %+v", held)
	}
	if got := orderItems(p, tiers, "#13538"); len(got) != 2 {
		t.Fatalf("customer020's other order (725.00 ZAR) earns its reward: %+v", got)
	}
	if got := orderItems(p, tiers, "#13542"); len(got) != 0 {
		t.Fatalf("the order being held for review earns a reward in the same plan: %+v", got)
	}
	s.runAll(now)
	p = s.plan(now)
	if got := orderItems(p, tiers, "#13542"); len(got) != 0 || flowPlan(p, tiers).Skipped[whyHeld] != 1 {
		t.Fatalf("the held order earns a reward: %+v (skipped %v)", got, flowPlan(p, tiers).Skipped)
	}
	if err := s.st.ReleaseHold(s.ctx, held[0].sub.Order.ID); err != nil {
		t.Fatal(err)
	}
	got := orderItems(s.plan(now), tiers, "#13542")
	if len(got) != 2 || got[0].Coupon == nil || !got[0].Coupon.FreeShipping {
		t.Fatalf("released, the order earns its reward (10 %% + free shipping): %+v", got)
	}
}

// A customer over the 400 tier got "10 % + free shipping" with a text
// saying "spent over 200.00": the email names the tier the order reached.
func TestSpendTierEmailNamesTheTierReached(t *testing.T) {
	now := zarTime(t, "2021-05-15 12:00:00 +0200")
	s := newRealShop(t, now)
	tiers := s.template("spend_tiers")
	s.importCSV("orders_export.csv", zarExport(t, nil))
	got := emailsTo(s.plan(now), tiers)
	for to, want := range map[string][]string{
		"customer002@example.com": {"spent over 200.00 ZAR", "5 % off"},                  // #13520, 344.00 ZAR
		"customer024@example.com": {"spent over 400.00 ZAR", "10 % off + free shipping"}, // #13543, 419.00 ZAR
		"customer020@example.com": {"spent over 400.00 ZAR", "10 % off + free shipping"}, // #13538, #13542
	} {
		if len(got[to]) == 0 {
			t.Errorf("%s: no email", to)
		}
		for _, text := range got[to] {
			for _, w := range want {
				if !strings.Contains(text, w) {
					t.Errorf("%s: %q lacks %q", to, text, w)
				}
			}
		}
	}
}

// Installing a flow twice re-planned emails already sent: the gallery
// offered "Install" again, and the second copy planned the confirmations
// the first had sent. A ready-made flow is installed once.
func TestReadyMadeFlowInstalledOnce(t *testing.T) {
	s := newShop(t)
	s.template("order_confirmation")
	_, err := s.e.InstallTemplate(s.ctx, "order_confirmation")
	if domain.CodeOf(err) != domain.CodeConflict || !strings.Contains(err.Error(), "already in your flows") {
		t.Fatalf("a second install: %v", err)
	}
	if flows, _ := s.e.ListFlows(s.ctx); len(flows) != 1 {
		t.Fatalf("%d flows", len(flows))
	}
}

// Copies a shop already has (installed twice before, or imported from a
// file) share one ledger: no copy acts on an occurrence another copy acted
// on, and two copies switched on together act once per occurrence.
func TestCopiesOfAFlowShareTheirLedger(t *testing.T) {
	now := zarTime(t, "2021-05-15 12:00:00 +0200")
	s := newRealShop(t, now)
	first := s.installCopy("order_confirmation")
	s.importCSV("orders_export.csv", zarExport(t, nil))
	sent := s.runAll(now).Done
	if sent < 10 {
		t.Fatalf("only %d confirmations", sent)
	}
	second := s.installCopy("order_confirmation")
	p := s.plan(now)
	if items := flowItems(p, second); len(items) != 0 {
		t.Fatalf("the second copy plans %d confirmations that had gone out", len(items))
	}
	if n := flowPlan(p, second).Skipped[whyCopy]; n != sent {
		t.Fatalf("skipped as done by the other copy: %d, want %d (%v)", n, sent, flowPlan(p, second).Skipped)
	}
	// Both on over the next days: each newly paid order is confirmed once.
	later := s.at(zarTime(t, "2021-05-17 12:00:00 +0200"))
	p = s.plan(later)
	a, b := len(flowItems(p, first)), len(flowItems(p, second))
	if a == 0 || b != 0 {
		t.Fatalf("new orders: first copy %d, second copy %d", a, b)
	}
	s.runAll(later)
	if c := s.counts(); c["messages"] != sent+a || c["dup_keys"] != 0 {
		t.Fatalf("effects %v, want %d messages", c, sent+a)
	}
}
