package runner

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/mail"
	"shopclerk/backend/store"
)

// AutoSend sends what the seller approved while the app is open, when the
// switch (mail.SettingAutoSend) is on: it looks whenever it is woken (an
// approval, a flow run, the switch) and at least every Poll, sends what is
// due through the outbox's own run (claims, journal, throttle), waits out
// the per-minute limit and comes back when it lifts, and after a server
// failure tries again later, less often the longer the server stays down.
//
// It never sends alongside Send now: both hold the shop's send gate for
// a run, and the outbox's claims keep any two runs from sending one
// message (a headless `shopclerk send` cannot open a shop the app holds).
// In test mode nothing goes out by itself: the seller is trying things,
// and a message sent to the test address would count as sent to the
// customer.
type AutoSend struct {
	st     *store.Store
	outbox func(context.Context) (*mail.Outbox, error) // for the account as saved now
	gate   TryLocker
	clock  clock.Clock
	log    *slog.Logger
	// OnRun, when set, hears each run that did something or failed.
	OnRun func(mail.SendReport, error)
	// Poll bounds the time between two looks (default a minute).
	Poll time.Duration

	mu     sync.Mutex
	cancel context.CancelFunc
	done   chan struct{}
	wake   chan struct{}
	// looked is false until the first look of a start, which always runs
	// the outbox: its recovery settles what a crash left half-sent.
	looked   bool
	failures int // runs in a row the server failed, for the back-off
}

// TryLocker is the shop's send gate: one send run at a time (a *sync.Mutex).
type TryLocker interface {
	TryLock() bool
	Unlock()
}

// DefaultPoll is how often the sender looks for due mail nobody told it of
// (a message queued by the morning digest, a retry coming due).
const DefaultPoll = time.Minute

// NewAutoSend builds the sender; Start begins it. outbox builds the outbox
// for the account as saved at that moment (an error when there is none).
func NewAutoSend(st *store.Store, outbox func(context.Context) (*mail.Outbox, error), gate TryLocker, clk clock.Clock, log *slog.Logger) *AutoSend {
	if log == nil {
		log = slog.Default()
	}
	return &AutoSend{st: st, outbox: outbox, gate: gate, clock: clk, log: log, Poll: DefaultPoll, wake: make(chan struct{}, 1)}
}

// Start begins looking, at once.
func (a *AutoSend) Start() {
	a.Stop()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	a.mu.Lock()
	a.cancel, a.done, a.looked = cancel, done, false
	a.mu.Unlock()
	go a.loop(ctx, done)
}

// Stop ends the sender: a run in progress stops after the message on the
// wire, with every outcome recorded, and Stop returns when it has.
func (a *AutoSend) Stop() {
	a.mu.Lock()
	cancel, done := a.cancel, a.done
	a.cancel, a.done = nil, nil
	a.mu.Unlock()
	if cancel != nil {
		cancel()
		<-done
	}
}

// Wake makes the sender look now (something was approved or queued, the
// switch or the account changed, Send now ended).
func (a *AutoSend) Wake() {
	select {
	case a.wake <- struct{}{}:
	default: // a look is already coming
	}
}

func (a *AutoSend) loop(ctx context.Context, done chan struct{}) {
	defer close(done)
	for ctx.Err() == nil {
		next := a.Step(ctx)
		// The wait is counted on the real timer from the shop's clock, and
		// bounded: a clock pinned for a demo never makes it spin or stall.
		d := min(max(next.Sub(a.clock.Now()), time.Second), a.poll())
		t := time.NewTimer(d)
		select {
		case <-ctx.Done():
		case <-a.wake:
		case <-t.C:
		}
		t.Stop()
	}
}

func (a *AutoSend) poll() time.Duration {
	if a.Poll <= 0 {
		return DefaultPoll
	}
	return a.Poll
}

// Step looks once: it sends what is due when the switch is on and nothing
// holds it back, and returns when to look again. It never runs alongside
// another send run (it then looks again shortly).
func (a *AutoSend) Step(ctx context.Context) time.Time {
	now := a.clock.Now()
	later := now.Add(a.poll())
	if on, err := mail.AutoSendOn(ctx, a.st); err != nil || !on {
		return later
	}
	ob, err := a.outbox(ctx)
	if err != nil || ob.Account().TestMode {
		return later // no account yet, or test mode: the Outbox says so
	}
	if a.looked {
		due, err := ob.NextDue(ctx)
		if err != nil || due == nil {
			return later
		}
		if due.After(now) {
			return earliest(*due, later)
		}
		if h, err := ob.CurrentHold(ctx); err == nil && h != nil {
			return h.Until
		}
	}
	if !a.gate.TryLock() {
		return now.Add(5 * time.Second) // Send now is running; it wakes us when done
	}
	rep, err := ob.Send(ctx, mail.RunOptions{})
	a.gate.Unlock()
	a.looked = true
	if err != nil || rep.Run.Done > 0 || rep.InDoubt != (mail.ResolveResult{}) {
		if a.OnRun != nil {
			a.OnRun(rep, err)
		}
	}
	switch {
	case err != nil && mail.ServerTrouble(err):
		a.failures++
		a.log.Warn("automatic sending: the mail server failed", "tries", a.failures, "err", err)
		return now.Add(retryAfter(a.failures))
	case err != nil:
		a.log.Warn("automatic sending failed", "err", err)
		return later
	}
	a.failures = 0
	if r := rep.Run; r.PausedUntil != nil {
		return *r.PausedUntil
	}
	if rep.Run.Done > 0 {
		return now // there may be more: look again at once
	}
	return later
}

// retryAfter is the wait after the n-th server failure in a row: soon at
// first (a blip), then every quarter of an hour (the seller's connection
// or the provider is down; a password refused must not be tried often).
func retryAfter(n int) time.Duration {
	steps := []time.Duration{time.Minute, 2 * time.Minute, 5 * time.Minute, 10 * time.Minute}
	if n >= 1 && n <= len(steps) {
		return steps[n-1]
	}
	return 15 * time.Minute
}

func earliest(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
