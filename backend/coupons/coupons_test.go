package coupons_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/coupons"
	"shopclerk/backend/domain"
	"shopclerk/backend/importer"
	"shopclerk/backend/store"
	"shopclerk/backend/store/couponsdb"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/storetest"
)

var now = time.Date(2026, 4, 20, 10, 0, 0, 0, time.UTC)

type fixture struct {
	t   *testing.T
	st  *store.Store
	db  *couponsdb.DB
	svc *coupons.Service
}

func newFixture(t *testing.T) *fixture {
	st := storetest.Open(t, storetest.At(now))
	db := couponsdb.New(st)
	return &fixture{t: t, st: st, db: db, svc: coupons.New(db, clock.Fixed{T: now})}
}

// issue issues one coupon as a flow step would, in its own transaction.
func (f *fixture) issue(key string, c couponsdb.NewCoupon, gen func() (string, error)) (string, error) {
	return f.db.IssueOne(context.Background(), key, c, gen)
}

func (f *fixture) exec(q string, args ...any) {
	f.t.Helper()
	if _, err := f.st.SQL().Exec(q, args...); err != nil {
		f.t.Fatalf("%s: %v", q, err)
	}
}

func fixed(code string) func() (string, error) { return func() (string, error) { return code, nil } }

func (f *fixture) customer(email string) int64 {
	f.t.Helper()
	res, err := f.st.SQL().Exec(`INSERT INTO customers (source, external_id, email, created_at, updated_at) VALUES ('manual', ?, ?, 0, 0)`, email, email)
	if err != nil {
		f.t.Fatal(err)
	}
	id, _ := res.LastInsertId()
	return id
}

func (f *fixture) list(status domain.CouponStatus) domain.CouponPage {
	f.t.Helper()
	p, err := f.svc.List(context.Background(), domain.CouponFilter{Status: status})
	if err != nil {
		f.t.Fatal(err)
	}
	return p
}

func importReal(t *testing.T, st *store.Store, path string) {
	t.Helper()
	res, err := importer.Import(context.Background(), importdb.New(st), []importer.FileSpec{{Path: path}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res.Files {
		if r.Error != "" {
			t.Fatalf("%s: %s", r.File, r.Error)
		}
	}
}

// The real 2026 Shopify export has orders #1115 onwards with the code
// "AUTOMATIC DISCOUNTS"; a coupon with that code, in other case, is
// redeemed by the earliest of them, once, and counts as shared: those
// orders are not its customer's.
func TestImportedOrdersRedeemCoupon(t *testing.T) {
	f := newFixture(t)
	ann := f.customer("ann@example.com")
	if _, err := f.issue("1/customer:1/x/0", couponsdb.NewCoupon{CustomerID: ann, PercentOff: 10, FlowID: 1}, fixed("Automatic Discounts")); err != nil {
		t.Fatal(err)
	}
	if _, err := f.issue("1/customer:1/y/0", couponsdb.NewCoupon{CustomerID: ann, PercentOff: 10, FlowID: 1}, fixed("SC-NEVR-USED")); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join("..", "..", "testdata", "real", "shopify", "orders_export_2026-04_BDT_79col_CRLF_note_attributes.csv")
	for range 2 { // the same file twice records the redemption once
		importReal(t, f.st, file)
		p := f.list(domain.CouponRedeemed)
		if p.Total != 1 || len(p.Rows) != 1 {
			t.Fatalf("%d redeemed coupons, want 1: %+v", p.Total, p.Rows)
		}
		r := p.Rows[0]
		if r.Code != "Automatic Discounts" || r.OrderName != "#1115" || !r.Shared || r.RedeemedAt == nil {
			t.Errorf("redeemed %s by %q shared=%v at %v; want #1115, shared", r.Code, r.OrderName, r.Shared, r.RedeemedAt)
		}
		if p.Counts["redeemed"] != 1 || p.Counts["issued"] != 1 {
			t.Errorf("counts %v, want 1 redeemed and 1 issued", p.Counts)
		}
	}
}

// Many goroutines issuing at once on one real SQLite file never hand out
// one code twice, from the generator or from the pool.
func TestIssueUniqueUnderConcurrentRuns(t *testing.T) {
	for _, pooled := range []bool{false, true} {
		t.Run(map[bool]string{false: "generated", true: "pool"}[pooled], func(t *testing.T) {
			f := newFixture(t)
			const workers, each = 8, 25
			if pooled {
				var b strings.Builder
				b.WriteString("Code\n")
				for i := range workers * each {
					b.WriteString("POOL-" + string(rune('A'+i/100)) + string(rune('A'+i/10%10)) + string(rune('A'+i%10)) + "\n")
				}
				path := filepath.Join(t.TempDir(), "codes.csv")
				os.WriteFile(path, []byte(b.String()), 0o600)
				if _, err := f.svc.ImportPool(context.Background(), path, ""); err != nil {
					t.Fatal(err)
				}
			}
			// A tiny pattern makes clashes likely, so the retry is exercised.
			gen := coupons.Pattern("T-XXX").Generator()
			var mu sync.Mutex
			codes := map[string]bool{}
			var wg sync.WaitGroup
			errs := make(chan error, workers*each)
			for w := range workers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := range each {
						key := "1/customer:1/" + string(rune('a'+w)) + "/" + string(rune('0'+i%10)) + string(rune('a'+i/10))
						code, err := f.issue(key, couponsdb.NewCoupon{PercentOff: 5, FlowID: 1}, gen)
						if err != nil {
							errs <- err
							continue
						}
						mu.Lock()
						if codes[strings.ToUpper(code)] {
							errs <- errors.New("code handed out twice: " + code)
						}
						codes[strings.ToUpper(code)] = true
						mu.Unlock()
					}
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Error(err)
			}
			var n int
			f.st.SQL().QueryRow(`SELECT COUNT(DISTINCT upper(code)) FROM coupons`).Scan(&n)
			if n != workers*each || len(codes) != workers*each {
				t.Errorf("%d distinct codes in the shop, %d handed out; want %d", n, len(codes), workers*each)
			}
			if pooled {
				pool, _ := f.svc.Pool(context.Background())
				if pool.Free != 0 || pool.Used != workers*each || !pool.Low {
					t.Errorf("pool %+v, want all used and low", pool)
				}
				// An empty pool refuses rather than make up a code the store lacks.
				if _, err := f.issue("1/customer:1/z/0", couponsdb.NewCoupon{PercentOff: 5}, gen); err == nil || !strings.Contains(err.Error(), "handed out") {
					t.Errorf("empty pool: %v, want a refusal", err)
				}
			}
		})
	}
}

func TestPatternRefusedWhenTooFewCodes(t *testing.T) {
	for _, tc := range []struct {
		pattern string
		need    int
		taken   int
		want    string
	}{
		{"WELCOME-XXX", 1, 0, "can make only 29,791 different codes"},
		{"WELCOME-xxxx", 1, 0, "capital letters"},
		{"SC-XXXX", 50_000, 45_000, "923,521 different codes; 45,000 are issued and 50,000 more are needed"},
		{"SC-XXXX-XXXX", 50_000, 0, ""},
		{"", 50_000, 0, ""},
	} {
		err := coupons.Pattern(tc.pattern).Enough(tc.need, tc.taken)
		if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("%q need %d: %v, want %q", tc.pattern, tc.need, err, tc.want)
		}
	}
	code, _ := coupons.Pattern("WELCOME-XXXX").Generator()()
	if !strings.HasPrefix(code, "WELCOME-") || len(code) != 12 || strings.ContainsAny(code[8:], "01OIL") {
		t.Errorf("generated %q", code)
	}
}

