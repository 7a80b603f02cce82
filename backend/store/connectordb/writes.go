package connectordb

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store"
	"shopclerk/backend/store/connectordb/internal/queries"
)

// The write-back queue (connector_writes): what Shopclerk writes to the
// seller's stores once allowed, made from the coupons issued and the
// receipts booked, so a write is queued once whatever crashes. Begin is
// committed before the store is called and Finish after it answered: a
// write found begun and not finished is resumed by reading the store back
// (or sending the same idempotency key), never sent blind.

// SetWrites saves what Shopclerk may write to a store. Turning holds on
// marks the orders held now, so they are put on hold in the store too.
func (s *DB) SetWrites(ctx context.Context, storeID int64, w domain.StoreWrites) error {
	err := s.InTx(ctx, func(tx *sql.Tx) error {
		q := s.gen().WithTx(tx)
		before, err := q.StoreByID(ctx, storeID)
		if err != nil {
			return err
		}
		err = q.StoreSetWrites(ctx, queries.StoreSetWritesParams{ID: storeID, PushCoupons: int64(store.BoolInt(w.Coupons)), PushStock: int64(store.BoolInt(w.Stock)),
			PushTags: int64(store.BoolInt(w.Tags)), PushHolds: int64(store.BoolInt(w.Holds))})
		if err != nil || !w.Holds || before.PushHolds != 0 {
			return err
		}
		return q.MarksHeldNow(ctx, s.Now())
	})
	if err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not save the store's switches")
	}
	return nil
}

// Sweep queues what is new to write to a store: coupons issued (still
// valid, unused), receipts booked, tags set and holds placed or released
// since the last sweep, for the writes switched on.
func (s *DB) Sweep(ctx context.Context, storeID int64) error {
	now := s.Now()
	err := s.InTx(ctx, func(tx *sql.Tx) error {
		q := s.gen().WithTx(tx)
		if err := q.WritesSweepCoupons(ctx, queries.WritesSweepCouponsParams{StoreID: storeID, Now: now}); err != nil {
			return err
		}
		if err := q.StoreCouponsSwept(ctx, storeID); err != nil {
			return err
		}
		if err := q.WritesSweepStock(ctx, queries.WritesSweepStockParams{StoreID: storeID, Now: now}); err != nil {
			return err
		}
		if err := q.StoreStockSwept(ctx, storeID); err != nil {
			return err
		}
		return sweepMarks(ctx, q, storeID, now)
	})
	if err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not queue what to write to the store")
	}
	return nil
}

// DueWrite is a queued write whose time has come.
type DueWrite struct {
	ID       int64
	Kind     domain.WriteKind
	SourceID int64
	Subject  string
	// Attempt is what the last try sent (JSON; "" before the first), and
	// Resumed says a try began: it may have reached the store.
	Attempt string
	Resumed bool
	// Tries counts the tries that began.
	Tries int
}

// DueWrites lists a store's writes due now, oldest first.
func (s *DB) DueWrites(ctx context.Context, storeID int64, max int) ([]DueWrite, error) {
	rows, err := s.gen().WritesDue(ctx, queries.WritesDueParams{StoreID: storeID, Now: s.Now(), MaxRows: int64(max)})
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the write-back queue")
	}
	out := make([]DueWrite, 0, len(rows))
	for _, r := range rows {
		out = append(out, DueWrite{ID: r.ID, Kind: domain.WriteKind(r.Kind), SourceID: r.SourceID, Subject: r.Subject, Attempt: r.Attempt,
			Resumed: r.Tries > 0, Tries: int(r.Tries)})
	}
	return out, nil
}

// Coupon is a coupon to write to a store, with its customer.
type Coupon struct {
	Code         string
	PercentOff   int
	AmountOff    int64
	Currency     string
	FreeShipping bool
	MinSpend     int64
	IssuedAt     time.Time
	ExpiresAt    *time.Time
	// The customer it is for: their email, and where their record came from.
	Email              string
	CustomerSource     domain.Source
	CustomerExternalID string
}

// CouponToWrite reads the coupon a write stands for.
func (s *DB) CouponToWrite(ctx context.Context, couponID int64) (Coupon, error) {
	r, err := s.gen().WriteCoupon(ctx, couponID)
	if err != nil {
		return Coupon{}, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the coupon to write")
	}
	return Coupon{Code: r.Code, PercentOff: int(r.PercentOff), AmountOff: r.AmountOff, Currency: r.Currency, FreeShipping: r.FreeShipping != 0,
		MinSpend: r.MinSpend, IssuedAt: time.Unix(r.IssuedAt, 0).UTC(), ExpiresAt: store.FromUnix(r.ExpiresAt), Email: r.Email,
		CustomerSource: domain.Source(r.CustomerSource), CustomerExternalID: r.CustomerExternalID}, nil
}

