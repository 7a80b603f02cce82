package mail

import (
	"context"
	"fmt"
	"time"
)

// throttle counts what the account sent in the last minute and today (in
// the shop's zone) from the store itself, so limits hold across restarts
// and across the app and the headless `shopclerk send`.
type throttle struct {
	perMinute, perDay int
	// recent are the send times inside the sliding one-minute window,
	// oldest first: the window frees a place when its oldest send turns a
	// minute old, which is when sending may go on.
	recent []time.Time
	day    int
	dayEnd time.Time
}

func (o *Outbox) newThrottle(ctx context.Context) (*throttle, error) {
	now := o.clock.Now()
	t := &throttle{perMinute: o.account.PerMinute, perDay: o.account.PerDay, dayEnd: dayStart(now, o.loc).AddDate(0, 0, 1).UTC()}
	var err error
	if t.perMinute > 0 {
		if t.recent, err = o.store.SentTimesSince(ctx, now.Add(-time.Minute)); err != nil {
			return nil, err
		}
	}
	if t.day, err = o.store.CountSentSince(ctx, dayStart(now, o.loc)); err != nil {
		return nil, err
	}
	return t, nil
}

// Limit names which of the account's sending limits holds mail back.
type Limit string

const (
	LimitMinute Limit = "minute" // the per-minute limit: a short wait
	LimitDay    Limit = "day"    // today's limit: until midnight in the shop's zone
	LimitQuota  Limit = "quota"  // the provider answered that its limit was reached
)

// hold returns when sending may go on, which limit holds it and why; nil
// when it may go on now. The run stops instead of sleeping: its caller
// decides whether to wait (Send now and the automatic sender wait out the
// per-minute limit, see SendPaced).
func (t *throttle) hold(now time.Time) (*time.Time, Limit, string) {
	if t.perDay > 0 && t.day >= t.perDay {
		until := t.dayEnd
		return &until, LimitDay, fmt.Sprintf("today's limit of %d messages is reached", t.perDay)
	}
	if t.perMinute > 0 {
		for len(t.recent) > 0 && !t.recent[0].After(now.Add(-time.Minute)) {
			t.recent = t.recent[1:]
		}
		if n := len(t.recent); n >= t.perMinute {
			until := t.recent[n-t.perMinute].Add(time.Minute)
			if !until.After(now) {
				until = now.Add(time.Second)
			}
			return &until, LimitMinute, fmt.Sprintf("the limit of %d messages a minute is reached", t.perMinute)
		}
	}
	return nil, "", ""
}

func (t *throttle) sent(now time.Time) {
	if t.perMinute > 0 {
		t.recent = append(t.recent, now)
	}
	t.day++
}

// Hold is what keeps due mail from going out right now, if anything: a
// sending limit or the provider's quota pause.
type Hold struct {
	Limit  Limit     `json:"limit"`
	Until  time.Time `json:"until"`
	Reason string    `json:"reason"`
}

// CurrentHold reports the limit or pause in force now; nil when mail may go.
func (o *Outbox) CurrentHold(ctx context.Context) (*Hold, error) {
	if until, why := o.Paused(ctx); until != nil {
		return &Hold{Limit: LimitQuota, Until: *until, Reason: why}, nil
	}
	t, err := o.newThrottle(ctx)
	if err != nil {
		return nil, err
	}
	if until, limit, why := t.hold(o.clock.Now()); until != nil {
		return &Hold{Limit: limit, Until: *until, Reason: why}, nil
	}
	return nil, nil
}

// DayCount is today's sending against the account's limits.
type DayCount struct {
	SentToday   int        `json:"sentToday"`
	PerDay      int        `json:"perDay"`
	PerMinute   int        `json:"perMinute"`
	PausedUntil *time.Time `json:"pausedUntil"`
	PauseReason string     `json:"pauseReason"`
	TestMode    bool       `json:"testMode"`
	TestAddress string     `json:"testAddress"`
}

// Today reports today's count against the daily limit, and any pause.
func (o *Outbox) Today(ctx context.Context) (DayCount, error) {
	n, err := o.store.CountSentSince(ctx, dayStart(o.clock.Now(), o.loc))
	if err != nil {
		return DayCount{}, err
	}
	d := DayCount{SentToday: n, PerDay: o.account.PerDay, PerMinute: o.account.PerMinute,
		TestMode: o.account.TestMode, TestAddress: o.account.TestAddress}
	d.PausedUntil, d.PauseReason = o.Paused(ctx)
	return d, nil
}
