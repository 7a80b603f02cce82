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
	minute, day       int
	minuteStart       time.Time
	dayEnd            time.Time
}

func (o *Outbox) newThrottle(ctx context.Context) (*throttle, error) {
	now := o.clock.Now()
	t := &throttle{perMinute: o.account.PerMinute, perDay: o.account.PerDay,
		minuteStart: now.Add(-time.Minute), dayEnd: dayStart(now, o.loc).AddDate(0, 0, 1).UTC()}
	var err error
	if t.minute, err = o.store.CountSentSince(ctx, t.minuteStart); err != nil {
		return nil, err
	}
	if t.day, err = o.store.CountSentSince(ctx, dayStart(now, o.loc)); err != nil {
		return nil, err
	}
	return t, nil
}

// blocked returns when sending may go on, or nil when it may go on now.
// The run stops instead of sleeping: the runner decides when to come back.
func (t *throttle) blocked(now time.Time) (*time.Time, string) {
	if t.perDay > 0 && t.day >= t.perDay {
		until := t.dayEnd
		return &until, fmt.Sprintf("today's limit of %d messages is reached", t.perDay)
	}
	if t.perMinute > 0 && t.minute >= t.perMinute {
		until := now.Add(time.Minute)
		return &until, fmt.Sprintf("the limit of %d messages a minute is reached", t.perMinute)
	}
	return nil, ""
}

func (t *throttle) sent() { t.minute++; t.day++ }

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
