package app

import (
	"context"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/runner"
)

// TestDigestScheduleIsTheRunnersHour: the Inventory screen's "sent
// automatically from 8:00" reads the hour the runner is built with
// (runner.DigestHour) and the shop's time zone, whose day the runner follows.
func TestDigestScheduleIsTheRunnersHour(t *testing.T) {
	ctx := context.Background()
	log := slog.New(slog.DiscardHandler)
	a := New(ctx, Config{DBPath: filepath.Join(t.TempDir(), "shop.db"), Clock: clock.Fixed{T: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}, Log: log})
	b, _, err := a.current()
	if err != nil {
		t.Fatal(err)
	}
	st := b.Store
	t.Cleanup(func() { a.Shutdown(ctx) })
	got, err := a.Inventory.DigestSchedule()
	if err != nil || got != (DigestSchedule{Hour: runner.DigestHour, TimeZone: "UTC"}) {
		t.Fatalf("default shop: %+v, %v", got, err)
	}
	if err := st.SetSetting(ctx, domain.SettingTimeZone, "Europe/Berlin"); err != nil {
		t.Fatal(err)
	}
	if got, _ := a.Inventory.DigestSchedule(); got.Hour != 8 || got.TimeZone != "Europe/Berlin" {
		t.Fatalf("Berlin shop: %+v", got)
	}
	a.Shutdown(ctx)
	if _, err := a.Inventory.DigestSchedule(); err == nil {
		t.Fatal("a closed shop has no schedule to tell")
	}
}
