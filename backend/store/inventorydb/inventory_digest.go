package inventorydb

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"shopclerk/backend/domain"
)

// QueuedMessage names an outbox message found by its ledger key.
type QueuedMessage struct {
	ID        int64                `json:"id"`
	MessageID string               `json:"messageId"`
	Status    domain.MessageStatus `json:"status"`
}

// MessageByLedger finds the outbox message carrying a ledger key, so a
// once-a-day email (the low-stock digest) can tell it was already queued
// without rendering it again.
func (s *DB) MessageByLedger(ctx context.Context, key string) (QueuedMessage, bool, error) {
	r, err := s.gen().InvDigestMessage(ctx, sql.NullString{String: key, Valid: true})
	if errors.Is(err, sql.ErrNoRows) {
		return QueuedMessage{}, false, nil
	}
	if err != nil {
		return QueuedMessage{}, false, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the outbox")
	}
	return QueuedMessage{ID: r.ID, MessageID: r.MessageID, Status: domain.MessageStatus(r.Status)}, true, nil
}

// StockChange is one recorded stock level of a SKU at a location.
type StockChange struct {
	SKU      string
	Location string
	After    int
	At       time.Time
}

// StockChangesSince lists stock changes from a time, by SKU then time.
func (s *DB) StockChangesSince(ctx context.Context, since time.Time) ([]StockChange, error) {
	return s.stockChanges(ctx, q("InvStockChangesSince"), since.Unix())
}

// SKUStockChangesSince is StockChangesSince for one SKU.
func (s *DB) SKUStockChangesSince(ctx context.Context, sku string, since time.Time) ([]StockChange, error) {
	return s.stockChanges(ctx, q("InvSKUStockChangesSince"), sku, since.Unix())
}

func (s *DB) stockChanges(ctx context.Context, query string, args ...any) ([]StockChange, error) {
	var out []StockChange
	err := s.invEach(ctx, query, args, func(r *sql.Rows) error {
		var c StockChange
		var at int64
		if err := r.Scan(&c.SKU, &c.Location, &c.After, &at); err != nil {
			return err
		}
		c.At = time.Unix(at, 0).UTC()
		out = append(out, c)
		return nil
	})
	return out, err
}
