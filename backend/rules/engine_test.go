package rules

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"testing/quick"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/rules/flow"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/rulesdb"
)

// cartShop has one abandoned cart (idle since t0-2h) from a consenting
// customer, with the abandoned-cart sequence switched on.
func cartShop(t *testing.T, consent bool) (*shop, int64) {
	s := newShop(t)
	id := s.template("cart_abandoned")
	carl := cust("carl@example.com", "Carl", "NL", consent)
	s.write(func(w *importdb.Writer) error {
		if err := stock(w, "MUG-1", 20); err != nil {
			return err
		}
		return w.UpsertCart(cart("c1", carl.Email, t0.Add(-2*hour)), &carl)
	})
	return s, id
}

func TestSequenceRunsItsSteps(t *testing.T) {
	s, id := cartShop(t, true)
	steps := func(now time.Time) []int {
		var out []int
		for _, it := range flowItems(s.plan(now), id) {
			out = append(out, it.Step)
		}
		return out
	}
	if got := steps(t0); !slices.Equal(got, []int{0}) {
		t.Fatalf("at 1 h: steps %v", got)
	}
	s.runAll(t0)
	if got := steps(t0.Add(10 * hour)); len(got) != 0 {
		t.Fatalf("before the wait is over: steps %v", got)
	}
	if got := steps(t0.Add(23 * hour)); !slices.Equal(got, []int{2}) {
		t.Fatalf("at 24 h: steps %v", got)
	}
	s.runAll(t0.Add(23 * hour))
	p := s.plan(t0.Add(71 * hour))
	items := flowItems(p, id)
	if len(items) != 2 || items[0].Action != domain.StepIssueCoupon || items[1].Action != domain.StepSendEmail {
		t.Fatalf("at 72 h: %+v", items)
	}
	if !strings.Contains(items[1].Email.HTML, "10 % off") {
		t.Fatalf("coupon email preview lacks the offer: %s", items[1].Email.HTML)
	}
	s.runAll(t0.Add(71 * hour))
	c := s.counts()
	if c["messages"] != 3 || c["coupons"] != 1 || c["dup_keys"] != 0 {
		t.Fatalf("effects %v", c)
	}
	msg, err := s.st.ListMessages(s.ctx, domain.MsgQueued, 10, 0)
	if err != nil {
		t.Fatal(err)
	}
	var last domain.OutboxMessage
	for _, m := range msg {
		if strings.Contains(m.Subject, "10 % off") {
			last = m
		}
	}
	if !strings.Contains(last.HTML, "SC-") || last.Kind != domain.KindMarketing || !strings.HasPrefix(last.MessageID, "<") {
		t.Fatalf("the coupon email does not carry the issued code: %+v", last)
	}
}

// sequenceExits are the ways Carl's abandoned-cart sequence (cartShop)
// ends, each done after the first reminder, with the exit it ends by.
var sequenceExits = []struct {
	name string
	do   func(s *shop)
	why  string
}{
	{"bought", func(s *shop) {
		carl := cust("carl@example.com", "Carl", "NL", true)
		s.write(func(w *importdb.Writer) error {
			return w.UpsertOrder(order("2001", carl.Email, 2400, t0.Add(hour)), &carl)
		})
	}, "bought"},
	{"replied", func(s *shop) {
		if err := s.st.RecordReply(s.ctx, "Carl@Example.com", t0.Add(2*hour)); err != nil {
			s.t.Fatal(err)
		}
	}, "replied"},
	{"unsubscribed", func(s *shop) {
		if _, err := s.st.Suppress(s.ctx, "carl@example.com", domain.SuppressUnsubscribed, "link"); err != nil {
			s.t.Fatal(err)
		}
	}, "unsubscribed"},
	{"items out of stock", func(s *shop) {
		s.write(func(w *importdb.Writer) error { return stock(w, "MUG-1", 0) })
	}, "out_of_stock"},
}

func TestSequenceExits(t *testing.T) {
	for _, tc := range sequenceExits {
		t.Run(tc.name, func(t *testing.T) {
			s, id := cartShop(t, true)
			s.runAll(t0)
			tc.do(s)
			p := s.plan(t0.Add(23 * hour))
			if items := flowItems(p, id); len(items) != 0 {
				t.Fatalf("sequence went on: %+v", items)
			}
			// A purchase ends the cart's idleness itself: the occurrence is
			// gone. The other exits are recorded in the ledger.
			recorded := 1
			if tc.why == "bought" {
				recorded = 0
			} else if flowPlan(p, id).Skipped[tc.why] != 1 {
				t.Fatalf("skipped %v, want %s", flowPlan(p, id).Skipped, tc.why)
			}
			s.runAll(t0.Add(23 * hour)) // records the exit
			if c := s.counts(); c["ledger_skipped"] != recorded || c["messages"] != 1 {
				t.Fatalf("effects %v", c)
			}
			if items := flowItems(s.plan(t0.Add(71*hour)), id); len(items) != 0 {
				t.Fatalf("sequence resumed: %+v", items)
			}
		})
	}
}

