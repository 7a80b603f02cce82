package mail

import (
	"context"
	"strings"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/mail/mailtest"
)

// Send now at the per-minute limit waits and sends on: it used to stop
// with the rest left queued.
func TestSendPacedWaitsOutTheMinuteLimit(t *testing.T) {
	r := newRig(t, mailtest.SMTPOptions{}, func(a *Account) { a.PerMinute = 3 })
	r.enqueue(t, 8, domain.KindTransactional)
	var waits []string
	var last Progress
	rep, err := r.outbox().SendPaced(context.Background(), PacedOptions{
		RunOptions: RunOptions{Progress: func(p Progress) { last = p }},
		Wait: func(_ context.Context, until time.Time, why string) error {
			if !until.After(r.clk.t) {
				t.Fatalf("asked to wait until %v at %v", until, r.clk.t)
			}
			waits = append(waits, why)
			r.clk.t = until
			return nil
		}})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Run.Sent != 8 || len(r.srv.Deliveries()) != 8 || len(waits) != 2 || !strings.Contains(waits[0], "3 messages a minute") {
		t.Fatalf("%+v, waits %q", rep.Run, waits)
	}
	if last.Done != 8 || last.Total != 8 {
		t.Fatalf("progress across the waits: %+v", last)
	}
	if rep.Run.PausedUntil != nil {
		t.Fatalf("finished, yet paused: %+v", rep.Run)
	}
}

// Today's limit is not waited out: the run stops and says until when.
func TestSendPacedStopsAtTheDailyLimit(t *testing.T) {
	r := newRig(t, mailtest.SMTPOptions{}, func(a *Account) { a.PerDay = 2 })
	r.enqueue(t, 3, domain.KindTransactional)
	rep, err := r.outbox().SendPaced(context.Background(), PacedOptions{Wait: func(context.Context, time.Time, string) error {
		t.Fatal("waited for the daily limit")
		return nil
	}})
	if err != nil || rep.Run.Sent != 2 || rep.Run.PauseLimit != LimitDay {
		t.Fatalf("%+v %v", rep.Run, err)
	}
}

// The window slides: a place frees when the oldest send in it turns a
// minute old, not a minute after the run noticed the limit.
func TestThrottleWindowSlides(t *testing.T) {
	r := newRig(t, mailtest.SMTPOptions{}, func(a *Account) { a.PerMinute = 2 })
	r.enqueue(t, 1, domain.KindTransactional)
	r.run(t)
	r.clk.t = t0.Add(30 * time.Second)
	r.enqueue(t, 2, domain.KindTransactional)
	res := r.run(t)
	if res.Sent != 1 || res.PausedUntil == nil || !res.PausedUntil.Equal(t0.Add(time.Minute)) {
		t.Fatalf("%+v", res)
	}
	r.clk.t = t0.Add(40 * time.Second)
	h, err := r.outbox().CurrentHold(context.Background())
	if err != nil || h == nil || h.Limit != LimitMinute || !h.Until.Equal(t0.Add(time.Minute)) {
		t.Fatalf("hold %+v %v", h, err)
	}
}

// Every queued message gets a reason, whatever holds it.
func TestWhyNamesWhatHoldsEachMessage(t *testing.T) {
	ctx := context.Background()
	r := newRig(t, mailtest.SMTPOptions{}, func(a *Account) { a.PerMinute = 2 })
	ids := r.enqueue(t, 3, domain.KindTransactional)
	r.run(t) // two go, the limit holds the third
	why := func(auto bool, a func(*Account)) string {
		t.Helper()
		ob := r.outbox()
		if a != nil {
			a(&ob.account)
		}
		w, err := ob.WaitState(ctx, auto)
		if err != nil {
			t.Fatal(err)
		}
		return w.Why(status(t, r.st, ids[2]))
	}
	if got := why(true, nil); got != "The limit of 2 messages a minute is reached; the next message goes at 10:01:00." {
		t.Fatalf("minute: %q", got)
	}
	r.clk.t = t0.Add(2 * time.Minute)
	for _, c := range []struct {
		auto bool
		acct func(*Account)
		want string
	}{
		{true, nil, "Next in line"},
		{false, nil, "Automatic sending is off: it goes when you press Send now."},
		{true, func(a *Account) { a.TestMode, a.TestAddress = true, "me@shop.test" }, "Test mode is on, so nothing goes out by itself: Send now sends it to me@shop.test"},
		{true, func(a *Account) { a.PerDay = 2 }, "Today's limit of 2 messages is reached; sending goes on at 00:00 tomorrow."},
	} {
		if got := why(c.auto, c.acct); !strings.HasPrefix(got, c.want) {
			t.Errorf("why %q, want %q", got, c.want)
		}
	}
	if got := NoAccountWaitState(r.clk.t, time.UTC).Why(status(t, r.st, ids[2])); !strings.Contains(got, "Settings > Email") {
		t.Errorf("no account: %q", got)
	}
	// A message deferred by the server says so, with its next try.
	next := r.clk.t.Add(5 * time.Minute)
	m := status(t, r.st, ids[2])
	m.Status, m.LastError, m.NextAttemptAt = domain.MsgDeferred, "the server asked to try later: 451 4.3.0 busy", &next
	if got := why(true, nil); !strings.Contains(got, "Next in line") {
		t.Fatalf("stored message changed: %q", got)
	}
	w, _ := r.outbox().WaitState(ctx, true)
	if got := w.Why(m); got != "The server asked to try later: 451 4.3.0 busy; next try at 10:07." {
		t.Fatalf("deferred: %q", got)
	}
}
