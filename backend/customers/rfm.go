package customers

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/customersdb"
)

// Segment is a ready-made RFM segment.
type Segment string

const (
	SegChampions   Segment = "champions"
	SegLoyal       Segment = "loyal"
	SegPotential   Segment = "potential"
	SegNew         Segment = "new"
	SegAtRisk      Segment = "at_risk"
	SegCantLose    Segment = "cant_lose"
	SegHibernating Segment = "hibernating"
	SegLost        Segment = "lost"
)

// Segments lists the RFM segments from the best customers to the lost.
var Segments = []Segment{SegChampions, SegLoyal, SegPotential, SegNew, SegAtRisk, SegCantLose, SegHibernating, SegLost}

// Label is the segment's name on screen.
func (s Segment) Label() string {
	switch s {
	case SegChampions:
		return "Champions"
	case SegLoyal:
		return "Loyal"
	case SegPotential:
		return "Potential"
	case SegNew:
		return "New"
	case SegAtRisk:
		return "At risk"
	case SegCantLose:
		return "Can't lose"
	case SegHibernating:
		return "Hibernating"
	case SegLost:
		return "Lost"
	}
	return string(s)
}

// Describe says who is in the segment, in the seller's words.
func (s Segment) Describe() string {
	switch s {
	case SegChampions:
		return "Bought recently, buy often and spend the most."
	case SegLoyal:
		return "Buy regularly and spend well; not the very latest buyers."
	case SegPotential:
		return "Recent buyers who have not bought much yet."
	case SegNew:
		return "Bought recently for the first time (or about)."
	case SegAtRisk:
		return "Bought often or much, but not for a while."
	case SegCantLose:
		return "Were among your best customers and have gone quiet."
	case SegHibernating:
		return "Bought little, a while ago."
	case SegLost:
		return "Bought little, long ago, or not at all within the window."
	}
	return ""
}

// segmentFor places recency, frequency and monetary quintile scores (1-5,
// 5 best) in a segment. Frequency and monetary value are read together
// (their mean, rounded down, "fm"). Recency down, fm across:
//
//	      fm=1        fm=2        fm=3     fm=4        fm=5
//	r=5   potential   potential   loyal    champions   champions
//	r=4   potential   potential   loyal    loyal       champions
//	r=3   potential   potential   loyal    loyal       loyal
//	r=2   hibernating hibernating at risk  at risk     can't lose
//	r=1   lost        lost        at risk  can't lose  can't lose
//
// except that recency 4 or 5 with the lowest frequency quintile is new,
// whatever was spent. Every score has exactly one segment.
func segmentFor(r, f, m int) Segment {
	fm := (f + m) / 2
	switch {
	case r >= 4 && f == 1:
		return SegNew
	case r >= 4 && (fm == 5 || r == 5 && fm == 4):
		return SegChampions
	case r >= 3 && fm >= 3:
		return SegLoyal
	case r >= 3:
		return SegPotential
	case fm == 5 || r == 1 && fm == 4:
		return SegCantLose
	case fm >= 3:
		return SegAtRisk
	case r == 2:
		return SegHibernating
	}
	return SegLost
}

// ntile gives each of n ranked rows (0 = lowest) its tile 1..k as SQL's
// NTILE(k) does: the first n%k tiles hold one row more than the others.
func ntile(i, n, k int) int {
	q, r := n/k, n%k
	if i < r*(q+1) {
		return i/(q+1) + 1
	}
	return r + (i-r*(q+1))/q + 1
}

