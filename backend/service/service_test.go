package service

import (
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/store/storetest"
)

// The window and the headless commands build the same graph (New), so a
// reply or an unsubscribe `shopclerk inbox` reads stops the customer's
// sequences as it does in the window, and the outbox asks the flows again
// before each of their emails.
func TestMailWiringHearsTheInboxAndAsksTheFlows(t *testing.T) {
	now := time.Date(2025, 4, 9, 12, 0, 0, 0, time.UTC)
	st := storetest.Open(t, storetest.Path(filepath.Join(t.TempDir(), "shop.db")), storetest.At(now))
	b := New(st, clock.Fixed{T: now}, nil, slog.New(slog.DiscardHandler))
	if b.Mail.events == nil || b.Mail.check == nil || b.Mail.Hold == nil {
		t.Fatalf("mail wiring: events %v, check %v, hold %v", b.Mail.events, b.Mail.check, b.Mail.Hold)
	}
}
