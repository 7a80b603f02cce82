package connectordb

import (
	"context"
	"database/sql"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store"
	"shopclerk/backend/store/connectordb/internal/queries"
)

// Page is what a synced page writes beside its records, inside the page's
// transaction.
type Page struct {
	ctx     context.Context
	q       *queries.Queries
	storeID int64
	runID   int64
	now     int64
	deleted int
}

// Seen records that this sync read the store's record, so a later full
// sync can tell which of the store's records it no longer lists. A record
// seen again is no longer marked deleted.
func (p *Page) Seen(source domain.Source, kind, externalID string) error {
	if err := p.q.SeenPut(p.ctx, queries.SeenPutParams{StoreID: p.storeID, Kind: kind, ExternalID: externalID, RunID: p.runID}); err != nil {
		return err
	}
	return p.q.DeletionClear(p.ctx, queries.DeletionClearParams{Source: string(source), Kind: kind, ExternalID: externalID})
}

// Shipment records a parcel of an order written in this page (or before),
// by the order's natural key. A shipment the order does not have yet is
// added; one whose status, link or carrier changed is updated.
func (p *Page) Shipment(source domain.Source, externalID string, sh domain.Shipment) error {
	shipped := sh.ShippedAt
	if shipped.IsZero() {
		shipped = time.Unix(p.now, 0)
	}
	updated := sh.UpdatedAt
	if updated.IsZero() {
		updated = shipped
	}
	var delivered sql.NullInt64
	if sh.DeliveredAt != nil {
		delivered = sql.NullInt64{Int64: sh.DeliveredAt.Unix(), Valid: true}
	}
	return p.q.ShipmentUpsert(p.ctx, queries.ShipmentUpsertParams{Carrier: sh.Carrier, TrackingNumber: sh.TrackingNumber,
		TrackingUrl: sh.TrackingURL, Status: string(sh.Status), ShippedAt: shipped.Unix(), DeliveredAt: delivered,
		UpdatedAt: updated.Unix(), Source: string(source), ExternalID: externalID})
}

// Deleted marks a record the store says it deleted. The record stays.
func (p *Page) Deleted(source domain.Source, kind, externalID string, at time.Time) error {
	n, err := p.q.DeletionPut(p.ctx, queries.DeletionPutParams{Source: string(source), Kind: kind, ExternalID: externalID,
		StoreID: p.storeID, DeletedAt: at.Unix()})
	p.deleted += int(n)
	return err
}

// ApplyPage writes one page of a store's records in one transaction: fn
// hands the records to the sink (the same batch Writer a file import
// uses) and the rest to the Page; the resource's high-water mark moves to
// mark in the same commit (a zero mark leaves it). The mark never moves
// back. meta names the batch in the import history.
func (s *DB) ApplyPage(ctx context.Context, storeID, runID int64, resource string, meta domain.BatchMeta, mark time.Time,
	fn func(domain.RecordSink, *Page) error) (domain.Counts, int, error) {
	var deleted int
	_, counts, err := s.imports.ApplyBatchTx(ctx, meta, func(sink domain.RecordSink, tx *sql.Tx) error {
		p := &Page{ctx: ctx, q: s.gen().WithTx(tx), storeID: storeID, runID: runID, now: s.Now()}
		if err := fn(sink, p); err != nil {
			return err
		}
		deleted = p.deleted
		if mark.IsZero() {
			return nil
		}
		return p.q.MarkPut(ctx, queries.MarkPutParams{StoreID: storeID, Resource: resource, HighWater: mark.Unix(), SyncedAt: p.now})
	})
	if err != nil {
		return domain.Counts{}, 0, err
	}
	return counts, deleted, nil
}

// MarkUnseenDeleted marks deleted the records of kind the store delivered
// before but a full sync (run runID) no longer listed, and says how many.
func (s *DB) MarkUnseenDeleted(ctx context.Context, storeID, runID int64, source domain.Source, kind string) (int, error) {
	n, err := s.gen().DeletionsFromUnseen(ctx, queries.DeletionsFromUnseenParams{Source: string(source), DeletedAt: s.Now(),
		StoreID: storeID, Kind: kind, RunID: runID})
	if err != nil {
		return 0, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not mark the orders the store deleted")
	}
	return int(n), nil
}

