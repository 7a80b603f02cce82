package domain

import (
	"strconv"
	"strings"
	"time"
)

// SettingQuietHours is the shop's quiet hours, "21-8" (marketing waits
// from 21:00 to 08:00 shop time) or "off". The flows plan around them and
// the outbox holds marketing mail that falls due inside them, so both
// read the one setting through ParseQuietHours.
const SettingQuietHours = "rules.quiet_hours"

// QuietHours are local hours of the shop's day when marketing mail waits;
// From == To means none.
type QuietHours struct {
	From, To int
}

// DefaultQuietHours apply until the seller sets their own: 21:00 to 08:00.
var DefaultQuietHours = QuietHours{From: 21, To: 8}

// ParseQuietHours reads the setting's value: "" or anything unreadable
// gives the default, "off" none.
func ParseQuietHours(v string) QuietHours {
	v = strings.TrimSpace(v)
	if v == "off" {
		return QuietHours{}
	}
	a, b, ok := strings.Cut(v, "-")
	if !ok {
		return DefaultQuietHours
	}
	f, err1 := strconv.Atoi(strings.TrimSpace(a))
	t, err2 := strconv.Atoi(strings.TrimSpace(b))
	if err1 != nil || err2 != nil || f < 0 || f > 23 || t < 0 || t > 23 {
		return DefaultQuietHours
	}
	return QuietHours{From: f, To: t}
}

// At tells whether t falls inside the quiet hours in loc, and when they
// end (UTC). The end is the wall-clock hour To on the right day in loc, so
// a night that is an hour shorter or longer (a DST change) still ends at
// 08:00 local time.
func (q QuietHours) At(t time.Time, loc *time.Location) (bool, time.Time) {
	if q.From == q.To {
		return false, t
	}
	if loc == nil {
		loc = time.UTC
	}
	l := t.In(loc)
	h := l.Hour()
	in := h >= q.From || h < q.To
	if q.From < q.To {
		in = h >= q.From && h < q.To
	}
	if !in {
		return false, t
	}
	end := time.Date(l.Year(), l.Month(), l.Day(), q.To, 0, 0, 0, loc)
	if !end.After(l) {
		end = time.Date(l.Year(), l.Month(), l.Day()+1, q.To, 0, 0, 0, loc)
	}
	return true, end.UTC()
}