func TestConsentRespected(t *testing.T) {
	s, cartFlow := cartShop(t, false)
	conf := s.template("order_confirmation")
	carl := cust("carl@example.com", "Carl", "NL", false)
	s.write(func(w *importdb.Writer) error {
		return w.UpsertOrder(order("3001", carl.Email, 2400, t0.Add(-30*time.Minute)), &carl)
	})
	// The order came after the cart, so make another cart from someone else
	// without consent, to check the marketing side.
	dora := cust("dora@example.com", "Dora", "NL", false)
	s.write(func(w *importdb.Writer) error { return w.UpsertCart(cart("c2", dora.Email, t0.Add(-2*hour)), &dora) })
	p := s.plan(t0)
	if items := flowItems(p, cartFlow); len(items) != 0 || flowPlan(p, cartFlow).Skipped[whyConsent] != 1 {
		t.Fatalf("marketing to a customer without consent: %+v %v", items, flowPlan(p, cartFlow).Skipped)
	}
	if items := flowItems(p, conf); len(items) != 1 {
		t.Fatalf("the order confirmation (transactional) must go without marketing consent: %+v", items)
	}
	// A hard bounce stops even transactional mail.
	s.st.Suppress(s.ctx, carl.Email, domain.SuppressHardBounce, "550")
	if items := flowItems(s.plan(t0), conf); len(items) != 0 {
		t.Fatalf("email to a hard-bounced address: %+v", items)
	}
}

func TestQuietHoursDefer(t *testing.T) {
	s := newShop(t)
	id := s.template("cart_abandoned")
	evening := time.Date(2026, 3, 2, 20, 0, 0, 0, time.UTC) // idle from 21:00, inside 21-8
	carl := cust("carl@example.com", "Carl", "NL", true)
	s.write(func(w *importdb.Writer) error { return w.UpsertCart(cart("c1", carl.Email, evening), &carl) })
	if p := s.plan(evening.Add(2 * hour)); len(flowItems(p, id)) != 0 || flowPlan(p, id).Deferred != 1 {
		t.Fatalf("at 22:00: %+v", flowPlan(p, id))
	}
	if p := s.plan(time.Date(2026, 3, 3, 8, 0, 0, 0, time.UTC)); len(flowItems(p, id)) != 1 {
		t.Fatalf("at 08:00 the deferred reminder must be planned: %+v", flowPlan(p, id))
	}
}

func TestRunTwiceDoesNothingTwice(t *testing.T) {
	s := newShop(t)
	for _, tpl := range flow.Templates {
		s.template(tpl.Key)
	}
	demoShop(s)
	p := s.plan(t0)
	keys := p.AllKeys()
	first, err := s.e.Run(s.ctx, t0, keys)
	if err != nil {
		t.Fatal(err)
	}
	// The same approval list again (a double click, a second window).
	second, err := s.e.Run(s.ctx, t0, keys)
	if err != nil {
		t.Fatal(err)
	}
	if first.Done != len(keys) || second.Done != 0 {
		t.Fatalf("first run did %d of %d, second did %d", first.Done, len(keys), second.Done)
	}
	before := s.counts()
	demoShopData(s) // re-import the same files
	third, err := s.e.Run(s.ctx, t0, s.plan(t0).AllKeys())
	if err != nil {
		t.Fatal(err)
	}
	if after := s.counts(); third.Done != 0 || after["messages"] != before["messages"]+0 || after["dup_keys"] != 0 {
		t.Fatalf("after a re-import the run did %d; counts %v -> %v", third.Done, before, after)
	}
	// Applying an already-done key directly is refused by the ledger.
	err = s.st.ApplyRuleAction(s.ctx, domain.LedgerEntry{Key: keys[0], RuleID: 1}, func(*rulesdb.RuleTx) (string, error) {
		t.Fatal("effect ran for a done key")
		return "", nil
	})
	if !errors.Is(err, rulesdb.ErrAlreadyDone) {
		t.Fatalf("got %v", err)
	}
	hist, err := s.e.History(s.ctx, 10)
	if err != nil || len(hist) < 3 || hist[len(hist)-1].Result.Done != first.Done {
		t.Fatalf("history %+v %v", hist, err)
	}
}