// score ranks the customers with orders in the window into quintiles of
// recency (last order), frequency (orders) and monetary value (net spend),
// ties broken by customer id (as NTILE(5) OVER (ORDER BY x, id) would), and
// places each in a segment. Customers with orders only before the window
// are lost, with scores 0.
func score(in []customersdb.RFMInput) []customersdb.Score {
	var active []customersdb.RFMInput
	out := make([]customersdb.Score, 0, len(in))
	for _, c := range in {
		if c.Orders > 0 {
			active = append(active, c)
		} else {
			out = append(out, customersdb.Score{CustomerID: c.ID, LastOrderAt: c.LastAny, Segment: string(SegLost)})
		}
	}
	n := len(active)
	tiles := make([][3]int, n) // r, f, m by position in active
	idx := make([]int, n)
	for dim := range 3 {
		for i := range idx {
			idx[i] = i
		}
		key := func(c customersdb.RFMInput) int64 { return [3]int64{c.Last, c.Orders, c.Spent}[dim] }
		slices.SortFunc(idx, func(a, b int) int {
			return cmp.Or(cmp.Compare(key(active[a]), key(active[b])), cmp.Compare(active[a].ID, active[b].ID))
		})
		for rank, i := range idx {
			tiles[i][dim] = ntile(rank, n, 5)
		}
	}
	for i, c := range active {
		t := tiles[i]
		out = append(out, customersdb.Score{CustomerID: c.ID, R: t[0], F: t[1], M: t[2], Orders: c.Orders, Spent: c.Spent,
			LastOrderAt: c.Last, Segment: string(segmentFor(t[0], t[1], t[2]))})
	}
	slices.SortFunc(out, func(a, b customersdb.Score) int { return cmp.Compare(a.CustomerID, b.CustomerID) })
	return out
}

// SettingWindowDays is the RFM window in days the seller chose.
const SettingWindowDays = "customers.rfm_window_days"

// DefaultWindowDays is the RFM window before the seller chooses one.
const DefaultWindowDays = 365

// Window bounds: a month at least (quintiles of a week's buyers say
// little), ten years at most.
const (
	MinWindowDays = 30
	MaxWindowDays = 3650
)

// WindowDays reads the seller's RFM window.
func (s *Service) WindowDays(ctx context.Context) int {
	v, _ := s.db.Setting(ctx, SettingWindowDays, "")
	if n, err := strconv.Atoi(v); err == nil && n >= MinWindowDays && n <= MaxWindowDays {
		return n
	}
	return DefaultWindowDays
}

// SetWindowDays stores the RFM window and scores again over it.
func (s *Service) SetWindowDays(ctx context.Context, days int) (RFMResult, error) {
	if days < MinWindowDays || days > MaxWindowDays {
		return RFMResult{}, domain.Errorf(domain.CodeInvalid, "The window must be between %d and %d days.", MinWindowDays, MaxWindowDays)
	}
	if err := s.db.SetSetting(ctx, SettingWindowDays, strconv.Itoa(days)); err != nil {
		return RFMResult{}, err
	}
	return s.Recompute(ctx)
}

// RFMResult is what a scoring did.
type RFMResult struct {
	Month      string         `json:"month"`
	At         time.Time      `json:"at"`
	WindowDays int            `json:"windowDays"`
	Scored     int            `json:"scored"`
	Counts     map[string]int `json:"counts"`
	// Backfilled names last month when its snapshot was made from the
	// orders now, there being none from then (the first scoring).
	Backfilled string  `json:"backfilled,omitempty"`
	Seconds    float64 `json:"seconds"`
}

