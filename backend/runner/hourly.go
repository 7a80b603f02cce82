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
}

func (h *hourly) start(firstAfter time.Duration, check func()) {
	c := cron.New()
	c.AddFunc("@every 1h", check)
	h.mu.Lock()
	h.c = c
	h.first = time.AfterFunc(firstAfter, check)
	h.mu.Unlock()
	c.Start()
}

// stop ends the checks and waits for an hourly check in progress.
func (h *hourly) stop() {
	h.mu.Lock()
	c := h.c
	h.c = nil
	if h.first != nil {
		h.first.Stop()
	}
	h.mu.Unlock()
	if c != nil {
		<-c.Stop().Done()
	}
}