// TestKilledRunResumes cancels a run part-way (as a kill would, between
// commits) and checks that running again ends with exactly the effects of
// one uninterrupted run.
func TestKilledRunResumes(t *testing.T) {
	setup := func() *shop {
		s := newShop(t)
		for _, tpl := range flow.Templates {
			s.template(tpl.Key)
		}
		demoShop(s)
		return s
	}
	whole := setup()
	whole.runAll(t0)
	want, _ := whole.st.AllLedger(whole.ctx)

	for _, killAfter := range []int{1, 5, 11} {
		s := setup()
		ctx, cancel := context.WithCancel(s.ctx)
		applied := 0
		s.e.opt.WrapEffects = func(fx Effects, _ *rulesdb.RuleTx) Effects {
			applied++
			if applied == killAfter {
				cancel()
			}
			return fx
		}
		keys := s.plan(t0).AllKeys()
		if _, err := s.e.Run(ctx, t0, keys); !errors.Is(err, context.Canceled) {
			t.Fatalf("kill after %d: run returned %v", killAfter, err)
		}
		s.e.opt.WrapEffects = nil
		s.runAll(t0)
		got, _ := s.st.AllLedger(s.ctx)
		if len(got) != len(want) {
			t.Fatalf("kill after %d: %d ledger rows, uninterrupted %d", killAfter, len(got), len(want))
		}
		for i := range got {
			if got[i].Key != want[i].Key || got[i].Status != want[i].Status {
				t.Fatalf("kill after %d: row %d is %+v, want %+v", killAfter, i, got[i], want[i])
			}
		}
		if c, w := s.counts(), whole.counts(); c["messages"] != w["messages"] || c["coupons"] != w["coupons"] || c["dup_keys"] != 0 {
			t.Fatalf("kill after %d: counts %v, uninterrupted %v", killAfter, c, w)
		}
	}
}

// TestInterleavingsNeverDuplicate is a property test: any interleaving of
// imports (new, repeated, changed) and runs at advancing times never gives
// two effects one key, and every email in the ledger has exactly one message.
func TestInterleavingsNeverDuplicate(t *testing.T) {
	prop := func(seed int64) bool {
		r := rand.New(rand.NewSource(seed))
		s := newShop(t)
		for _, k := range []string{"cart_abandoned", "order_confirmation", "spend_tiers", "welcome_voucher", "low_stock_po", "cancellation_stop"} {
			s.template(k)
		}
		now := t0
		for range 12 {
			switch r.Intn(5) {
			case 0:
				n := r.Intn(3)
				c := cust("p"+string(rune('a'+n))+"@example.com", "P", "DE", r.Intn(4) > 0)
				s.write(func(w *importdb.Writer) error {
					return w.UpsertCart(cart("c"+string(rune('a'+n)), c.Email, now.Add(-2*hour)), &c)
				})
			case 1:
				n := r.Intn(3)
				c := cust("p"+string(rune('a'+n))+"@example.com", "P", "DE", true)
				o := order("o"+string(rune('a'+n)), c.Email, int64(r.Intn(50000)), now.Add(-hour))
				if r.Intn(3) == 0 {
					o.CancelledAt = ptr(now)
				}
				s.write(func(w *importdb.Writer) error { return w.UpsertOrder(o, &c) })
			case 2:
				s.write(func(w *importdb.Writer) error { return stock(w, "MUG-1", r.Intn(10)) })
			case 3:
				p := s.plan(now)
				keys := p.AllKeys()
				r.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
				if _, err := s.e.Run(s.ctx, now, keys[:r.Intn(len(keys)+1)]); err != nil {
					t.Fatal(err)
				}
			case 4:
				now = now.Add(time.Duration(r.Intn(30)) * hour)
			}
		}
		s.runAll(now)
		c := s.counts()
		return c["dup_keys"] == 0 && c["messages"] == c["ledger_messages"] && c["coupons"] == c["ledger_coupons"]
	}
	if err := quick.Check(prop, &quick.Config{MaxCount: 8, Rand: rand.New(rand.NewSource(4))}); err != nil {
		t.Fatal(err)
	}
}

