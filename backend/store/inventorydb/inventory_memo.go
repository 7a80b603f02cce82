package inventorydb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/inventorydb/internal/queries"
)

// The reorder memo (migration 00028): the last decision made from a SKU's
// sales history, kept with the fingerprint of what it was made from, so a
// low-stock flow re-asking about the same crossing reads no history.

// HistoryPrint says how far the shop's sales and stock history go: it
// changes when an order is added or changed, a line added or stock moved.
func (s *DB) HistoryPrint(ctx context.Context) (string, error) {
	r, err := s.gen().InvHistoryPrint(ctx)
	if err != nil {
		return "", domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the sales history")
	}
	return fmt.Sprintf("%d.%d.%d.%d", r.LastOrder, r.LastUpdate, r.LastLineOrder, r.LastChange), nil
}

// ReorderMemo is the decision remembered for sku under print; false when
// none is, or it was made from other facts.
func (s *DB) ReorderMemo(ctx context.Context, sku, print string) (string, bool, error) {
	advice, err := s.gen().InvReorderMemo(ctx, queries.InvReorderMemoParams{Sku: sku, Print: print})
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read its remembered reorder decisions")
	}
	return advice, true, nil
}

// SaveReorderMemo remembers sku's decision under print, replacing the last.
func (s *DB) SaveReorderMemo(ctx context.Context, sku, print, advice string) error {
	if err := s.gen().InvReorderMemoSave(ctx, queries.InvReorderMemoSaveParams{Sku: sku, Print: print, Advice: advice}); err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not remember a reorder decision")
	}
	return nil
}