func writeFile(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPoolFileRefusals(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	f.issue("1/customer:1/x/0", couponsdb.NewCoupon{PercentOff: 5}, fixed("ISSUED-1"))
	f.exec(`INSERT INTO orders (source, external_id, name, currency, created_at, updated_at, discount_code) VALUES ('manual', '1', '#1', 'EUR', 0, 0, 'USED-1')`)
	for _, tc := range []struct{ name, body, want string }{
		{"dups.csv", "Code\nA-1\nB-2\na-1\nB-2\n", "2 duplicate codes (codes are compared without case): a-1 (rows 2 and 4), B-2 (rows 3 and 5)"},
		{"clash.csv", "Discount code,Usage\nNEW-1,0\nissued-1,0\nused-1,0\n", "2 codes Shopclerk cannot hand out (1 already issued to a customer: issued-1; 1 already used by an order: used-1)"},
		{"empty.csv", "Code\n\n", "no codes"},
	} {
		_, err := f.svc.ImportPool(ctx, writeFile(t, tc.name, tc.body), "")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
	if p, _ := f.svc.Pool(ctx); p.Active {
		t.Fatalf("a refused file left codes in the pool: %+v", p)
	}
	// No header: every row is a code. Then the same codes again are refused.
	res, err := f.svc.ImportPool(ctx, writeFile(t, "plain.csv", "AAA-111\nBBB-222\nCCC-333\n"), "")
	if err != nil || res.Added != 3 || res.Free != 3 {
		t.Fatalf("plain file: %+v, %v", res, err)
	}
	if _, err := f.svc.ImportPool(ctx, writeFile(t, "again.csv", "Code\nbbb-222\nDDD-444\n"), ""); err == nil || !strings.Contains(err.Error(), "1 already in the pool: bbb-222") {
		t.Errorf("again: %v", err)
	}
	p, _ := f.svc.Pool(ctx)
	if !p.Active || p.Free != 3 || !p.Low || p.WarnBelow != domain.DefaultPoolWarnBelow {
		t.Errorf("pool %+v, want 3 free and low", p)
	}
	code, err := f.issue("2/customer:1/x/0", couponsdb.NewCoupon{PercentOff: 5, FlowID: 2}, fixed("NOT-FROM-POOL"))
	if err != nil || code != "AAA-111" {
		t.Errorf("issued %q, %v; want the pool's first code", code, err)
	}
}

// The Coupons screen's search finds a code or a customer's email by its
// start, in any case: a seller types the part of a code they remember.
func TestListSearchesByTheStartOfACodeOrEmail(t *testing.T) {
	f := newFixture(t)
	ann, bob := f.customer("ann@example.com"), f.customer("bob@example.com")
	for i, c := range []struct {
		customer int64
		code     string
	}{{ann, "WB-ANN-1"}, {bob, "WB-BOB-2"}, {bob, "SPRING-3"}} {
		if _, err := f.issue(fmt.Sprintf("1/customer:%d/x%d/0", c.customer, i), couponsdb.NewCoupon{CustomerID: c.customer, PercentOff: 10, FlowID: 1}, fixed(c.code)); err != nil {
			t.Fatal(err)
		}
	}
	for search, want := range map[string]int{"wb-": 2, "WB-ANN-1": 1, "BOB@": 2, "spring": 1, "ANN-1": 0, "": 3} {
		p, err := f.svc.List(context.Background(), domain.CouponFilter{Search: search, Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		if p.Total != want || len(p.Rows) != want {
			t.Errorf("search %q: %d coupons (%d rows), want %d", search, p.Total, len(p.Rows), want)
		}
	}
}
