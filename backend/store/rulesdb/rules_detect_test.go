package rulesdb

import (
	"context"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/storetest"
)

// TestDetectComparesNormalisedState checks the detector's SQL pre-filter:
// tags stored in any case, order or spacing that normalise to the snapshot
// yield nothing, and only real changes yield an event, once.
func TestDetectComparesNormalisedState(t *testing.T) {
	ctx := context.Background()
	t0 := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	s := New(storetest.Open(t, storetest.At(t0)))
	put := func(tags []string, consent bool) {
		t.Helper()
		_, _, err := importdb.New(s.Store).WriteBatch(ctx, domain.BatchMeta{FileName: "c.csv", FileHash: "h", Preset: "test", Kind: "test"}, importdb.WriteOptions{},
			func(w *importdb.Writer) error {
				_, err := w.UpsertCustomer(domain.Customer{Source: domain.SourceShopify, ExternalID: "1", Email: "a@example.com",
					AcceptsMarketing: consent, Tags: tags, CreatedAt: t0.Add(-time.Hour)}, importdb.CustomerAuthoritative)
				return err
			})
		if err != nil {
			t.Fatal(err)
		}
	}
	detect := func(want int) {
		t.Helper()
		n, err := s.DetectRuleEvents(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n != want {
			t.Fatalf("detected %d events, want %d", n, want)
		}
	}
	put([]string{"Wholesale", "VIP", "vip"}, false)
	detect(3) // created, tag vip, tag wholesale
	detect(0)
	put([]string{"vip", "wholesale"}, false) // same tags, other spelling
	detect(0)
	put([]string{"VIP", " Wholesale ", "Gold"}, false)
	detect(1) // tag gold
	put([]string{"gold", "vip", "wholesale"}, true)
	detect(1) // consent given
	detect(0)
	put([]string{"gold", "vip", "wholesale"}, false)
	detect(1) // consent withdrawn
	put([]string{"gold", "vip", "wholesale"}, false)
	detect(0)
	var n int
	if err := s.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM rule_events`).Scan(&n); err != nil || n != 6 {
		t.Fatalf("%d events (%v), want 6", n, err)
	}
}

// TestCustomerChangeCounter checks what makes the detector read customers
// again: a new customer or written consent/tags bump the counter, an order
// (which only refreshes the customer's spend) does not.
func TestCustomerChangeCounter(t *testing.T) {
	ctx := context.Background()
	s := New(storetest.Open(t, storetest.At(testNow)))
	version := func() int64 {
		var v int64
		if err := s.SQL().QueryRowContext(ctx, q("RuleChangesVersion"), "customers").Scan(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	v0 := version()
	write(t, s, func(w *importdb.Writer) error {
		_, err := w.UpsertCustomer(domain.Customer{Source: domain.SourceShopify, Email: "b@example.com"}, importdb.CustomerAuthoritative)
		return err
	})
	v1 := version()
	if v1 == v0 {
		t.Fatal("a new customer did not bump the counter")
	}
	write(t, s, func(w *importdb.Writer) error {
		return w.UpsertOrder(sampleOrder("#9", 100, "b@example.com"), &domain.Customer{Email: "b@example.com"})
	})
	if v := version(); v != v1 {
		t.Errorf("an order for a known customer bumped the counter (%d -> %d)", v1, v)
	}
	write(t, s, func(w *importdb.Writer) error {
		_, err := w.UpsertCustomer(domain.Customer{Source: domain.SourceShopify, Email: "b@example.com", AcceptsMarketing: true}, importdb.CustomerAuthoritative)
		return err
	})
	if v := version(); v == v1 {
		t.Error("consent given did not bump the counter")
	}
}
