package domain

import (
	"testing"
	"time"
)

func TestQuietHoursEndAtTheLocalHourAcrossMidnightAndDST(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	q := ParseQuietHours("21-8")
	at := func(y int, mo time.Month, d, h, mi int) time.Time { return time.Date(y, mo, d, h, mi, 0, 0, berlin) }
	for _, c := range []struct {
		name string
		now  time.Time
		in   bool
		end  time.Time // UTC
	}{
		{"evening before", at(2026, 3, 2, 20, 59), false, time.Time{}},
		{"evening inside", at(2026, 3, 2, 21, 0), true, time.Date(2026, 3, 3, 7, 0, 0, 0, time.UTC)},
		{"after midnight", at(2026, 3, 3, 0, 30), true, time.Date(2026, 3, 3, 7, 0, 0, 0, time.UTC)},
		{"morning end", at(2026, 3, 3, 8, 0), false, time.Time{}},
		// 29 March 2026: clocks go from 02:00 to 03:00; 08:00 is CEST (UTC+2).
		{"spring forward", at(2026, 3, 28, 23, 0), true, time.Date(2026, 3, 29, 6, 0, 0, 0, time.UTC)},
		{"inside the gap's night", time.Date(2026, 3, 29, 1, 30, 0, 0, time.UTC), true, time.Date(2026, 3, 29, 6, 0, 0, 0, time.UTC)},
		// 25 October 2026: back from 03:00 to 02:00; 08:00 is CET (UTC+1).
		{"fall back", at(2026, 10, 24, 22, 0), true, time.Date(2026, 10, 25, 7, 0, 0, 0, time.UTC)},
	} {
		in, end := q.At(c.now, berlin)
		if in != c.in || (in && !end.Equal(c.end)) {
			t.Errorf("%s: in=%v end=%v, want %v %v", c.name, in, end, c.in, c.end)
		}
	}
	if in, _ := ParseQuietHours("off").At(at(2026, 3, 2, 23, 0), berlin); in {
		t.Error("off still quiet")
	}
	if q := ParseQuietHours("1-5"); q != (QuietHours{1, 5}) {
		t.Errorf("same-day hours %+v", q)
	}
	if in, _ := ParseQuietHours("1-5").At(at(2026, 3, 2, 23, 0), berlin); in {
		t.Error("1-5 quiet at 23:00")
	}
	if q := ParseQuietHours("25-8"); q != DefaultQuietHours {
		t.Errorf("bad value %+v", q)
	}
}
