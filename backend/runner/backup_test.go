package runner

import (
	"context"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/store/storetest"
)

// stepClock is a clock the test moves forward.
type stepClock struct{ t *time.Time }

func (c stepClock) Now() time.Time { return *c.t }

var _ clock.Clock = stepClock{}

func TestDailyBackupOncePerDayKeepsItsOwnHistory(t *testing.T) {
	ctx := context.Background()
	log := slog.New(slog.DiscardHandler)
	start := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	now := start
	clk := stepClock{&now}
	st := storetest.Open(t, storetest.Clock(clk), storetest.Log(log))
	defer st.Close()
	// A pre-upgrade copy must survive any number of daily ones.
	if _, err := st.Backup(ctx, "before-v9", 5); err != nil {
		t.Fatal(err)
	}
	b := NewBackups(st, clk, log)
	written := 0
	for h := 0; h < 10*24; h += 6 { // ten days, checked every six hours
		now = start.Add(time.Duration(h) * time.Hour)
		path, err := b.Tick(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if path != "" {
			written++
		}
	}
	if written != 10 {
		t.Errorf("wrote %d backups in ten days, want one a day (10)", written)
	}
	daily, _ := filepath.Glob(filepath.Join(st.BackupDir(), "*-daily.db"))
	before, _ := filepath.Glob(filepath.Join(st.BackupDir(), "*-before-v9.db"))
	if len(daily) != keepDaily || len(before) != 1 {
		t.Errorf("kept %d daily and %d pre-upgrade backups, want %d and 1", len(daily), len(before), keepDaily)
	}
}
