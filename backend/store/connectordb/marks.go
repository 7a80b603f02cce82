package connectordb

import (
	"context"
	"strings"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/connectordb/internal/queries"
)

// Tags and holds in the write-back queue: store_marks records each tag
// Shopclerk adds or removes on a customer and each hold placed or released,
// in the transaction that makes the change (triggers, and the flows' tag
// step); the sweep turns the marks after a store's high-water mark into
// writes of kind tag and hold.

func sweepMarks(ctx context.Context, q *queries.Queries, storeID, now int64) error {
	if err := q.WritesSweepTags(ctx, queries.WritesSweepTagsParams{StoreID: storeID, Now: now}); err != nil {
		return err
	}
	if err := q.StoreTagsSwept(ctx, storeID); err != nil {
		return err
	}
	if err := q.WritesSweepHolds(ctx, queries.WritesSweepHoldsParams{StoreID: storeID, Now: now}); err != nil {
		return err
	}
	if err := q.StoreHoldsSwept(ctx, storeID); err != nil {
		return err
	}
	_, err := q.MarksPrune(ctx, now-int64(markKeep/time.Second))
	return err
}

// markKeep is how long a mark no store needs any more stays: long enough
// to look into what was written and why, short enough that a shop whose
// flows tag thousands of customers a week keeps a small table. Pruned at
// each sweep (after every sync and each minute of the write-back queue),
// once every store writing tags or holds back has swept past the mark and
// no write made from it waits for a try.
const markKeep = 7 * 24 * time.Hour

// HeldForReview is the order tag a hold puts on an order in the store.
const HeldForReview = "held for review"

// Mark is a tag or a hold to write to a store.
type Mark struct {
	// Hold: the mark is an order's hold (Add: held, else released); for a
	// tag write it stands for the order tag HeldForReview.
	Hold bool
	Tag  string
	Add  bool
	// Email is the tagged customer's; Order and OrderID the held order's
	// name (#1001) and the id its platform gave it.
	Email, Order, OrderID string
	Reason                string
	// Current says Shopclerk still has it so: a tag still on (or still
	// off), an order still held (or released). A write that is not current
	// any more lost its turn to a later one, and is not made.
	Current bool
}

// MarkToWrite reads the mark a tag or hold write stands for.
func (s *DB) MarkToWrite(ctx context.Context, markID int64) (Mark, error) {
	r, err := s.gen().WriteMark(ctx, markID)
	if err != nil {
		return Mark{}, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the tag or hold to write")
	}
	m := Mark{Hold: r.Kind == "hold", Tag: r.Value, Add: r.Added != 0, Email: r.Email, Order: r.OrderName, OrderID: r.OrderExternalID}
	switch {
	case m.Hold:
		m.Tag, m.Reason = HeldForReview, r.Value
		m.Current = (r.Held != 0) == m.Add
	case strings.HasPrefix(m.Tag, "segment: "):
		// An RFM segment, or one of the seller's own (segment_members).
		m.Current = (r.Segment == strings.TrimPrefix(m.Tag, "segment: ") || r.InSegment != 0) == m.Add
	default:
		has := false
		for _, t := range domain.SplitTags(r.Tags) {
			has = has || strings.EqualFold(t, m.Tag)
		}
		m.Current = has == m.Add
	}
	return m, nil
}
