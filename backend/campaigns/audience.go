package campaigns

import (
	"context"
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"time"

	"shopclerk/backend/domain"
)

// Why a member of the segment is left out.
const (
	SkipNoConsent  = "no marketing consent"
	SkipSuppressed = "address suppressed"
	SkipNoEmail    = "no email address"
	SkipCap        = "weekly email cap reached"
)

// Audience is who a campaign to a segment would reach now.
type Audience struct {
	Segment     string         `json:"segment"`
	SegmentName string         `json:"segmentName"`
	Members     int            `json:"members"`
	Sendable    int            `json:"sendable"`
	Skipped     map[string]int `json:"skipped"`
	// Note says who is left out, in the seller's words ("312 of 1,020 have
	// not agreed to marketing email").
	Note string `json:"note"`

	ids []int64 // the sendable customers, in id order
	one *domain.Customer
}

// SegmentAudience is a segment with the count a campaign may reach.
type SegmentAudience struct {
	Key      string `json:"key"`
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	Members  int    `json:"members"`
	Sendable int    `json:"sendable"`
}

// gate is what decides, for each member, whether they may get marketing
// email now: consent, the suppression list, the weekly cap.
type gate struct {
	suppressed map[string]bool
	recent     map[int64]int
	cap        int
}

func (s *Service) gate(ctx context.Context, now time.Time) (*gate, error) {
	set := s.opt.Settings(ctx)
	sup, err := s.db.Suppressed(ctx)
	if err != nil {
		return nil, err
	}
	g := &gate{suppressed: sup, cap: set.WeeklyCap}
	if g.cap > 0 {
		if g.recent, err = s.db.MarketingSince(ctx, now.Add(-7*24*time.Hour)); err != nil {
			return nil, err
		}
	}
	return g, nil
}

// why says why c may not get the campaign, or "".
func (g *gate) why(c domain.Customer) string {
	switch {
	case c.Email == "":
		return SkipNoEmail
	case g.suppressed[c.Email]:
		return SkipSuppressed
	case !c.AcceptsMarketing:
		return SkipNoConsent
	case g.cap > 0 && g.recent[c.ID] >= g.cap:
		return SkipCap
	}
	return ""
}

// Segments lists every audience with its members and how many of them a
// campaign may reach now (the create form's picker).
func (s *Service) Segments(ctx context.Context) ([]SegmentAudience, error) {
	choices, err := s.aud.SegmentChoices(ctx)
	if err != nil {
		return nil, err
	}
	g, err := s.gate(ctx, s.clk.Now())
	if err != nil {
		return nil, err
	}
	keys := make([]string, len(choices))
	out := make([]SegmentAudience, len(choices))
	for i, c := range choices {
		keys[i] = c.Key
		out[i] = SegmentAudience{Key: c.Key, Name: c.Name, Kind: c.Kind}
	}
	err = s.aud.EachInSegments(ctx, keys, func(c domain.Customer, in []bool) error {
		ok := g.why(c) == ""
		for i, hit := range in {
			if hit {
				out[i].Members++
				if ok {
					out[i].Sendable++
				}
			}
		}
		return nil
	})
	return out, err
}

// Audience counts who a campaign to the segment would reach now.
func (s *Service) Audience(ctx context.Context, segment string) (Audience, error) {
	choice, err := s.aud.ResolveSegment(ctx, segment)
	if err != nil {
		return Audience{}, err
	}
	g, err := s.gate(ctx, s.clk.Now())
	if err != nil {
		return Audience{}, err
	}
	a := Audience{Segment: choice.Key, SegmentName: choice.Name, Skipped: map[string]int{}}
	err = s.aud.EachInSegments(ctx, []string{choice.Key}, func(c domain.Customer, in []bool) error {
		if !in[0] {
			return nil
		}
		a.Members++
		if why := g.why(c); why != "" {
			a.Skipped[why]++
			return nil
		}
		a.ids = append(a.ids, c.ID)
		if a.one == nil {
			cc := c
			a.one = &cc
		}
		return nil
	})
	a.Sendable = len(a.ids)
	a.Note = a.note()
	return a, err
}

// note says who is left out and why, consent first: the law asks for it.
func (a Audience) note() string {
	if a.Members == 0 {
		return fmt.Sprintf("%s has no customers.", a.SegmentName)
	}
	out := ""
	for _, why := range []string{SkipNoConsent, SkipSuppressed, SkipCap, SkipNoEmail} {
		n := a.Skipped[why]
		if n == 0 {
			continue
		}
		if out != "" {
			out += "; "
		}
		of := fmt.Sprintf("%s of %s", count(n), count(a.Members))
		switch why {
		case SkipNoConsent:
			out += fmt.Sprintf("%s %s not agreed to marketing email", of, verb(n, "has", "have"))
		case SkipSuppressed:
			out += fmt.Sprintf("%s %s unsubscribed or bounced", of, verb(n, "has", "have"))
		case SkipCap:
			out += fmt.Sprintf("%s got as much marketing email this week as your weekly cap allows", of)
		case SkipNoEmail:
			out += fmt.Sprintf("%s %s no email address", of, verb(n, "has", "have"))
		}
	}
	if out == "" {
		return fmt.Sprintf("All %s can get it.", count(a.Members))
	}
	return out + fmt.Sprintf(": %s will not get it.", verb(a.Members-a.Sendable, "that one", "they"))
}

// refusal is the error of an audience nobody in which may get the email.
func (a Audience) refusal() error {
	if a.Members == 0 {
		return domain.Errorf(domain.CodeInvalid, "%s has no customers: choose another segment", a.SegmentName)
	}
	return domain.Errorf(domain.CodeInvalid, "nobody in %s can get this campaign: %s", a.SegmentName, a.Note)
}

// split puts the sendable customers into the sample's halves and the rest,
// in an order fixed by the campaign and the customer (so a plan made again
// splits the same way) but unrelated to the customers' ids or ages. Each
// customer is in exactly one group.
func split(campaignID int64, ids []int64, sample int) (a, b, rest []int64) {
	type keyed struct {
		id int64
		h  uint64
	}
	ks := make([]keyed, len(ids))
	for i, id := range ids {
		f := fnv.New64a()
		f.Write([]byte(strconv.FormatInt(campaignID, 10) + "/" + strconv.FormatInt(id, 10)))
		ks[i] = keyed{id, f.Sum64()}
	}
	slices.SortFunc(ks, func(x, y keyed) int {
		if x.h != y.h {
			if x.h < y.h {
				return -1
			}
			return 1
		}
		return int(x.id - y.id)
	})
	for i, k := range ks {
		switch {
		case i >= sample:
			rest = append(rest, k.id)
		case i%2 == 0:
			a = append(a, k.id)
		default:
			b = append(b, k.id)
		}
	}
	return a, b, rest
}

// sampleSize is the test's share of n recipients (A and B together), at
// least one each.
func sampleSize(n, pct int) int {
	k := (n*pct + 99) / 100
	if k < 2 {
		k = 2
	}
	return k
}

func count(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func verb(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