// Receipt is stock booked in, to add in a store.
type Receipt struct {
	SKU, Location string
	Delta         int
}

// ReceiptToWrite reads the receipt a write stands for.
func (s *DB) ReceiptToWrite(ctx context.Context, changeID int64) (Receipt, error) {
	r, err := s.gen().WriteStockChange(ctx, changeID)
	if err != nil {
		return Receipt{}, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the receipt to write")
	}
	return Receipt{SKU: r.Sku, Location: r.Location, Delta: int(r.After - r.Before.Int64)}, nil
}

// BeginWrite records, before the store is called, what this try sends.
func (s *DB) BeginWrite(ctx context.Context, id int64, attempt string) error {
	if err := s.gen().WriteBegin(ctx, queries.WriteBeginParams{ID: id, Attempt: attempt}); err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not record the write it is about to make")
	}
	return nil
}

// FinishWrite records a write's outcome: done (with the store's id for
// the record) or skipped, with a note.
func (s *DB) FinishWrite(ctx context.Context, id int64, status domain.WriteStatus, remoteID, note string) error {
	err := s.gen().WriteFinish(context.WithoutCancel(ctx), queries.WriteFinishParams{ID: id, Status: string(status), RemoteID: remoteID, Note: note,
		DoneAt: sql.NullInt64{Int64: s.Now(), Valid: true}})
	if err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not record the write it made")
	}
	return nil
}

// WaitWrite puts a write back to wait until next, saying why.
func (s *DB) WaitWrite(ctx context.Context, id int64, why string, next time.Time) error {
	if err := s.gen().WriteWait(context.WithoutCancel(ctx), queries.WriteWaitParams{ID: id, LastError: why, NextAt: next.Unix()}); err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not record why a write waits")
	}
	return nil
}

// RetryWritesNow makes a store's waiting writes due now (the seller fixed
// what they waited for).
func (s *DB) RetryWritesNow(ctx context.Context, storeID int64) error {
	if err := s.gen().WritesRetryNow(ctx, queries.WritesRetryNowParams{StoreID: storeID, Now: s.Now()}); err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not retry the store's writes")
	}
	return nil
}

// CouponWait is a store a message's coupon must still be written to.
type CouponWait struct {
	Code, Store, LastError string
}

// CouponWaits lists the stores where the coupon a message shows (the
// newest issued under its ledger key prefix) is not written yet.
func (s *DB) CouponWaits(ctx context.Context, prefix string) ([]CouponWait, error) {
	rows, err := s.gen().CouponWaits(ctx, queries.CouponWaitsParams{Prefix: sql.NullString{String: prefix, Valid: true},
		Now: sql.NullInt64{Int64: s.Now(), Valid: true}})
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not check the email's coupon")
	}
	out := make([]CouponWait, 0, len(rows))
	for _, r := range rows {
		out = append(out, CouponWait{Code: r.Code, Store: r.StoreName, LastError: r.LastError})
	}
	return out, nil
}

// Writes lists the write-back queue, newest first (storeID 0: every store's).
func (s *DB) Writes(ctx context.Context, storeID int64, limit int) ([]domain.StoreWrite, error) {
	if limit <= 0 {
		limit = 50
	}
	rows, err := s.gen().WriteList(ctx, queries.WriteListParams{StoreID: storeID, MaxRows: int64(limit)})
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the write-back queue")
	}
	out := make([]domain.StoreWrite, 0, len(rows))
	for _, r := range rows {
		out = append(out, domain.StoreWrite{ID: r.ID, StoreID: r.StoreID, StoreName: r.StoreName, Kind: domain.WriteKind(r.Kind), Subject: r.Subject,
			Status: domain.WriteStatus(r.Status), Tries: int(r.Tries), LastError: r.LastError, Note: r.Note, RemoteID: r.RemoteID,
			NextAt: time.Unix(r.NextAt, 0).UTC(), CreatedAt: time.Unix(r.CreatedAt, 0).UTC(), DoneAt: store.FromUnix(r.DoneAt)})
	}
	return out, nil
}

// WritesWaiting counts a store's writes not yet made, with the newest
// reason one waits for.
func (s *DB) WritesWaiting(ctx context.Context, storeID int64) (int, string, error) {
	r, err := s.gen().WritesWaiting(ctx, storeID)
	if err != nil {
		return 0, "", domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the write-back queue")
	}
	return int(r.Waiting), r.LastError, nil
}
