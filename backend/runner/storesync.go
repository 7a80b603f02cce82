package runner

import (
	"context"
	"log/slog"
	"strings"
	"sync"

	"github.com/robfig/cron/v3"

	"shopclerk/backend/connector"
	"shopclerk/backend/domain"
	"shopclerk/backend/store"
)

// SettingStoreSchedule holds how often the connected stores are synced
// while the app is open: a cron expression, or "off".
const SettingStoreSchedule = "connector.schedule"

// DefaultStoreSchedule syncs every 15 minutes, as the automations run: a
// cart reminder or a shipping notice is never more than a quarter late.
const DefaultStoreSchedule = "*/15 * * * *"

// StoreSync syncs every connected store on a schedule while the app is
// open, through the shop's one connector.Manager, so a scheduled sync and
// one the seller started never run over the same store at once (the later
// one skips that store).
type StoreSync struct {
	st  *store.Store
	mgr *connector.Manager
	log *slog.Logger
	// OnRun, when set, hears each scheduled sync's results.
	OnRun func([]connector.Result, error)
	// OnWrites, when set, hears of write-back runs that wrote something.
	OnWrites func([]connector.WriteResult)

	mu     sync.Mutex
	c      *cron.Cron
	ctx    context.Context
	cancel context.CancelFunc
	nudges sync.WaitGroup
}

// WriteEvery is how often the write-back queue is looked at while the app
// is open, whatever the sync schedule: a coupon's email waits for it.
const WriteEvery = "@every 1m"

// NewStoreSync builds the schedule; Start begins it.
func NewStoreSync(st *store.Store, mgr *connector.Manager, log *slog.Logger) *StoreSync {
	if log == nil {
		log = slog.Default()
	}
	return &StoreSync{st: st, mgr: mgr, log: log}
}

// parseSchedule checks a schedule: "off" or a cron expression.
func parseSchedule(spec string) (cron.Schedule, error) {
	s, err := cron.ParseStandard(spec)
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInvalid, "the sync schedule "+spec+" is not a valid cron expression (for example */15 * * * *), nor off")
	}
	return s, nil
}

// Start reads the schedule setting and begins ticking.
func (s *StoreSync) Start(ctx context.Context) error {
	spec, err := s.st.Setting(ctx, SettingStoreSchedule, DefaultStoreSchedule)
	if err != nil {
		return err
	}
	s.Stop()
	c := cron.New(cron.WithLocation(s.st.Location(ctx)))
	c.AddFunc(WriteEvery, func() { s.Writes() })
	if spec != "off" {
		sched, err := parseSchedule(spec)
		if err != nil {
			return err
		}
		c.Schedule(sched, cron.FuncJob(func() { s.Tick() }))
	}
	s.mu.Lock()
	s.c = c
	s.ctx, s.cancel = context.WithCancel(context.Background())
	s.mu.Unlock()
	c.Start()
	return nil
}

// SetSchedule checks and saves a schedule, then restarts with it.
func (s *StoreSync) SetSchedule(ctx context.Context, spec string) error {
	spec = strings.TrimSpace(spec)
	if spec != "off" {
		if _, err := parseSchedule(spec); err != nil {
			return err
		}
	}
	if err := s.st.SetSetting(ctx, SettingStoreSchedule, spec); err != nil {
		return err
	}
	return s.Start(ctx)
}

// Stop ends the schedule, cancels a sync in progress (what it committed
// stays) and waits for it to return.
func (s *StoreSync) Stop() {
	s.mu.Lock()
	c, cancel := s.c, s.cancel
	s.c, s.cancel = nil, nil
	s.mu.Unlock()
	if cancel != nil {
		cancel()
	}
	if c != nil {
		<-c.Stop().Done()
	}
	s.nudges.Wait()
}

// context is the schedule's context (Background before Start).
func (s *StoreSync) context() context.Context {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ctx == nil {
		return context.Background()
	}
	return s.ctx
}

// Writes applies the write-back queue of every store that writes.
func (s *StoreSync) Writes() {
	res := s.mgr.PushAll(s.context())
	for _, r := range res {
		if r.Done+r.Skipped > 0 && s.OnWrites != nil {
			s.OnWrites(res)
			return
		}
	}
}

// Nudge applies the write-back queue now, in the background (a purchase
// order was received, a switch turned on), without waiting for the minute.
func (s *StoreSync) Nudge() {
	s.nudges.Add(1)
	go func() {
		defer s.nudges.Done()
		s.Writes()
	}()
}

// Tick syncs every connected store once, now; with none connected it does
// nothing.
func (s *StoreSync) Tick() {
	ctx := s.context()
	stores, err := s.mgr.DB.Stores(ctx)
	if err != nil || len(stores) == 0 {
		return
	}
	res, err := s.mgr.Sync(ctx, nil, false, nil)
	if err != nil {
		s.log.Warn("scheduled store sync stopped", "err", err)
	}
	if s.OnRun != nil {
		s.OnRun(res, err)
	}
}
