package customersdb

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store"
	"shopclerk/backend/store/customersdb/internal/queries"
)

// Segment is one of the seller's segments as stored.
type Segment struct {
	ID        int64
	Name      string
	Condition string
	Members   int
	CountedAt *time.Time
	CreatedAt time.Time
	UpdatedAt time.Time
}

func segmentOf(r queries.Segment) Segment {
	return Segment{ID: r.ID, Name: r.Name, Condition: r.Condition, Members: int(r.Members), CountedAt: store.FromUnix(r.CountedAt),
		CreatedAt: time.Unix(r.CreatedAt, 0).UTC(), UpdatedAt: time.Unix(r.UpdatedAt, 0).UTC()}
}

// Segments lists the seller's segments by name.
func (s *DB) Segments(ctx context.Context) ([]Segment, error) {
	rows, err := s.gen().SegmentList(ctx)
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read your segments")
	}
	out := make([]Segment, len(rows))
	for i, r := range rows {
		out[i] = segmentOf(r)
	}
	return out, nil
}

// Segment reads one segment.
func (s *DB) Segment(ctx context.Context, id int64) (Segment, error) {
	r, err := s.gen().SegmentGet(ctx, id)
	if errors.Is(err, sql.ErrNoRows) {
		return Segment{}, domain.Errorf(domain.CodeNotFound, "that segment was not found; it may have been deleted")
	}
	if err != nil {
		return Segment{}, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the segment")
	}
	return segmentOf(r), nil
}

// SaveSegment creates (ID 0) or updates a segment with its member count as
// of now, and this month's count; it returns the stored segment.
func (s *DB) SaveSegment(ctx context.Context, seg Segment, month string) (Segment, error) {
	now := s.Now()
	counted := sql.NullInt64{Int64: now, Valid: true}
	err := s.InTx(ctx, func(tx *sql.Tx) error {
		g := s.gen().WithTx(tx)
		if seg.ID == 0 {
			res, err := g.SegmentInsert(ctx, queries.SegmentInsertParams{Name: seg.Name, Condition: seg.Condition, Members: int64(seg.Members), CountedAt: counted})
			if err != nil {
				return err
			}
			seg.ID, _ = res.LastInsertId()
		} else {
			res, err := g.SegmentUpdate(ctx, queries.SegmentUpdateParams{ID: seg.ID, Name: seg.Name, Condition: seg.Condition, Members: int64(seg.Members), CountedAt: counted})
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return domain.Errorf(domain.CodeNotFound, "that segment was not found; it may have been deleted")
			}
		}
		return g.SegmentMonthSet(ctx, queries.SegmentMonthSetParams{Month: month, SegmentID: seg.ID, Members: int64(seg.Members)})
	})
	if err != nil {
		if strings.Contains(err.Error(), "UNIQUE constraint failed") {
			return seg, domain.Errorf(domain.CodeConflict, "A segment called %q exists already; give this one another name.", seg.Name)
		}
		if domain.CodeOf(err) == domain.CodeNotFound {
			return seg, err
		}
		return seg, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not save the segment")
	}
	return s.Segment(ctx, seg.ID)
}

// SetSegmentCount records a segment's member count now and as this month's.
func (s *DB) SetSegmentCount(ctx context.Context, id int64, members int, month string) error {
	err := s.InTx(ctx, func(tx *sql.Tx) error {
		g := s.gen().WithTx(tx)
		if err := g.SegmentSetCount(ctx, queries.SegmentSetCountParams{ID: id, Members: int64(members), CountedAt: sql.NullInt64{Int64: s.Now(), Valid: true}}); err != nil {
			return err
		}
		return g.SegmentMonthSet(ctx, queries.SegmentMonthSetParams{Month: month, SegmentID: id, Members: int64(members)})
	})
	if err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not save the segment's count")
	}
	return nil
}

// SegmentMonthCount is a segment's count in month; ok is false when it was
// not counted that month.
func (s *DB) SegmentMonthCount(ctx context.Context, id int64, month string) (int, bool, error) {
	n, err := s.gen().SegmentMonthGet(ctx, queries.SegmentMonthGetParams{SegmentID: id, Month: month})
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the segment's history")
	}
	return int(n), true, nil
}

// DeleteSegment removes a segment and its monthly counts.
func (s *DB) DeleteSegment(ctx context.Context, id int64) error {
	res, err := s.gen().SegmentDelete(ctx, id)
	if err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not delete the segment")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.Errorf(domain.CodeNotFound, "that segment was not found; it may have been deleted already")
	}
	return nil
}
