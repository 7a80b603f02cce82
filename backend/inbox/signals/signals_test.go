package signals

import (
	"context"
	"testing"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/inbox"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/rulesdb"
	"shopclerk/backend/store/storetest"
)

func TestSignalsStopAndRecord(t *testing.T) {
	ctx := context.Background()
	t0 := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	st := rulesdb.New(storetest.Open(t, storetest.At(t0)))
	var id int64
	if _, _, err := importdb.New(st.Store).WriteBatch(ctx, domain.BatchMeta{FileName: "c.csv", FileHash: "h", Preset: "test", Kind: "test"}, importdb.WriteOptions{},
		func(w *importdb.Writer) error {
			var err error
			id, err = w.UpsertCustomer(domain.Customer{Email: "ann@example.com", FirstName: "Ann", AcceptsMarketing: true}, importdb.CustomerAuthoritative)
			return err
		}); err != nil {
		t.Fatal(err)
	}
	ev := New(st, clock.Fixed{T: t0})
	if err := ev.CustomerReplied(ctx, inbox.ReplyEvent{Email: "Ann@Example.com", At: t0}); err != nil {
		t.Fatal(err)
	}
	if ok, err := st.RepliedSince(ctx, "ann@example.com", t0.Add(-time.Hour)); err != nil || !ok {
		t.Fatalf("reply not recorded: %v %v", ok, err)
	}
	// Reported twice (an inbox re-sync): one stop.
	for range 2 {
		if err := ev.AddressSuppressed(ctx, "ann@example.com", domain.SuppressHardBounce); err != nil {
			t.Fatal(err)
		}
	}
	c, err := st.RuleEffectCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c["stops"] != 1 {
		t.Fatalf("stops %d, want 1", c["stops"])
	}
	// Sequences that began before the bounce stop; the stop is not a flow's.
	if r, err := st.StoppedSince(ctx, id, 99, t0.Add(-time.Hour)); err != nil || r != string(domain.SuppressHardBounce) {
		t.Fatalf("stopped %q %v", r, err)
	}
	// An unknown address is recorded without a stop.
	if err := ev.AddressSuppressed(ctx, "nobody@example.com", domain.SuppressUnsubscribed); err != nil {
		t.Fatal(err)
	}
}