// StartRun opens a line of the sync history. A line of the same store still
// open was cut off (the caller keeps to one sync of a store at a time) and
// is closed as interrupted.
func (s *DB) StartRun(ctx context.Context, storeID int64, full bool) (int64, error) {
	if err := s.gen().RunsInterrupted(ctx, queries.RunsInterruptedParams{StoreID: storeID, FinishedAt: sql.NullInt64{Int64: s.Now(), Valid: true}}); err != nil {
		return 0, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not record the sync")
	}
	id, err := s.gen().RunStart(ctx, queries.RunStartParams{StoreID: storeID, Full: int64(store.BoolInt(full)), StartedAt: s.Now()})
	if err != nil {
		return 0, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not record the sync")
	}
	return id, nil
}

// FinishRun closes a line of the sync history. It runs on its own, after
// the pages' transactions, so a failed sync is still recorded.
func (s *DB) FinishRun(ctx context.Context, run domain.SyncRun) error {
	err := s.gen().RunFinish(context.WithoutCancel(ctx), queries.RunFinishParams{ID: run.ID, Status: run.Status,
		Created: int64(run.Counts.Created), Updated: int64(run.Counts.Updated), Unchanged: int64(run.Counts.Unchanged),
		Deleted: int64(run.Deleted), Message: run.Message, FinishedAt: sql.NullInt64{Int64: s.Now(), Valid: true}})
	if err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not record the sync")
	}
	return nil
}

// Runs lists the sync history, newest first; storeID 0 lists every store's.
func (s *DB) Runs(ctx context.Context, storeID int64, limit int) ([]domain.SyncRun, error) {
	if limit <= 0 {
		limit = 50
	}
	rows, err := s.gen().RunList(ctx, queries.RunListParams{StoreID: storeID, MaxRows: int64(limit)})
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the sync history")
	}
	out := make([]domain.SyncRun, 0, len(rows))
	for _, r := range rows {
		out = append(out, domain.SyncRun{ID: r.ID, StoreID: r.StoreID, StoreName: r.StoreName, Full: r.Full != 0, Status: r.Status,
			Counts:  domain.Counts{Created: int(r.Created), Updated: int(r.Updated), Unchanged: int(r.Unchanged)},
			Deleted: int(r.Deleted), Message: r.Message, StartedAt: time.Unix(r.StartedAt, 0).UTC(), FinishedAt: store.FromUnix(r.FinishedAt)})
	}
	return out, nil
}

// Deletions lists what a store said it deleted, oldest first.
func (s *DB) Deletions(ctx context.Context, storeID int64) ([]Deletion, error) {
	rows, err := s.gen().DeletionList(ctx, storeID)
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the store's deletions")
	}
	out := make([]Deletion, 0, len(rows))
	for _, r := range rows {
		out = append(out, Deletion{Source: domain.Source(r.Source), Kind: r.Kind, ExternalID: r.ExternalID, DeletedAt: time.Unix(r.DeletedAt, 0).UTC()})
	}
	return out, nil
}

// Deletion is a record its store deleted; the shop keeps it.
type Deletion struct {
	Source     domain.Source `json:"source"`
	Kind       string        `json:"kind"`
	ExternalID string        `json:"externalId"`
	DeletedAt  time.Time     `json:"deletedAt"`
}

// CartRecoveryURL is the link that takes a cart's buyer back to their
// checkout, as the store sync brought it ("" when none).
func (s *DB) CartRecoveryURL(ctx context.Context, source domain.Source, externalID string) (string, error) {
	u, err := s.gen().CartRecoveryURL(ctx, queries.CartRecoveryURLParams{Source: string(source), ExternalID: externalID})
	if err != nil && err != sql.ErrNoRows {
		return "", domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the cart")
	}
	return u, nil
}
