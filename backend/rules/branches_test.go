package rules

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/rules/flow"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/rulesdb"
)

func note(subject string) flow.Step {
	return flow.Step{Action: domain.StepSendEmail, Subject: subject, Body: "<p>Hi {{.Customer.FirstName}}</p>"}
}

func condSplit(when string, yes, no []flow.Step) flow.Step {
	return flow.Step{Action: domain.StepSplit, Split: flow.SplitCondition, When: when, Branches: []flow.Branch{{Steps: yes}, {Steps: no}}}
}

func abSplit(percent int, a, b []flow.Step) flow.Step {
	return flow.Step{Action: domain.StepSplit, Split: flow.SplitRandom, Percent: percent, Branches: []flow.Branch{{Steps: a}, {Steps: b}}}
}

func paidFlow(steps ...flow.Step) flow.Definition {
	return flow.Definition{Trigger: flow.TriggerSpec{Type: domain.TriggerOrderPaid}, Steps: steps, Policy: flow.Policy{CatchUp: flow.CatchUpSkip, MaxLateHours: 72}}
}

// compiledFor compiles a definition as a stored flow with id 7.
func compiledFor(t *testing.T, d flow.Definition) *compiled {
	t.Helper()
	d.Defaults()
	flow.AssignIDs(&d)
	raw, _ := json.Marshal(d)
	c, err := compileFlow(rulesdb.RuleRow{ID: 7, Name: "split", Definition: string(raw)})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestSplitChoosesItsSide(t *testing.T) {
	big := flow.Env{Order: flow.OrderEnv{Total: 30000, Tags: []string{"gift"}, SKUs: []string{}}, Customer: flow.CustomerEnv{OrdersCount: 1, Tags: []string{}}}
	small := flow.Env{Order: flow.OrderEnv{Total: 4000, Tags: []string{}, SKUs: []string{}}, Customer: flow.CustomerEnv{OrdersCount: 5, Tags: []string{"vip"}}}
	for _, tc := range []struct {
		name, when string
		env        flow.Env
		want       string
		why        string
	}{
		{"total over", "order.total >= 20000", big, flow.SideYes, "order.total >= 20000 holds"},
		{"total under", "order.total >= 20000", small, flow.SideNo, "does not hold"},
		{"first order", "customer.ordersCount == 1", big, flow.SideYes, "holds"},
		{"tag any case", `hasTag(customer.tags, "VIP")`, small, flow.SideYes, "holds"},
		{"tag missing", `hasTag(customer.tags, "VIP")`, big, flow.SideNo, "does not hold"},
		{"and", `order.total > 1000 && "gift" in order.tags`, big, flow.SideYes, "holds"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := compiledFor(t, paidFlow(condSplit(tc.when, []flow.Step{note("yes")}, []flow.Step{note("no")})))
			sub := &Subject{Occ: domain.RuleOccurrence{Subject: "customer:1", Occurrence: "order:1:paid"}, Env: tc.env}
			b, ch, err := c.choose(c.top[0], sub)
			if err != nil {
				t.Fatal(err)
			}
			if ch.Side != tc.want || c.top[0].step.Sides()[b] != tc.want || !strings.Contains(ch.Why, tc.why) {
				t.Fatalf("side %s (%d), why %q; want %s, %q", ch.Side, b, ch.Why, tc.want, tc.why)
			}
			if want := "0:" + tc.want; ch.Path != want || ch.Where != "step 1" {
				t.Fatalf("path %q where %q, want %q", ch.Path, ch.Where, want)
			}
			// A recorded side wins over what the condition says now.
			other := flow.SideNo
			if tc.want == flow.SideNo {
				other = flow.SideYes
			}
			if _, kept, ok := c.top[0].kept(sub.Occ, other); !ok || kept.Side != other || !kept.Kept {
				t.Fatalf("recorded side %s not kept: %+v", other, kept)
			}
		})
	}
	t.Run("random by draw", func(t *testing.T) {
		for _, pct := range []int{1, 30, 50, 99} {
			c := compiledFor(t, paidFlow(abSplit(pct, []flow.Step{note("a")}, []flow.Step{note("b")})))
			for i := range 200 {
				subj := fmt.Sprintf("customer:%d", i)
				_, ch, err := c.choose(c.top[0], &Subject{Occ: domain.RuleOccurrence{Subject: subj}})
				if err != nil {
					t.Fatal(err)
				}
				d := draw(7, subj, 0)
				if want := map[bool]string{true: flow.SideA, false: flow.SideB}[d < pct]; ch.Side != want || !strings.Contains(ch.Why, fmt.Sprintf("drawn %d", d)) {
					t.Fatalf("%d%%, draw %d: side %s why %q", pct, d, ch.Side, ch.Why)
				}
			}
		}
	})
}

