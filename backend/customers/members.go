package customers

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"shopclerk/backend/domain"
)

// SegmentAll is the audience of every customer.
const SegmentAll = "all"

// SegmentChoice is an audience a campaign can go to: every customer, an RFM
// segment (its key) or one of the seller's segments ("seg:<id>").
type SegmentChoice struct {
	Key  string `json:"key"`
	Name string `json:"name"`
	Kind string `json:"kind"` // all, rfm or yours
}

// SegmentChoices lists every audience, the seller's segments whose
// condition compiles among them.
func (s *Service) SegmentChoices(ctx context.Context) ([]SegmentChoice, error) {
	out := []SegmentChoice{{Key: SegmentAll, Name: "All customers", Kind: "all"}}
	for _, seg := range Segments {
		out = append(out, SegmentChoice{Key: string(seg), Name: seg.Label(), Kind: "rfm"})
	}
	segs, err := s.db.Segments(ctx)
	if err != nil {
		return nil, err
	}
	for _, seg := range segs {
		if _, ce := compileSegment(seg.Condition); ce == nil {
			out = append(out, SegmentChoice{Key: "seg:" + strconv.FormatInt(seg.ID, 10), Name: seg.Name, Kind: "yours"})
		}
	}
	return out, nil
}

// ResolveSegment finds an audience by its key or its name (any case), so a
// command line can say --segment "At risk" or --segment at_risk.
func (s *Service) ResolveSegment(ctx context.Context, keyOrName string) (SegmentChoice, error) {
	choices, err := s.SegmentChoices(ctx)
	if err != nil {
		return SegmentChoice{}, err
	}
	want := strings.TrimSpace(keyOrName)
	for _, c := range choices {
		if c.Key == want || strings.EqualFold(c.Name, want) {
			return c, nil
		}
	}
	names := make([]string, len(choices))
	for i, c := range choices {
		names[i] = fmt.Sprintf("%q", c.Name)
	}
	return SegmentChoice{}, domain.Errorf(domain.CodeInvalid, "there is no segment %q; choose one of %s", want, strings.Join(names, ", "))
}

// EachInSegments calls fn with every customer (erased ones aside) and which
// of the audiences keys they are in, in one pass over the customers. A shop
// never scored (a demo shop, one from before segments) is scored first, as
// the Segments screen does, so an RFM segment is not empty for want of it.
func (s *Service) EachInSegments(ctx context.Context, keys []string, fn func(c domain.Customer, in []bool) error) error {
	if err := s.ensureScored(ctx); err != nil {
		return err
	}
	var srcs []string
	cond := make([]int, len(keys)) // index into the matcher's conditions, or -1
	for i, k := range keys {
		cond[i] = -1
		idText, ok := strings.CutPrefix(k, "seg:")
		if !ok {
			continue
		}
		id, err := strconv.ParseInt(idText, 10, 64)
		if err != nil {
			return domain.Errorf(domain.CodeInvalid, "%q is not a segment", k)
		}
		seg, err := s.db.Segment(ctx, id)
		if err != nil {
			return err
		}
		cond[i] = len(srcs)
		srcs = append(srcs, seg.Condition)
	}
	m, err := s.newMatcher(ctx, srcs, true)
	if err != nil {
		return err
	}
	hit := make([]bool, len(srcs))
	in := make([]bool, len(keys))
	return s.db.EachCustomer(ctx, func(c domain.Customer, rfm string) error {
		if len(srcs) > 0 {
			if err := m.match(c, rfm, hit); err != nil {
				return err
			}
		}
		for i, k := range keys {
			switch {
			case k == SegmentAll:
				in[i] = true
			case cond[i] >= 0:
				in[i] = hit[cond[i]]
			default:
				in[i] = rfm == k
			}
		}
		return fn(c, in)
	})
}
