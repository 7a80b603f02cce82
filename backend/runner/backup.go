package runner

import (
	"context"
	"log/slog"
	"strconv"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/store"
)

// SettingLastBackup holds the unix time of the last daily backup.
const SettingLastBackup = "backup.last"

// BackupEvery is how often the shop is copied while the app is open.
const BackupEvery = 24 * time.Hour

// keepDaily is how many daily copies stay in the backups folder.
const keepDaily = 7

// Backups copies the shop once a day while the app is open (DESIGN
// invariant 6: nothing the seller owns is lost). It checks hourly, so a
// laptop that sleeps through midnight still gets its copy when it wakes.
type Backups struct {
	st    *store.Store
	clock clock.Clock
	log   *slog.Logger
	hourly
}

// NewBackups builds the daily backup; Start begins it.
func NewBackups(st *store.Store, clk clock.Clock, log *slog.Logger) *Backups {
	if log == nil {
		log = slog.Default()
	}
	return &Backups{st: st, clock: clk, log: log}
}

// firstCheckAfter keeps the copy (a full read of the shop) away from the
// app's start, where the seller waits for the dashboard.
const firstCheckAfter = 2 * time.Minute

// Start checks two minutes from now and then every hour.
func (b *Backups) Start() { b.start(firstCheckAfter, func() { b.Tick(context.Background()) }) }

// Stop ends the hourly check and waits for a backup in progress.
func (b *Backups) Stop() { b.stop() }

// Tick writes a backup when the last one is a day old or more, and returns
// its path ("" when none was due).
func (b *Backups) Tick(ctx context.Context) (string, error) {
	now := b.clock.Now()
	last, _ := b.st.Setting(ctx, SettingLastBackup, "0")
	if at, err := strconv.ParseInt(last, 10, 64); err == nil && now.Sub(time.Unix(at, 0)) < BackupEvery {
		return "", nil
	}
	path, err := b.st.Backup(ctx, "daily", keepDaily)
	if err != nil {
		b.log.Warn("daily backup failed", "err", err)
		return "", err
	}
	b.log.Info("daily backup written", "path", path)
	return path, b.st.SetSetting(ctx, SettingLastBackup, strconv.FormatInt(now.Unix(), 10))
}
