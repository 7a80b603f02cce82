package runner

import (
	"context"
	"log/slog"

	"shopclerk/backend/clock"
	"shopclerk/backend/store"
)

// Daily calls a job on the hourly checks from a given hour of the shop's
// day on (the morning low-stock digest at 8:00). The job must be idempotent
// per shop day, as the digest is through its outbox key: Daily only keeps it
// from running before its hour, and runs it again after a missed morning.
type Daily struct {
	name string
	hour int
	st   *store.Store
	clk  clock.Clock
	log  *slog.Logger
	job  func(ctx context.Context) error
	hourly
}

// NewDaily builds a daily job; Start begins the hourly checks.
func NewDaily(name string, hour int, st *store.Store, clk clock.Clock, log *slog.Logger, job func(ctx context.Context) error) *Daily {
	if log == nil {
		log = slog.Default()
	}
	return &Daily{name: name, hour: hour, st: st, clk: clk, log: log, job: job}
}

// Start checks now and then every hour.
func (d *Daily) Start() { d.start(0, func() { d.Tick(context.Background()) }) }

// Stop ends the checks and waits for an hourly job in progress.
func (d *Daily) Stop() { d.stop() }

// Tick runs the job when the shop's clock is past its hour, and reports
// whether it ran.
func (d *Daily) Tick(ctx context.Context) bool {
	if d.clk.Now().In(d.st.Location(ctx)).Hour() < d.hour {
		return false
	}
	if err := d.job(ctx); err != nil {
		d.log.Info(d.name+" not done", "reason", err)
	}
	return true
}
