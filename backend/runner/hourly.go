package runner

import (
	"sync"
	"time"

	"github.com/robfig/cron/v3"
)

// hourly calls a check once after a first delay and then every hour, until
// stopped: the shape of the daily backup and the morning digest, which both
// must catch up after a laptop slept through their moment.
type hourly struct {
	mu    sync.Mutex
	c     *cron.Cron
	first *time.Timer
	// firstRun is the first check, which runs on the timer's goroutine, not
	// the cron's: stop waits for it too, or a check still writing would
	// outlive the shop it was started for.
	firstRun sync.WaitGroup
}

func (h *hourly) start(firstAfter time.Duration, check func()) {
	c := cron.New()
	c.AddFunc("@every 1h", check)
	h.mu.Lock()
	h.c = c
	h.firstRun.Add(1)
	h.first = time.AfterFunc(firstAfter, func() {
		defer h.firstRun.Done()
		check()
	})
	h.mu.Unlock()
	c.Start()
}

// stop ends the checks and waits for a check in progress, the first one
// included.
func (h *hourly) stop() {
	h.mu.Lock()
	c := h.c
	h.c = nil
	if h.first != nil && h.first.Stop() {
		h.firstRun.Done() // stopped before it fired: it never runs
	}
	h.first = nil
	h.mu.Unlock()
	if c != nil {
		<-c.Stop().Done()
	}
	h.firstRun.Wait()
}