func TestSplitValidationNamesTheStep(t *testing.T) {
	for _, tc := range []struct {
		name  string
		steps []flow.Step
		where string
		msg   string
	}{
		{"empty condition", []flow.Step{note("x"), condSplit("  ", []flow.Step{note("y")}, []flow.Step{note("n")})}, "step 2", "has no condition"},
		{"condition not compiling", []flow.Step{condSplit("order.totl > 1", []flow.Step{note("y")}, []flow.Step{note("n")})}, "step 1, line 1, column 7", "no field totl"},
		{"percent 0", []flow.Step{abSplit(0, []flow.Step{note("a")}, []flow.Step{note("b")})}, "step 1", "from 1 to 99"},
		{"percent 100", []flow.Step{abSplit(100, []flow.Step{note("a")}, []flow.Step{note("b")})}, "step 1", "from 1 to 99"},
		{"empty branch", []flow.Step{condSplit("order.total > 1", []flow.Step{note("y")}, nil)}, "step 1", "No branch has no steps"},
		{"empty A", []flow.Step{abSplit(40, nil, []flow.Step{note("b")})}, "step 1", "A 40% branch has no steps"},
		{"nested empty", []flow.Step{condSplit("order.total > 1", []flow.Step{abSplit(50, []flow.Step{note("a")}, []flow.Step{})}, []flow.Step{note("n")})},
			"step 1 › Yes › step 1", "B 50% branch has no steps"},
		{"nested bad email", []flow.Step{condSplit("order.total > 1", []flow.Step{note("a"), {Action: domain.StepWait}}, []flow.Step{note("n")})},
			"step 1 › Yes › step 2", "how long to wait"},
		{"after a split", []flow.Step{condSplit("order.total > 1", []flow.Step{note("y")}, []flow.Step{note("n")}), note("after")}, "step 1", "ends its list"},
		{"after an exit", []flow.Step{condSplit("order.total > 1", []flow.Step{{Action: domain.StepExit}, note("y")}, []flow.Step{note("n")})},
			"step 1 › Yes › step 1", "remove the steps after it"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newShop(t)
			_, err := s.e.SaveFlow(s.ctx, Flow{Name: "split", Definition: paidFlow(tc.steps...)})
			if domain.CodeOf(err) != domain.CodeInvalid {
				t.Fatalf("saved: %v", err)
			}
			if msg := err.Error(); !strings.Contains(msg, tc.where+": ") || !strings.Contains(msg, tc.msg) {
				t.Fatalf("error %q does not name %q with %q", msg, tc.where, tc.msg)
			}
			if n, _ := s.st.ListRules(s.ctx); len(n) != 0 {
				t.Fatal("a refused flow was stored")
			}
		})
	}
}

