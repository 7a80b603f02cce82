// Package runner owns Shopclerk's background work while the app is open.
// Automations runs the enabled flows on a cron schedule the seller can read
// ("*/15 * * * *"), doing what `shopclerk run` does: everything the preview
// would approve by itself, never late items or flows that need a
// confirmation, which wait for the seller in the Automations screen.
package runner

import (
	"context"
	"log/slog"
	"sync"

	"github.com/robfig/cron/v3"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/rules"
	"shopclerk/backend/store"
)

// SettingSchedule holds the automations' cron expression; "off" disables it.
const SettingSchedule = "rules.schedule"

// DefaultSchedule runs every 15 minutes: cart reminders are due by the hour,
// and a quarter of an hour late is invisible to a customer.
const DefaultSchedule = "*/15 * * * *"

// Automations runs the flows on a schedule. One run at a time: a tick that
// comes while a run is still going is skipped, not queued.
type Automations struct {
	st    *store.Store
	eng   *rules.Engine
	clock clock.Clock
	log   *slog.Logger
	// OnRun, when set, is told each run's result (the app emits an event).
	OnRun func(rules.RunResult, error)

	mu      sync.Mutex
	running sync.Mutex
	c       *cron.Cron
	ctx     context.Context
	cancel  context.CancelFunc
}

// NewAutomations builds the scheduler; Start begins it.
func NewAutomations(st *store.Store, eng *rules.Engine, clk clock.Clock, log *slog.Logger) *Automations {
	if log == nil {
		log = slog.Default()
	}
	return &Automations{st: st, eng: eng, clock: clk, log: log}
}

// Start reads the schedule setting and begins ticking. A bad expression is
// reported and nothing is scheduled.
func (a *Automations) Start(ctx context.Context) error {
	spec, err := a.st.Setting(ctx, SettingSchedule, DefaultSchedule)
	if err != nil {
		return err
	}
	a.Stop()
	if spec == "off" {
		return nil
	}
	c := cron.New(cron.WithLocation(a.st.Location(ctx)))
	if _, err := c.AddFunc(spec, func() { a.Tick() }); err != nil {
		return domain.Wrap(err, domain.CodeInvalid, "the automation schedule "+spec+" is not a valid cron expression (for example */15 * * * *)")
	}
	a.mu.Lock()
	a.c = c
	a.ctx, a.cancel = context.WithCancel(context.Background())
	a.mu.Unlock()
	c.Start()
	return nil
}

// Stop ends the schedule, cancels a run in progress between two steps, and
// waits for it to return.
func (a *Automations) Stop() {
	a.mu.Lock()
	c, cancel := a.c, a.cancel
	a.c, a.cancel = nil, nil
	a.mu.Unlock()
	if cancel != nil {
		cancel()
	}
	if c != nil {
		<-c.Stop().Done()
	}
}

// Tick runs the flows once, now. It returns false when another run was
// still going.
func (a *Automations) Tick() bool {
	if !a.running.TryLock() {
		return false
	}
	defer a.running.Unlock()
	a.mu.Lock()
	ctx := a.ctx
	a.mu.Unlock()
	if ctx == nil {
		ctx = context.Background()
	}
	now := a.clock.Now()
	p, err := a.eng.Plan(ctx, now)
	var res rules.RunResult
	if err == nil {
		res, err = a.eng.RunPreview(ctx, p, p.ApprovableKeys())
	}
	if err != nil {
		a.log.Warn("scheduled automation run failed", "err", err)
	}
	if a.OnRun != nil {
		a.OnRun(res, err)
	}
	return true
}
