package customersdb

import (
	"context"
	"database/sql"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/customersdb/internal/queries"
)

// The seller's segments as tags in the connected stores (migration 00063):
// segment_members is kept while some store writes tags back, and who joins
// or leaves a segment becomes a tag mark in the same transaction.

// TagsWrittenBack tells whether some store writes Shopclerk's customer
// tags back, so segment members are worth keeping.
func (s *DB) TagsWrittenBack(ctx context.Context) (bool, error) {
	n, err := s.gen().TagsWrittenBack(ctx)
	if err != nil {
		return false, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the stores' settings")
	}
	return n != 0, nil
}

// ClearSegmentMembers forgets every segment's members: no store writes
// tags back, and when one does again, its first scoring tags every member.
func (s *DB) ClearSegmentMembers(ctx context.Context) error {
	if err := s.gen().SegmentMembersClear(ctx); err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not clear the segments' members")
	}
	return nil
}

// SetSegmentMembers makes ids the members of seg: who left loses the tag
// "segment: NAME" in the stores, who joined gets it, in one transaction.
func (s *DB) SetSegmentMembers(ctx context.Context, seg Segment, ids []int64) error {
	now := s.Now()
	err := s.InTx(ctx, func(tx *sql.Tx) error {
		g := s.gen().WithTx(tx)
		old, err := g.SegmentMemberIDs(ctx, seg.ID)
		if err != nil {
			return err
		}
		was := make(map[int64]bool, len(old))
		for _, id := range old {
			was[id] = true
		}
		mark := func(id int64, added int64) error {
			return g.SegmentMemberMark(ctx, queries.SegmentMemberMarkParams{CustomerID: sql.NullInt64{Int64: id, Valid: true},
				Tag: "segment: " + seg.Name, Added: added, At: now})
		}
		for _, id := range ids {
			if was[id] {
				delete(was, id)
				continue
			}
			if err := g.SegmentMemberAdd(ctx, queries.SegmentMemberAddParams{SegmentID: seg.ID, CustomerID: id}); err != nil {
				return err
			}
			if err := mark(id, 1); err != nil {
				return err
			}
		}
		for id := range was { // left the segment
			if err := g.SegmentMemberRemove(ctx, queries.SegmentMemberRemoveParams{SegmentID: seg.ID, CustomerID: id}); err != nil {
				return err
			}
			if err := mark(id, 0); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not record who is in the segment "+seg.Name)
	}
	return nil
}
