package shopify_test

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"sync"
	"testing"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/connector"
	"shopclerk/backend/connector/shopify"
	"shopclerk/backend/connector/shopify/shopifytest"
	"shopclerk/backend/domain"
	"shopclerk/backend/store/connectordb"
	"shopclerk/backend/store/storetest"
)

// now is the tests' pinned time: after every fixture order.
var now = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

// sleeps records what the client asked to wait, and returns at once.
type sleeps struct {
	mu sync.Mutex
	d  []time.Duration
	// clock, if set, is moved forward by each wait.
	clock *movingClock
}

func (s *sleeps) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.d = append(s.d, d)
	s.mu.Unlock()
	if s.clock != nil {
		s.clock.add(d)
	}
	return ctx.Err()
}

func (s *sleeps) all() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.d...)
}

// movingClock is a clock tests move by hand.
type movingClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *movingClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *movingClock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// rig is a shop, a stand-in store loaded with the fixture orders, and a
// connected store pointing at it.
type rig struct {
	t      *testing.T
	db     *connectordb.DB
	srv    *shopifytest.Server
	cs     domain.ConnectedStore
	sleeps *sleeps
	clock  *movingClock
	cfg    shopify.Config
}

func newRig(t *testing.T) *rig {
	t.Helper()
	clk := &movingClock{t: now}
	st := storetest.Open(t, storetest.Clock(clk))
	srv := shopifytest.New()
	t.Cleanup(srv.Close)
	srv.Now = clk.Now
	data, err := os.ReadFile("testdata/orders_2025-04_CAD.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.PutJSON("orders", data); err != nil {
		t.Fatal(err)
	}
	db := connectordb.New(st)
	cs, err := db.AddStore(context.Background(), domain.ConnectedStore{Name: "standin", Kind: domain.StoreShopify, URL: srv.URL, Auth: domain.AuthToken})
	if err != nil {
		t.Fatal(err)
	}
	sl := &sleeps{}
	return &rig{t: t, db: db, srv: srv, cs: cs, sleeps: sl, clock: clk,
		cfg: shopify.Config{URL: srv.URL, Auth: domain.AuthToken, Token: srv.Token, Bulk: -1,
			ClientOptions: connector.ClientOptions{Sleep: sl.sleep, Clock: clk, PageSize: 50}}}
}

func (r *rig) client() *shopify.Client {
	r.t.Helper()
	c, err := shopify.New(r.cfg)
	if err != nil {
		r.t.Fatal(err)
	}
	return c
}

func (r *rig) sync(full bool) (connector.Result, error) {
	s := &connector.Syncer{DB: r.db, FlushRecords: 3}
	return s.Sync(context.Background(), r.cs, r.client(), full)
}

func (r *rig) mustSync(full bool) connector.Result {
	r.t.Helper()
	res, err := r.sync(full)
	if err != nil {
		r.t.Fatalf("sync: %v", err)
	}
	return res
}

// orders returns the shop's orders by name, page by page (a page holds
// at most what the Orders table asks for).
func (r *rig) orders() map[string]domain.OrderDetail {
	r.t.Helper()
	ctx := context.Background()
	out := map[string]domain.OrderDetail{}
	for off := 0; ; {
		page, err := r.db.ListOrders(ctx, domain.PageRequest{Offset: off, Limit: 1000})
		if err != nil {
			r.t.Fatal(err)
		}
		for _, row := range page.Rows {
			d, err := r.db.GetOrder(ctx, row.ID)
			if err != nil {
				r.t.Fatal(err)
			}
			if _, dup := out[row.Name]; dup {
				r.t.Fatalf("order %s is in the shop twice", row.Name)
			}
			out[row.Name] = d
		}
		off += len(page.Rows)
		if len(page.Rows) == 0 || off >= page.Total {
			return out
		}
	}
}

// redirectTo is an http.Client that sends every request to srv whatever
// its host, so tests can use real myshopify.com addresses.
func redirectTo(srv string) *http.Client {
	u, _ := url.Parse(srv)
	return &http.Client{Transport: roundTripper(func(req *http.Request) (*http.Response, error) {
		req = req.Clone(req.Context())
		req.URL.Scheme, req.URL.Host = u.Scheme, u.Host
		return http.DefaultTransport.RoundTrip(req)
	})}
}

type roundTripper func(*http.Request) (*http.Response, error)

func (f roundTripper) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

var _ clock.Clock = (*movingClock)(nil)
