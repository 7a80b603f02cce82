package customers

import (
	"cmp"
	"context"
	"slices"
	"time"
)

// Overview is the Segments screen: the RFM segments with their counts now
// and at last month's snapshot, the moves between them, and the seller's
// segments.
type Overview struct {
	WindowDays int        `json:"windowDays"`
	ScoredAt   *time.Time `json:"scoredAt"`
	Month      string     `json:"month"`     // the month the counts are of
	LastMonth  string     `json:"lastMonth"` // the snapshot compared with; "" when there is none
	Customers  int        `json:"customers"` // every customer
	Unscored   int        `json:"unscored"`  // customers without an order
	RFM        []RFMCount `json:"rfm"`
	// Moves are the customers who changed segment since last month, the
	// biggest moves first; "" as From is a customer scored for the first
	// time, as To one no longer scored.
	Moves  []Move       `json:"moves"`
	Custom []SegmentDef `json:"custom"`
}

// RFMCount is one RFM segment's size.
type RFMCount struct {
	Segment     Segment `json:"segment"`
	Label       string  `json:"label"`
	Description string  `json:"description"`
	Count       int     `json:"count"`
	LastMonth   int     `json:"lastMonth"`
}

// Move is how many customers went from one segment to another.
type Move struct {
	From      Segment `json:"from"`
	To        Segment `json:"to"`
	FromLabel string  `json:"fromLabel"`
	ToLabel   string  `json:"toLabel"`
	Count     int     `json:"count"`
}

// maxMoves bounds the moves the screen lists.
const maxMoves = 20

// ensureScored scores the customers when they never were.
func (s *Service) ensureScored(ctx context.Context) error {
	if _, ok, err := s.db.LatestRFMRun(ctx); err != nil || ok {
		return err
	}
	_, err := s.Recompute(ctx)
	return err
}

// Overview reads the Segments screen, scoring the customers first when
// they were never scored (a shop from before segments, or a demo shop).
func (s *Service) Overview(ctx context.Context) (Overview, error) {
	if err := s.ensureScored(ctx); err != nil {
		return Overview{}, err
	}
	run, _, err := s.db.LatestRFMRun(ctx)
	if err != nil {
		return Overview{}, err
	}
	at := time.Unix(run.At, 0).UTC()
	o := Overview{WindowDays: run.WindowDays, ScoredAt: &at, Month: run.Month, RFM: []RFMCount{}, Moves: []Move{}}
	if o.Customers, err = s.db.CustomerCount(ctx); err != nil {
		return o, err
	}
	now, err := s.db.RFMCounts(ctx)
	if err != nil {
		return o, err
	}
	prev, had, err := s.db.RFMRunBefore(ctx, run.Month)
	if err != nil {
		return o, err
	}
	before := map[string]int{}
	if had {
		o.LastMonth = prev.Month
		if before, err = s.db.RFMMonthCounts(ctx, prev.Month); err != nil {
			return o, err
		}
		moves, err := s.db.RFMMoves(ctx, prev.Month)
		if err != nil {
			return o, err
		}
		for _, m := range moves {
			if m.From != m.To {
				o.Moves = append(o.Moves, Move{From: Segment(m.From), To: Segment(m.To), FromLabel: labelOf(m.From),
					ToLabel: labelOf(m.To), Count: m.Count})
			}
		}
		slices.SortFunc(o.Moves, func(a, b Move) int {
			return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
		})
		o.Moves = o.Moves[:min(len(o.Moves), maxMoves)]
	}
	scored := 0
	for _, seg := range Segments {
		n := now[string(seg)]
		scored += n
		o.RFM = append(o.RFM, RFMCount{Segment: seg, Label: seg.Label(), Description: seg.Describe(), Count: n, LastMonth: before[string(seg)]})
	}
	o.Unscored = max(o.Customers-scored, 0)
	o.Custom, err = s.SellerSegments(ctx)
	return o, err
}