// Every ready-made flow (and so every flow saved from one) keeps the shape
// it had before branches: no ids, no nextId, the same JSON once stored,
// and the same steps by place.
func TestReadyMadeFlowsLoadUnchanged(t *testing.T) {
	if len(flow.Templates) != 21 { // the first 16 and the 5 shipping flows
		t.Fatalf("%d ready-made flows, the test expects 21", len(flow.Templates))
	}
	s := newShop(t)
	for _, tpl := range flow.Templates {
		id := s.template(tpl.Key)
		want, _ := json.Marshal(tpl.Definition)
		row, err := s.st.GetRule(s.ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if row.Definition != string(want) {
			t.Errorf("%s stored differently:\n%s\nwant\n%s", tpl.Key, row.Definition, want)
		}
		if strings.Contains(row.Definition, `"id"`) || strings.Contains(row.Definition, `"nextId"`) || strings.Contains(row.Definition, `"branches"`) {
			t.Errorf("%s gained branch fields: %s", tpl.Key, row.Definition)
		}
		c, err := compileFlow(row)
		if err != nil {
			t.Fatalf("%s: %v", tpl.Key, err)
		}
		for i := range tpl.Definition.Steps {
			if n := c.nodes[i]; n == nil || n.path != "" || n.step.Action != tpl.Definition.Steps[i].Action {
				t.Errorf("%s step %d is not known by its place", tpl.Key, i)
			}
		}
	}
}

func TestBranchStepIDsStayAndAreNeverReused(t *testing.T) {
	s := newShop(t)
	d := paidFlow(note("first"), condSplit("order.total >= 20000", []flow.Step{note("y1"), note("y2")}, []flow.Step{note("n1")}))
	id := s.flow("ids", d)
	f, _ := s.e.GetFlow(s.ctx, id)
	yes, no := f.Definition.Steps[1].Branches[0].Steps, f.Definition.Steps[1].Branches[1].Steps
	ids := []int{yes[0].ID, yes[1].ID, no[0].ID}
	if !slices.Equal(ids, []int{1000, 1001, 1002}) || f.Definition.NextID != 1003 || f.Definition.Steps[0].ID != 0 {
		t.Fatalf("ids %v next %d", ids, f.Definition.NextID)
	}
	// Move y2 to No, drop y1, add a new step before the split.
	sp := f.Definition.Steps[1]
	sp.Branches = []flow.Branch{{Steps: []flow.Step{note("y3")}}, {Steps: []flow.Step{yes[1], no[0]}}}
	f.Definition.Steps = []flow.Step{note("zero"), note("first"), sp}
	f.Definition.NextID = 0 // an editor that forgot it
	if _, err := s.e.SaveFlow(s.ctx, f); err != nil {
		t.Fatal(err)
	}
	g, _ := s.e.GetFlow(s.ctx, id)
	b := g.Definition.Steps[2].Branches
	if b[0].Steps[0].ID != 1003 || b[1].Steps[0].ID != 1001 || b[1].Steps[1].ID != 1002 {
		t.Fatalf("after the move: yes %d, no %d %d", b[0].Steps[0].ID, b[1].Steps[0].ID, b[1].Steps[1].ID)
	}
}

// splitShop has a flow "order paid" splitting on the order's total: Yes
// (200.00 and over) gets a thank-you at once, No a note a day later; two
// paid orders, one each side.
func splitShop(t *testing.T) (*shop, int64) {
	s := newShop(t)
	id := s.flow("spend split", paidFlow(condSplit("order.total >= 20000",
		[]flow.Step{note("Thanks, big spender")},
		[]flow.Step{{Action: domain.StepWait, Days: 1}, note("Thanks for your order")})))
	ann, bob := cust("ann@example.com", "Ann", "DE", true), cust("bob@example.com", "Bob", "DE", true)
	s.write(func(w *importdb.Writer) error {
		if err := w.UpsertOrder(order("1001", ann.Email, 30000, t0.Add(-2*hour)), &ann); err != nil {
			return err
		}
		return w.UpsertOrder(order("1002", bob.Email, 5000, t0.Add(-2*hour)), &bob)
	})
	return s, id
}

func TestPlanSendsCustomersDownBothSides(t *testing.T) {
	s, id := splitShop(t)
	fp := flowPlan(s.plan(t0), id)
	if len(fp.Items) != 1 || fp.Items[0].Path != "0:yes" || fp.Items[0].Where != "step 1 › Yes › step 1" ||
		fp.Items[0].Email == nil || fp.Items[0].Email.To != "ann@example.com" || fp.Items[0].Step != 1000 {
		t.Fatalf("items %+v", fp.Items)
	}
	sides := map[string]string{}
	for _, ch := range fp.Branches {
		sides[ch.Occurrence] = ch.Label + ": " + ch.Why
	}
	if len(sides) != 2 || !strings.Contains(sides["order:1:paid"], "Yes: order.total >= 20000 holds") ||
		!strings.Contains(sides["order:2:paid"], "No: order.total >= 20000 does not hold") {
		t.Fatalf("choices %v", sides)
	}
	s.runAll(t0)

	// The seller turns the split round; both customers stay on their side.
	f, _ := s.e.GetFlow(s.ctx, id)
	f.Definition.Steps[0].When = "order.total < 20000"
	if _, err := s.e.SaveFlow(s.ctx, f); err != nil {
		t.Fatal(err)
	}
	later := t0.Add(25 * hour)
	fp = flowPlan(s.plan(later), id)
	if len(fp.Items) != 1 || fp.Items[0].Email.To != "bob@example.com" || fp.Items[0].Path != "0:no" {
		t.Fatalf("after the edit: %+v", fp.Items)
	}
	if len(fp.Branches) != 1 || !fp.Branches[0].Kept || fp.Branches[0].Label != "No" {
		t.Fatalf("kept choice %+v", fp.Branches)
	}
	s.runAll(later)
	if fp = flowPlan(s.plan(later.Add(48*hour)), id); len(fp.Items) != 0 || fp.Skipped[whyCondition] != 0 {
		t.Fatalf("a settled sequence planned again: %+v", fp)
	}

	// Attribution per branch: each email's ledger row carries its path.
	exec(t, s.st.Store, `UPDATE messages SET status = 'sent'`)
	st, err := s.e.FlowStats(s.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, x := range st.Steps {
		got[x.Path] = fmt.Sprintf("step %d sent %d", x.Step, x.Sent)
	}
	if got["0:yes"] != "step 1000 sent 1" || got["0:no"] != "step 1002 sent 1" || len(got) != 2 {
		t.Fatalf("sent per branch %v", got)
	}
	people := map[string]int{}
	for _, x := range st.Sides {
		people[fmt.Sprintf("%d:%s", x.Step, x.Side)] = x.People
	}
	if people["0:yes"] != 1 || people["0:no"] != 1 {
		t.Fatalf("people per side %v", people)
	}
}

// A nested A/B split under Yes: the path names both splits, and a second
// engine over the same file (a restart) plans the same sides.
func TestNestedSplitPathsSurviveARestart(t *testing.T) {
	s := newShop(t)
	id := s.flow("nested", paidFlow(condSplit("order.total >= 20000",
		[]flow.Step{abSplit(50, []flow.Step{note("A")}, []flow.Step{note("B")})},
		[]flow.Step{{Action: domain.StepExit}})))
	var custs []domain.Customer
	s.write(func(w *importdb.Writer) error {
		for i := range 40 {
			c := cust(fmt.Sprintf("c%d@example.com", i), "C", "DE", true)
			custs = append(custs, c)
			if err := w.UpsertOrder(order(fmt.Sprint(2000+i), c.Email, int64(10000+i*500), t0.Add(-hour)), &c); err != nil {
				return err
			}
		}
		return nil
	})
	paths := func(e *Engine) map[string]string {
		p, err := e.Plan(s.ctx, t0)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, it := range flowItems(p, id) {
			out[it.Email.To] = it.Path + " " + it.Email.Subject
		}
		return out
	}
	first := paths(s.e)
	a, b := 0, 0
	for _, v := range first {
		switch {
		case strings.HasPrefix(v, "0:yes/1000:a A"):
			a++
		case strings.HasPrefix(v, "0:yes/1000:b B"):
			b++
		default:
			t.Fatalf("path %q", v)
		}
	}
	if a+b != 20 || a == 0 || b == 0 { // totals 200.00 and up: i >= 20
		t.Fatalf("A %d B %d", a, b)
	}
	s.runAll(t0)
	again := paths(New(s.st, Options{Log: quietLog}))
	if len(again) != 0 {
		t.Fatalf("planned again after the run: %v", again)
	}
	ledger, _ := s.st.AllLedger(s.ctx)
	rows := map[string]int{}
	for _, l := range ledger {
		res := l.Result
		if l.Status == domain.LedgerDone {
			res = "" // "message 12"
		}
		rows[fmt.Sprintf("%d %s %s %s", l.Step, l.Status, res, l.Path)]++
	}
	// The outer split records 40 sides at the top; the inner one 20 under
	// Yes; the emails under A and B carry the whole path.
	if rows["0 branched yes "]+rows["0 branched no "] != 40 || rows["1000 branched a 0:yes"] != a || rows["1000 branched b 0:yes"] != b ||
		rows["1001 done  0:yes/1000:a"] != a || rows["1002 done  0:yes/1000:b"] != b {
		t.Fatalf("ledger rows %v", rows)
	}
}

// The A/B draw over 10,000 customers gives each side its share within
// 2 points (4 standard deviations of a fair draw) and is the same on every
// run.
func TestRandomSplitProportions(t *testing.T) {
	for _, pct := range []int{10, 30, 50, 75} {
		c := compiledFor(t, paidFlow(abSplit(pct, []flow.Step{note("a")}, []flow.Step{note("b")})))
		sidesOf := func() []string {
			out := make([]string, 10000)
			for i := range out {
				_, ch, err := c.choose(c.top[0], &Subject{Occ: domain.RuleOccurrence{Subject: fmt.Sprintf("customer:%d", i+1)}})
				if err != nil {
					t.Fatal(err)
				}
				out[i] = ch.Side
			}
			return out
		}
		first := sidesOf()
		a := 0
		for _, side := range first {
			if side == flow.SideA {
				a++
			}
		}
		if got := float64(a) / 100; got < float64(pct)-2 || got > float64(pct)+2 {
			t.Errorf("%d%% split gave A %.2f%%", pct, got)
		}
		if !slices.Equal(first, sidesOf()) {
			t.Errorf("%d%% split: a second run drew other sides", pct)
		}
		t.Logf("%d%% split: A %d of 10000", pct, a)
	}
	// Another flow draws independently: not the same people on A.
	same := 0
	for i := range 10000 {
		subj := fmt.Sprintf("customer:%d", i+1)
		if (draw(7, subj, 0) < 50) == (draw(8, subj, 0) < 50) {
			same++
		}
	}
	if same > 5200 || same < 4800 {
		t.Errorf("flows 7 and 8 agree on %d of 10000 customers", same)
	}
}

// A sequence caught up late skips its missed steps, coupon included; its
// later email goes without the coupon when it does not show it. The
// ready-made win-back did this on the l demo shop: every account-closure
// notice failed with "this email shows a coupon that was not issued", on
// every run, since nothing was recorded.
func TestLateSequenceEmailGoesWithoutTheCouponItDoesNotShow(t *testing.T) {
	s := newShop(t)
	id := s.template("winback")
	ann := cust("ann@example.com", "Ann", "DE", true)
	// Inactive for 180 days 44 days and an hour ago: the news, the coupon
	// and the offer are weeks late; the closure notice is due now.
	s.write(func(w *importdb.Writer) error {
		return w.UpsertOrder(order("1001", ann.Email, 3000, t0.Add(-(180+44)*day-hour)), &ann)
	})
	var keys []string
	for _, it := range flowItems(s.plan(t0), id) {
		keys = append(keys, it.Key)
	}
	res, err := s.e.Run(s.ctx, t0, keys)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Failed) != 0 || res.Done != 1 {
		t.Fatalf("planned %v; done %d, failed %+v", keys, res.Done, res.Failed)
	}
}
