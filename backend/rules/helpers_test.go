package rules

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/rules/flow"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/rulesdb"
	"shopclerk/backend/store/storetest"
)

// t0 is a Monday 10:00 UTC: outside the default quiet hours (21-8).
var t0 = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

var quietLog = slog.New(slog.DiscardHandler)

const hour = time.Hour
const day = 24 * time.Hour

type shop struct {
	t   *testing.T
	ctx context.Context
	st  *rulesdb.DB
	e   *Engine
	n   int
}

func newShop(t *testing.T) *shop {
	t.Helper()
	ctx := context.Background()
	st := rulesdb.New(storetest.Open(t, storetest.At(t0)))
	return &shop{t: t, ctx: ctx, st: st, e: New(st, Options{Log: quietLog})}
}

// write applies one import batch.
func (s *shop) write(fn func(w *importdb.Writer) error) {
	s.t.Helper()
	s.n++
	if _, _, err := importdb.New(s.st.Store).WriteBatch(s.ctx, domain.BatchMeta{FileName: "test.csv", FileHash: "h", Preset: "test", Kind: "test"},
		importdb.WriteOptions{}, fn); err != nil {
		s.t.Fatal(err)
	}
}

// flow stores and enables a flow.
func (s *shop) flow(name string, d flow.Definition) int64 {
	s.t.Helper()
	id, err := s.e.SaveFlow(s.ctx, Flow{Name: name, Definition: d})
	if err != nil {
		s.t.Fatal(err)
	}
	if err := s.e.SetEnabled(s.ctx, id, true); err != nil {
		s.t.Fatal(err)
	}
	return id
}

func (s *shop) template(key string) int64 {
	s.t.Helper()
	id, err := s.e.InstallTemplate(s.ctx, key)
	if err != nil {
		s.t.Fatal(err)
	}
	if err := s.e.SetEnabled(s.ctx, id, true); err != nil {
		s.t.Fatal(err)
	}
	return id
}

func (s *shop) plan(now time.Time) *Preview {
	s.t.Helper()
	p, err := s.e.Plan(s.ctx, now)
	if err != nil {
		s.t.Fatal(err)
	}
	for _, f := range p.Flows {
		if f.Error != "" {
			s.t.Fatalf("flow %s: %s", f.Name, f.Error)
		}
	}
	return p
}

// runAll approves every runnable item, as a seller ticking everything.
func (s *shop) runAll(now time.Time) RunResult {
	s.t.Helper()
	p := s.plan(now)
	res, err := s.e.Run(s.ctx, now, p.AllKeys())
	if err != nil {
		s.t.Fatal(err)
	}
	if len(res.Failed) > 0 {
		s.t.Fatalf("run failures: %+v", res.Failed)
	}
	return res
}

func (s *shop) counts() map[string]int {
	s.t.Helper()
	m, err := s.st.RuleEffectCounts(s.ctx)
	if err != nil {
		s.t.Fatal(err)
	}
	return m
}

func flowItems(p *Preview, id int64) []Item {
	for _, f := range p.Flows {
		if f.FlowID == id {
			return f.Items
		}
	}
	return nil
}

func flowPlan(p *Preview, id int64) FlowPlan {
	for _, f := range p.Flows {
		if f.FlowID == id {
			return f
		}
	}
	return FlowPlan{}
}

func ptr[T any](v T) *T { return &v }

func cust(email, first, country string, consent bool) domain.Customer {
	return domain.Customer{Source: domain.SourceShopify, ExternalID: email, Email: email, FirstName: first, Country: country,
		AcceptsMarketing: consent, CreatedAt: t0.Add(-400 * day)}
}

// order builds a paid order of total cents with one line.
func order(ext, email string, total int64, created time.Time) domain.Order {
	return domain.Order{Source: domain.SourceShopify, ExternalID: ext, Name: "#" + ext, Email: email,
		FinancialStatus: domain.FinancialPaid, FulfillmentStatus: domain.FulfillmentUnfulfilled, Currency: "EUR",
		Subtotal: total, Total: total, CreatedAt: created, PaidAt: ptr(created.Add(10 * time.Minute)),
		Billing:         domain.Address{Name: "Ann Lee", Address1: "Main St 1", City: "Berlin", Zip: "10115", Country: "DE"},
		ShippingAddress: domain.Address{Name: "Ann Lee", Address1: "Main St 1", City: "Berlin", Zip: "10115", Country: "DE"},
		Lines:           []domain.LineItem{{SKU: "MUG-1", Name: "Stoneware mug", Quantity: 1, Price: total}}}
}

func taskFlow(t flow.TriggerSpec) flow.Definition {
	return flow.Definition{Trigger: t, Steps: []flow.Step{{Action: domain.StepCreateTask, Title: "saw {{.Customer.Email}}"}},
		Policy: flow.Policy{CatchUp: flow.CatchUpSkip, MaxLateHours: 72}}
}

// annAndBobPaid writes two customers' paid orders #1 (Ann) and #2 (Bob),
// 50.00 EUR each, two hours before t0.
func (s *shop) annAndBobPaid() {
	s.write(func(w *importdb.Writer) error {
		ann, bob := cust("ann@example.com", "Ann", "DE", true), cust("bob@example.com", "Bob", "DE", true)
		if err := w.UpsertOrder(order("1", "ann@example.com", 5000, t0.Add(-2*hour)), &ann); err != nil {
			return err
		}
		return w.UpsertOrder(order("2", "bob@example.com", 5000, t0.Add(-2*hour)), &bob)
	})
}

// transactional and wait are the ready-made flows' policy and wait step.
var transactional = flow.Policy{Reentry: flow.ReentryEveryTime, CatchUp: flow.CatchUpSend, MaxLateHours: 72}

func wait(hours, days int) flow.Step {
	return flow.Step{Action: domain.StepWait, Hours: hours, Days: days}
}
