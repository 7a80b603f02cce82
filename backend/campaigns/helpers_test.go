package campaigns

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"testing"
	"time"

	"shopclerk/backend/customers"
	"shopclerk/backend/domain"
	"shopclerk/backend/email"
	"shopclerk/backend/rules"
	"shopclerk/backend/store"
	"shopclerk/backend/store/campaignsdb"
	"shopclerk/backend/store/customersdb"
	"shopclerk/backend/store/rulesdb"
	"shopclerk/backend/store/storetest"
)

// testNow is a Monday 10:00 in Berlin, outside the default quiet hours.
var testNow = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// pinned is a clock the test moves by hand.
type pinned struct {
	mu sync.Mutex
	t  time.Time
}

func (p *pinned) Now() time.Time {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.t
}

func (p *pinned) Add(d time.Duration) {
	p.mu.Lock()
	p.t = p.t.Add(d)
	p.mu.Unlock()
}

type fixture struct {
	t   *testing.T
	ctx context.Context
	st  *store.Store
	clk *pinned
	svc *Service
}

func newFixture(t *testing.T, opts ...storetest.Option) *fixture {
	t.Helper()
	clk := &pinned{t: testNow}
	st := storetest.Open(t, append([]storetest.Option{storetest.Clock(clk)}, opts...)...)
	return fixtureOn(t, st, clk)
}

func fixtureOn(t *testing.T, st *store.Store, clk *pinned) *fixture {
	ctx := context.Background()
	if err := st.SetSetting(ctx, domain.SettingTimeZone, "Europe/Berlin"); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.DiscardHandler)
	engine := rules.New(rulesdb.New(st), rules.Options{Log: log})
	svc := New(campaignsdb.New(st), customers.New(customersdb.New(st), clk, log), clk, Options{
		Settings: engine.LoadSettings,
		Renderer: func(context.Context) (email.Renderer, error) { return email.Fallback{}, nil },
		Log:      log,
	})
	return &fixture{t: t, ctx: ctx, st: st, clk: clk, svc: svc}
}

// customers adds n customers c0001@shop.test...; every consent-th one has
// not agreed to marketing email (0: all have).
func (f *fixture) customers(n, noConsentEvery int) {
	f.t.Helper()
	for i := 1; i <= n; i++ {
		consent := 1
		if noConsentEvery > 0 && i%noConsentEvery == 0 {
			consent = 0
		}
		storetest.Exec(f.t, f.st, `INSERT INTO customers (email, source, first_name, last_name, accepts_marketing, currency, created_at, updated_at)
			VALUES (?, 'shopify', ?, 'Test', ?, 'EUR', ?, ?)`, fmt.Sprintf("c%04d@shop.test", i), fmt.Sprintf("Cust%d", i), consent,
			testNow.Add(-48*time.Hour).Unix(), testNow.Add(-48*time.Hour).Unix())
	}
}

func (f *fixture) create(sp Spec) Campaign {
	f.t.Helper()
	c, err := f.svc.Create(f.ctx, sp)
	if err != nil {
		f.t.Fatalf("create: %v", err)
	}
	return c
}

func (f *fixture) send(id int64) Campaign {
	f.t.Helper()
	c, err := f.svc.Send(f.ctx, id, true)
	if err != nil {
		f.t.Fatalf("send: %v", err)
	}
	return c
}

// abSpec is an A/B subject test to everyone with a 10 % coupon each.
func abSpec() Spec {
	return Spec{Segment: "all", SubjectA: "Spring is here", SubjectB: "20 new things for spring",
		BodyA:  "<p>Hi {{.Customer.FirstName}}, use {{.Coupon.Code}} for {{.Coupon.Description}}.</p>",
		Coupon: &CouponSpec{PercentOff: 10, ValidDays: 14}, SamplePct: 20, DecideAfterMinutes: 240, DecideBy: ByRedemptions}
}
