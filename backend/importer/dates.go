package importer

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"
)

// DateOrder says how a column's slashed dates are read.
type DateOrder string

const (
	DateAuto DateOrder = ""
	DateDMY  DateOrder = "dmy" // 20/03/2025, Europe and most of the world
	DateMDY  DateOrder = "mdy" // 03/20/2025, the US (and Etsy)
)

var errNotDate = errors.New("not a date")

// isoLayouts are the unambiguous forms, tried in order. Go's "15" accepts a
// one-digit hour, which covers WooCommerce's PHP 'G' hours ("0:00:00").
var isoLayouts = []string{
	"2006-01-02 15:04:05 -0700", // Shopify
	time.RFC3339,                // Amazon, APIs
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006-01-02T15:04:05Z0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05Z07:00",
}

// zoneOffsets are the abbreviations that reports print (Amazon UK writes
// "BST"/"GMT", US reports "PDT"); Go's parser cannot know their offsets.
var zoneOffsets = map[string]int{
	"UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "BST": 3600, "WEST": 3600, "CET": 3600, "CEST": 7200, "EET": 7200, "EEST": 10800,
	"EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600, "MST": -7 * 3600, "MDT": -6 * 3600,
	"PST": -8 * 3600, "PDT": -7 * 3600, "AKST": -9 * 3600, "AKDT": -8 * 3600, "HST": -10 * 3600,
	"JST": 9 * 3600, "KST": 9 * 3600, "AEST": 10 * 3600, "AEDT": 11 * 3600, "NZST": 12 * 3600, "NZDT": 13 * 3600,
}

var months = map[string]time.Month{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
	"mrz": 3, "mär": 3, "mai": 5, "okt": 10, "dez": 12,
}

// slashDate is a numeric date like 20/03/2025 14:05 BST, split into parts.
type slashDate struct {
	a, b, year         int
	dotted             bool
	hour, min, sec     int
	zone               string
	hasZone, twoDigitY bool
}

// splitSlashDate reads "a/b/y", "a.b.y" or "a-b-y" with an optional time,
// AM/PM and zone. ok is false when s is not of that shape.
func splitSlashDate(s string) (d slashDate, ok bool) {
	datePart, rest, _ := strings.Cut(strings.TrimSpace(s), " ")
	if strings.Contains(datePart, "T") {
		datePart, rest, _ = strings.Cut(datePart, "T")
	}
	sep := byte(0)
	for _, c := range []byte{'/', '.', '-'} {
		if strings.Count(datePart, string(c)) == 2 {
			sep = c
			break
		}
	}
	if sep == 0 {
		return d, false
	}
	parts := strings.Split(datePart, string(sep))
	nums := [3]int{}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || len(p) == 0 || len(p) > 4 || (i < 2 && len(p) > 2) {
			return d, false
		}
		nums[i] = n
	}
	d.a, d.b, d.year, d.dotted = nums[0], nums[1], nums[2], sep == '.'
	if len(parts[2]) == 2 {
		d.twoDigitY = true
		d.year += 2000
		if d.year > 2069 {
			d.year -= 100
		}
	} else if len(parts[2]) != 4 {
		return d, false
	}
	rest = strings.TrimSpace(rest)
	if rest == "" {
		return d, true
	}
	fields := strings.Fields(rest)
	hms := strings.Split(fields[0], ":")
	if len(hms) < 2 || len(hms) > 3 {
		return d, false
	}
	vals := [3]int{}
	for i, p := range hms {
		n, err := strconv.Atoi(p)
		if err != nil {
			return d, false
		}
		vals[i] = n
	}
	d.hour, d.min, d.sec = vals[0], vals[1], vals[2]
	for _, f := range fields[1:] {
		switch u := strings.ToUpper(f); {
		case u == "AM" || u == "PM":
			if d.hour == 12 {
				d.hour = 0
			}
			if u == "PM" {
				d.hour += 12
			}
		default:
			d.zone, d.hasZone = u, true
		}
	}
	return d, true
}

// dateStats gathers what a column's slashed dates allow, so the day/month
// order is decided from all of the column's values, not row by row.
type dateStats struct {
	slashed     int
	dayFirst    bool // some value's first part is over 12
	monthFirst  bool // some value's second part is over 12
	dotted      bool
	samples     []string
	unambiguous int
}

func (st *dateStats) add(s string) {
	d, ok := splitSlashDate(s)
	if !ok {
		return
	}
	st.slashed++
	if d.dotted {
		st.dotted = true
	}
	switch {
	case d.a > 12 && d.b <= 12:
		st.dayFirst = true
	case d.b > 12 && d.a <= 12:
		st.monthFirst = true
	}
	if len(st.samples) < 5 && !slices.Contains(st.samples, s) {
		st.samples = append(st.samples, s)
	}
}

