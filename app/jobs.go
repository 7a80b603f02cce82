package app

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"sync"
	"time"

	"shopclerk/backend/domain"
)

// Progress is what a job reports; the backend reports it through a plain
// callback, and Jobs turns it into throttled "job:progress" events.
type Progress struct {
	Done    int64  `json:"done"`
	Total   int64  `json:"total"` // 0 when unknown
	Message string `json:"message"`
	// Step names the part of the job under way (an import's file and
	// phase); a new step always goes out, whatever the throttle says.
	Step string `json:"-"`
}

// JobEvent is the payload of "job:progress" and "job:done".
type JobEvent struct {
	ID       string   `json:"id"`
	Kind     string   `json:"kind"`
	Progress Progress `json:"progress"`
	Result   any      `json:"result,omitempty"`
	Error    string   `json:"error,omitempty"` // the ErrorFormatter's JSON on failure
	Done     bool     `json:"done"`
}

// Jobs runs long work in the background with progress and cancel.
type Jobs struct {
	root    context.Context // the app's: a job's own context derives from it
	mu      sync.Mutex
	running map[string]context.CancelFunc
	emit    func(name string, data any)
	format  func(error) any // the ErrorFormatter, so job errors match call errors
	log     *slog.Logger
}

// progressEvery throttles progress events to about ten a second.
const progressEvery = 100 * time.Millisecond

func newJobs(root context.Context, emit func(string, any), format func(error) any, log *slog.Logger) *Jobs {
	return &Jobs{root: root, running: map[string]context.CancelFunc{}, emit: emit, format: format, log: log}
}

// Start runs fn in the background and returns its id at once. fn gets a
// context of its own, cancelled by Cancel(id) and when the app's ends.
func (j *Jobs) Start(kind string, fn func(ctx context.Context, progress func(Progress)) (any, error)) string {
	b := make([]byte, 8)
	rand.Read(b)
	id := kind + "-" + hex.EncodeToString(b)
	ctx, cancel := context.WithCancel(j.root)
	j.mu.Lock()
	j.running[id] = cancel
	j.mu.Unlock()
	go func() {
		defer cancel()
		var last time.Time
		var lastStep string
		var mu sync.Mutex
		report := func(p Progress) {
			mu.Lock()
			defer mu.Unlock()
			// A new step (the next file, or the next phase of one) always
			// goes out: the throttle must not hide what the job is doing.
			if now := time.Now(); now.Sub(last) >= progressEvery || p.Step != lastStep {
				last, lastStep = now, p.Step
				j.emit("job:progress", JobEvent{ID: id, Kind: kind, Progress: p})
			}
		}
		res, err := fn(ctx, report)
		ev := JobEvent{ID: id, Kind: kind, Result: res, Done: true}
		if err != nil {
			if ctx.Err() != nil && domain.CodeOf(err) == domain.CodeInternal {
				err = domain.Wrap(err, domain.CodeInvalid, "Cancelled; nothing was changed.")
			}
			ev.Error, _ = j.format(err).(string)
		}
		j.mu.Lock()
		delete(j.running, id)
		j.mu.Unlock()
		j.emit("job:done", ev)
	}()
	return id
}

// Cancel stops a running job; unknown ids are fine (it may have finished).
func (j *Jobs) Cancel(id string) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if c, ok := j.running[id]; ok {
		c()
	}
}

// cancelAll stops every running job: the shop they work on is closing.
func (j *Jobs) cancelAll() {
	j.mu.Lock()
	defer j.mu.Unlock()
	for _, c := range j.running {
		c()
	}
}

// JobService lets the frontend cancel long work.
type JobService struct{ app *App }

// Cancel stops the job with this id.
func (s *JobService) Cancel(id string) { s.app.jobs.Cancel(id) }
