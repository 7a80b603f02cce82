package runner

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/storetest"
)

func TestDailyWaitsForItsHourInShopTime(t *testing.T) {
	ctx := context.Background()
	log := slog.New(slog.DiscardHandler)
	now := time.Date(2026, 3, 1, 6, 30, 0, 0, time.UTC) // 07:30 in Berlin
	clk := stepClock{&now}
	st := storetest.Open(t, storetest.Clock(clk), storetest.Log(log))
	defer st.Close()
	st.SetSetting(ctx, domain.SettingTimeZone, "Europe/Berlin")
	calls := 0
	d := NewDaily("digest", 8, st, clk, log, func(context.Context) error { calls++; return nil })
	if d.Tick(ctx) || calls != 0 {
		t.Fatalf("ran at 07:30 shop time (calls %d)", calls)
	}
	now = now.Add(time.Hour) // 08:30 in Berlin, 07:30 UTC
	if !d.Tick(ctx) || calls != 1 {
		t.Fatalf("did not run at 08:30 shop time (calls %d)", calls)
	}
}