// order is the column's decided order, or DateAuto when its values fit both.
func (st *dateStats) order() DateOrder {
	switch {
	case st.dotted:
		return DateDMY // 20.03.2025 is only ever day first
	case st.dayFirst && !st.monthFirst:
		return DateDMY
	case st.monthFirst && !st.dayFirst:
		return DateMDY
	}
	return DateAuto
}

func (st *dateStats) ambiguous() bool {
	return st.slashed > 0 && st.order() == DateAuto && !(st.dayFirst && st.monthFirst)
}

// parseDate reads any of the date forms sellers' files hold. order decides
// slashed dates; loc is the zone for values without one. Results are UTC.
func parseDate(s string, order DateOrder, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		for _, layout := range isoLayouts {
			if t, err := time.ParseInLocation(layout, s, loc); err == nil {
				return t.UTC(), nil
			}
		}
		// "2024-05-01 0:00:00 BST" and the like: a date, a time, a zone.
		if len(s) > 11 {
			if d, ok := splitSlashDate(s[8:10] + "/" + s[5:7] + "/" + s[:4] + s[10:]); ok {
				return d.time(DateDMY, loc)
			}
		}
		return time.Time{}, errNotDate
	}
	if d, ok := splitSlashDate(s); ok {
		return d.time(order, loc)
	}
	if t, ok := parseMonthName(s, loc); ok {
		return t, nil
	}
	if t, ok := excelSerial(s); ok {
		return t, nil
	}
	return time.Time{}, errNotDate
}

func (d slashDate) time(order DateOrder, loc *time.Location) (time.Time, error) {
	day, month := d.a, d.b
	if order == DateMDY && !d.dotted {
		day, month = d.b, d.a
	}
	if month < 1 || month > 12 || day < 1 || day > 31 || d.hour > 23 || d.min > 59 || d.sec > 60 {
		return time.Time{}, errNotDate
	}
	if d.hasZone {
		if off, ok := zoneOffsets[d.zone]; ok {
			loc = time.FixedZone(d.zone, off)
		} else if off, ok := numericOffset(d.zone); ok {
			loc = time.FixedZone("", off)
		}
	}
	t := time.Date(d.year, time.Month(month), day, d.hour, d.min, d.sec, 0, loc)
	if t.Day() != day {
		return time.Time{}, errNotDate // 31/02 rolled over
	}
	return t.UTC(), nil
}

func numericOffset(z string) (int, bool) {
	if len(z) < 5 || (z[0] != '+' && z[0] != '-') {
		return 0, false
	}
	digits := strings.ReplaceAll(z[1:], ":", "")
	if len(digits) != 4 {
		return 0, false
	}
	h, err1 := strconv.Atoi(digits[:2])
	m, err2 := strconv.Atoi(digits[2:])
	if err1 != nil || err2 != nil {
		return 0, false
	}
	off := h*3600 + m*60
	if z[0] == '-' {
		off = -off
	}
	return off, true
}

// parseMonthName reads eBay's "Sep-30-26 23:45:00" and "30-Sep-2026".
func parseMonthName(s string, loc *time.Location) (time.Time, bool) {
	datePart, rest, _ := strings.Cut(s, " ")
	parts := strings.Split(datePart, "-")
	if len(parts) != 3 {
		return time.Time{}, false
	}
	var mon time.Month
	var day, year int
	var err1, err2 error
	if m, ok := months[strings.ToLower(parts[0])]; ok {
		mon = m
		day, err1 = strconv.Atoi(parts[1])
		year, err2 = strconv.Atoi(parts[2])
	} else if m, ok := months[strings.ToLower(parts[1])]; ok {
		mon = m
		day, err1 = strconv.Atoi(parts[0])
		year, err2 = strconv.Atoi(parts[2])
	} else {
		return time.Time{}, false
	}
	if err1 != nil || err2 != nil {
		return time.Time{}, false
	}
	if year < 100 {
		year += 2000
	}
	d, ok := splitSlashDate(strconv.Itoa(day) + "/" + strconv.Itoa(int(mon)) + "/" + strconv.Itoa(year) + " " + rest)
	if !ok {
		return time.Time{}, false
	}
	t, err := d.time(DateDMY, loc)
	return t, err == nil
}

// excelSerial reads Excel's day count (1900 date system; serial 60 is the
// leap day 1900 never had, which is why the epoch is 30 Dec 1899). Excel
// writes local wall-clock time without a zone, so it is taken as UTC.
func excelSerial(s string) (time.Time, bool) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 1 || f > 2958465 {
		return time.Time{}, false
	}
	days := int64(f)
	secs := int64((f-float64(days))*86400 + 0.5)
	t := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days)).Add(time.Duration(secs) * time.Second)
	return t, true
}