func TestFlowValidationAndExport(t *testing.T) {
	s := newShop(t)
	bad := flow.Definition{Trigger: flow.TriggerSpec{Type: domain.TriggerOrderPaid}, Condition: "order.total > 1 &&\n order.nope",
		Steps: []flow.Step{{Action: domain.StepSendEmail, Subject: "Hi {{.Customer.Nickname}}", Body: "x"}}}
	_, err := s.e.SaveFlow(s.ctx, Flow{Name: "bad", Definition: bad})
	var ve *ValidationError
	if !errors.As(err, &ve) || domain.CodeOf(err) != domain.CodeInvalid || len(ve.Problems) != 2 {
		t.Fatalf("got %v", err)
	}
	if p := ve.Problems[0]; p.Field != "condition" || p.Line != 2 || p.Column != 8 {
		t.Fatalf("condition problem %+v", p)
	}
	if p := ve.Problems[1]; p.Step != 1 || !strings.Contains(p.Message, `"Nickname"`) {
		t.Fatalf("template problem %+v", p)
	}
	a := s.template("spend_tiers")
	s.template("birthday")
	data, err := s.e.ExportFlows(s.ctx, []int64{a})
	if err != nil {
		t.Fatal(err)
	}
	ids, err := s.e.ImportFlows(s.ctx, data)
	if err != nil || len(ids) != 1 {
		t.Fatalf("import %v %v", ids, err)
	}
	got, _ := s.e.GetFlow(s.ctx, ids[0])
	orig, _ := s.e.GetFlow(s.ctx, a)
	if got.Enabled || got.Definition.Condition != orig.Definition.Condition || len(got.Definition.Steps) != len(orig.Definition.Steps) {
		t.Fatalf("imported %+v", got)
	}
	if _, err := s.e.ImportFlows(s.ctx, []byte(`{"format":"shopclerk-flows/1","flows":[{"name":"x","definition":{"trigger":{"type":"nope"},"steps":[]}}]}`)); domain.CodeOf(err) != domain.CodeInvalid {
		t.Fatalf("bad import: %v", err)
	}
}

func TestBacktest(t *testing.T) {
	s := newShop(t)
	id := s.template("order_confirmation")
	ann := cust("ann@example.com", "Ann", "DE", true)
	s.write(func(w *importdb.Writer) error {
		for i, d := range []int{1, 5, 12, 40} {
			if err := w.UpsertOrder(order("B"+string(rune('0'+i)), ann.Email, 1000, t0.Add(-time.Duration(d)*day)), &ann); err != nil {
				return err
			}
		}
		return nil
	})
	bt, err := s.e.Backtest(s.ctx, id, 30, t0)
	if err != nil || bt.Items != 3 {
		t.Fatalf("backtest %+v %v", bt, err)
	}
	if c := s.counts(); c["messages"] != 0 || c["ledger_done"] != 0 {
		t.Fatalf("a backtest changed something: %v", c)
	}
}

// TestMessageIDMakerAskedOncePerRun: what Message-IDs need (the app reads
// the mail account) is asked for at a run's first email, once per run;
// plans and runs without emails never ask.
func TestMessageIDMakerAskedOncePerRun(t *testing.T) {
	s := newShop(t)
	asked := 0
	s.e = New(s.st, Options{Log: quietLog, MessageID: func(context.Context) func(time.Time) string {
		asked++
		run, n := asked, 0
		return func(now time.Time) string { n++; return fmt.Sprintf("<%d.%d@run%d.test>", now.Unix(), n, run) }
	}})
	s.template("order_confirmation")
	s.write(func(w *importdb.Writer) error {
		for _, c := range []domain.Customer{cust("ann@example.com", "Ann", "DE", true), cust("ben@example.com", "Ben", "DE", true)} {
			if err := w.UpsertOrder(order(c.Email, c.Email, 2500, t0.Add(-2*hour)), &c); err != nil {
				return err
			}
		}
		return nil
	})
	if p := s.plan(t0); p.Items != 2 || asked != 0 {
		t.Fatalf("plan: %d items, maker asked %d times", p.Items, asked)
	}
	if res := s.runAll(t0); res.Done != 2 || asked != 1 {
		t.Fatalf("run: done %d, maker asked %d times", res.Done, asked)
	}
	if res := s.runAll(t0); res.Done != 0 || asked != 1 {
		t.Fatalf("run without emails: done %d, maker asked %d times", res.Done, asked)
	}
	var ids []string
	rows, err := s.st.ListMessages(s.ctx, domain.MsgQueued, 10, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range rows {
		ids = append(ids, m.MessageID)
	}
	if len(ids) != 2 || !strings.HasSuffix(ids[0], "@run1.test>") || !strings.HasSuffix(ids[1], "@run1.test>") {
		t.Fatalf("message ids %v", ids)
	}
}

// Every step kind the editor offers is one the engine can act on (waits,
// splits and exits only steer).
func TestEveryActionActs(t *testing.T) {
	for _, a := range flow.Actions {
		if actionFor(flow.Step{Action: a}, false, nil) == nil && a != domain.StepWait && a != domain.StepSplit && a != domain.StepExit {
			t.Errorf("%s: no action", a)
		}
	}
}
