package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
)

// TestDetectComparesNormalisedState checks the detector's SQL pre-filter:
// tags stored in any case, order or spacing that normalise to the snapshot
// yield nothing, and only real changes yield an event, once.
func TestDetectComparesNormalisedState(t *testing.T) {
	ctx := context.Background()
	t0 := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	s := openTest(t, filepath.Join(t.TempDir(), "shop.db"), Options{Clock: clock.Fixed{T: t0}})
	put := func(tags []string, consent bool) {
		t.Helper()
		_, _, err := s.WriteBatch(ctx, BatchMeta{FileName: "c.csv", FileHash: "h", Preset: "test", Kind: "test"}, WriteOptions{},
			func(w *Writer) error {
				_, err := w.UpsertCustomer(domain.Customer{Source: domain.SourceShopify, ExternalID: "1", Email: "a@example.com",
					AcceptsMarketing: consent, Tags: tags, CreatedAt: t0.Add(-time.Hour)}, CustomerAuthoritative)
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
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM rule_events`).Scan(&n); err != nil || n != 6 {
		t.Fatalf("%d events (%v), want 6", n, err)
	}
}