// Recompute scores every customer as of now over the seller's window and
// counts the seller's segments again; imports call it when they finish.
// Months are kept as snapshots: at the first scoring of a month, the
// scores as they stand (the previous scoring's, the last of its month)
// become that month's; at the very first scoring, last month's is made
// from the orders as they stood at its end, so movement shows at once.
func (s *Service) Recompute(ctx context.Context) (RFMResult, error) {
	s.scoring.Lock()
	defer s.scoring.Unlock()
	start := time.Now()
	now := s.clk.Now().UTC().Truncate(time.Second)
	loc := s.db.Location(ctx)
	window := s.WindowDays(ctx)
	month := now.In(loc).Format("2006-01")
	res := RFMResult{Month: month, At: now, WindowDays: window}
	latest, had, err := s.db.LatestRFMRun(ctx)
	switch {
	case err != nil:
		return res, err
	case had && latest.Month < month:
		if err := s.db.CloseMonth(ctx, latest.Month); err != nil {
			return res, err
		}
	case !had:
		// Last month ended when this one began, in the shop's time zone.
		local := now.In(loc)
		end := time.Date(local.Year(), local.Month(), 1, 0, 0, 0, 0, loc).Add(-time.Second)
		prev := end.Format("2006-01")
		scores, err := s.scores(ctx, end.UTC(), window)
		if err != nil {
			return res, err
		}
		if err := s.db.SaveMonth(ctx, customersdb.RFMRun{Month: prev, At: end.Unix(), WindowDays: window, Scored: len(scores)}, scores); err != nil {
			return res, err
		}
		res.Backfilled = prev
	}
	scores, err := s.scores(ctx, now, window)
	if err != nil {
		return res, err
	}
	prev, err := s.db.RFMPrevious(ctx)
	if err != nil {
		return res, err
	}
	// A customer keeps "since" while their segment stays.
	for i := range scores {
		sc := &scores[i]
		if p, ok := prev[sc.CustomerID]; ok && p.Segment == sc.Segment {
			sc.Since = p.Since
		} else {
			sc.Since = now.Unix()
		}
	}
	if err := s.db.SaveScores(ctx, customersdb.RFMRun{Month: month, At: now.Unix(), WindowDays: window, Scored: len(scores)}, scores, prev); err != nil {
		return res, err
	}
	res.Scored = len(scores)
	res.Counts = map[string]int{}
	for _, sc := range scores {
		res.Counts[sc.Segment]++
	}
	if err := s.countSegments(ctx, month); err != nil {
		return res, err
	}
	res.Seconds = time.Since(start).Seconds()
	return res, nil
}

// scores scores the customers as of at over window days.
func (s *Service) scores(ctx context.Context, at time.Time, window int) ([]customersdb.Score, error) {
	in, err := s.db.RFMInputs(ctx, at.AddDate(0, 0, -window).Unix(), at.Unix())
	if err != nil {
		return nil, err
	}
	return score(in), nil
}

// Scores is one customer's RFM scoring for the customer page.
type Scores struct {
	R          int            `json:"r"`
	F          int            `json:"f"`
	M          int            `json:"m"`
	Segment    Segment        `json:"segment"`
	Label      string         `json:"label"`
	Since      time.Time      `json:"since"`
	Orders     int64          `json:"orders"` // in the window
	Spent      int64          `json:"spent"`  // in the window
	WindowDays int            `json:"windowDays"`
	ScoredAt   time.Time      `json:"scoredAt"`
	History    []MonthSegment `json:"history"` // newest first
}

// MonthSegment is the customer's segment in one month's snapshot.
type MonthSegment struct {
	Month   string  `json:"month"` // 2026-03
	Segment Segment `json:"segment"`
	Label   string  `json:"label"`
}

// customerScores reads customer id's scoring; nil when they were never
// scored (no order, or no scoring yet).
func (s *Service) customerScores(ctx context.Context, id int64) (*Scores, error) {
	sc, ok, err := s.db.CustomerRFM(ctx, id)
	if err != nil || !ok {
		return nil, err
	}
	run, _, err := s.db.LatestRFMRun(ctx)
	if err != nil {
		return nil, err
	}
	months, err := s.db.CustomerMonths(ctx, id)
	if err != nil {
		return nil, err
	}
	out := &Scores{R: sc.R, F: sc.F, M: sc.M, Segment: Segment(sc.Segment), Label: Segment(sc.Segment).Label(),
		Since: time.Unix(sc.Since, 0).UTC(), Orders: sc.Orders, Spent: sc.Spent, WindowDays: run.WindowDays,
		ScoredAt: time.Unix(run.At, 0).UTC(),
		// This month's is the current scoring; earlier months are snapshots.
		History: []MonthSegment{{Month: run.Month, Segment: Segment(sc.Segment), Label: Segment(sc.Segment).Label()}}}
	for _, m := range months {
		if m.Month >= run.Month {
			continue
		}
		out.History = append(out.History, MonthSegment{Month: m.Month, Segment: Segment(m.Segment), Label: Segment(m.Segment).Label()})
	}
	return out, nil
}
