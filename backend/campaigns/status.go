package campaigns

import (
	"context"
	"fmt"

	"shopclerk/backend/store/campaignsdb"
)

// Winner chooses between the sample's versions by the share of each half
// that redeemed its coupon (or replied). A tie, none at all included, goes
// to A, the seller's first version: with no evidence either way, the
// campaign sends what the seller wrote first.
func Winner(counts []campaignsdb.VariantCount, by DecideBy) (winner, why string) {
	var n, hits [2]int
	for _, v := range counts {
		i := -1
		switch v.Group {
		case campaignsdb.GroupA:
			i = 0
		case campaignsdb.GroupB:
			i = 1
		}
		if i < 0 {
			continue
		}
		n[i] += v.Recipients
		if by == ByReplies {
			hits[i] += v.Replied
		} else {
			hits[i] += v.Redeemed
		}
	}
	what := "redeemed their coupon"
	if by == ByReplies {
		what = "replied"
	}
	part := func(i int) string {
		return fmt.Sprintf("%d of %d %s (%s)", hits[i], n[i], what, pct(hits[i], n[i]))
	}
	// hits[0]/n[0] against hits[1]/n[1], multiplied out: no rounding.
	a, b := hits[0]*n[1], hits[1]*n[0]
	switch {
	case b > a:
		return "B", fmt.Sprintf("B won: %s, against %s for A", part(1), part(0))
	case a > b:
		return "A", fmt.Sprintf("A won: %s, against %s for B", part(0), part(1))
	}
	return "A", fmt.Sprintf("A tie (%s for A, %s for B) goes to A, the first version", part(0), part(1))
}

func pct(k, n int) string {
	if n == 0 {
		return "0 %"
	}
	return fmt.Sprintf("%.1f %%", float64(k)*100/float64(n))
}

// Get reads a campaign with its progress and results.
func (s *Service) Get(ctx context.Context, id int64) (Campaign, error) {
	row, err := s.db.Get(ctx, id)
	if err != nil {
		return Campaign{}, err
	}
	return s.campaign(ctx, row)
}

// List returns the newest campaigns with their progress.
func (s *Service) List(ctx context.Context) ([]Campaign, error) {
	rows, err := s.db.List(ctx, 200)
	if err != nil {
		return nil, err
	}
	out := make([]Campaign, 0, len(rows))
	for _, r := range rows {
		c, err := s.campaign(ctx, r)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// Cancel gives up a draft.
func (s *Service) Cancel(ctx context.Context, id int64) error { return s.db.Cancel(ctx, id) }

func (s *Service) campaign(ctx context.Context, r campaignsdb.Campaign) (Campaign, error) {
	sp := specOf(r)
	c := Campaign{ID: r.ID, Name: r.Name, Segment: r.Segment, SegmentName: r.Segment, Template: r.Template, SubjectA: r.SubjectA,
		SubjectB: r.SubjectB, Coupon: sp.Coupon, SamplePct: r.SamplePct, DecideBy: DecideBy(r.DecideBy), SendAt: r.SendAt,
		Status: string(r.Status), Audience: r.Audience, Skipped: r.Skipped, SampleAt: r.SampleAt, DecideAt: r.DecideAt,
		Winner: r.Winner, Decision: r.Decision, CreatedAt: r.CreatedAt, Variants: []Variant{}, Parts: []Part{},
		Currency: s.opt.Settings(ctx).Currency}
	if ch, err := s.aud.ResolveSegment(ctx, r.Segment); err == nil {
		c.SegmentName = ch.Name
	}
	switch {
	case r.BodyB != "":
		c.Test = "content"
	case r.SubjectB != "":
		c.Test = "subject"
	}
	if c.Test != "" {
		c.DecideAfter = r.DecideAfter.String()
	}
	counts, err := s.db.Counts(ctx, r.ID)
	if err != nil {
		return c, err
	}
	parts := map[string]*Part{}
	vars := map[string]*Variant{}
	total, sent := 0, 0
	for _, v := range counts {
		g := v.Group
		if g == campaignsdb.GroupRest {
			g = "rest"
		}
		p := parts[g]
		if p == nil {
			p = &Part{Group: g}
			parts[g] = p
		}
		p.Recipients += v.Recipients
		p.Queued += v.Queued
		p.Sent += v.Sent
		p.Failed += v.Failed
		total += v.Recipients
		sent += v.Sent + v.Failed
		if v.Variant == "" {
			continue
		}
		x := vars[v.Variant]
		if x == nil {
			x = &Variant{Name: v.Variant, Subject: r.SubjectA}
			if v.Variant == "B" && r.SubjectB != "" {
				x.Subject = r.SubjectB
			}
			vars[v.Variant] = x
		}
		x.Queued += v.Queued
		x.Sent += v.Sent
		x.Redeemed += v.Redeemed
		x.Revenue += v.Revenue
		x.Replied += v.Replied
	}
	for _, g := range []string{"A", "B", "rest"} {
		if p := parts[g]; p != nil {
			c.Parts = append(c.Parts, *p)
		}
	}
	for _, v := range []string{"A", "B"} {
		if x := vars[v]; x != nil {
			c.Variants = append(c.Variants, *x)
		}
	}
	switch {
	case r.SampleAt != nil && r.SampleAt.After(s.clk.Now()):
		c.Status = "scheduled" // planned; the outbox holds the emails until then
	case r.Status == campaignsdb.StatusSending && total > 0 && sent == total:
		c.Status = "sent"
	}
	return c, nil
}
