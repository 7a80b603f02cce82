package inventorydb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"shopclerk/backend/store"
	"shopclerk/backend/store/inventorydb/internal/queries"
	"time"

	"shopclerk/backend/domain"
)

// PONumber is the order number printed on the documents.
func PONumber(id int64) string { return fmt.Sprintf("PO-%06d", id) }

func scanPO(r store.Scanner) (domain.PurchaseOrder, error) {
	var po domain.PurchaseOrder
	var created int64
	var sent, expected, received sql.NullInt64
	err := r.Scan(&po.ID, &po.SupplierID, &po.SupplierName, &po.SupplierEmail, &po.Status, &po.Currency, &po.Note,
		&created, &sent, &expected, &received, &po.Location, &po.MessageID)
	po.Number = PONumber(po.ID)
	po.CreatedAt = time.Unix(created, 0).UTC()
	po.SentAt, po.ExpectedAt, po.ReceivedAt = store.FromUnix(sent), store.FromUnix(expected), store.FromUnix(received)
	po.Lines = []domain.PurchaseOrderLine{}
	return po, err
}

func getPO(ctx context.Context, db store.Queryer, id int64) (domain.PurchaseOrder, error) {
	po, err := scanPO(db.QueryRowContext(ctx, q("InvPOGet"), id))
	if errors.Is(err, sql.ErrNoRows) {
		return po, domain.Errorf(domain.CodeNotFound, "There is no purchase order %s.", PONumber(id))
	}
	if err != nil {
		return po, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the purchase order")
	}
	rows, err := db.QueryContext(ctx, q("InvPOLines"), id)
	if err != nil {
		return po, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the purchase order")
	}
	defer rows.Close()
	for rows.Next() {
		var l domain.PurchaseOrderLine
		if err := rows.Scan(&l.SKU, &l.SupplierSKU, &l.Title, &l.VariantTitle, &l.Quantity, &l.ReceivedQty, &l.UnitCost); err != nil {
			return po, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the purchase order")
		}
		po.Lines = append(po.Lines, l)
		po.Total += int64(l.Quantity) * l.UnitCost
	}
	return po, rows.Err()
}

// PurchaseOrder returns one order with its lines.
func (s *DB) PurchaseOrder(ctx context.Context, id int64) (domain.PurchaseOrder, error) {
	return getPO(ctx, s.SQL(), id)
}

// PurchaseOrders lists the newest orders, optionally of one status, with lines.
func (s *DB) PurchaseOrders(ctx context.Context, status domain.POStatus, limit int) ([]domain.PurchaseOrder, error) {
	if limit <= 0 {
		limit = 200
	}
	var ids []int64
	err := s.invEach(ctx, q("InvPOList"), []any{string(status), limit}, func(r *sql.Rows) error {
		po, err := scanPO(r)
		ids = append(ids, po.ID)
		return err
	})
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the purchase orders")
	}
	out := make([]domain.PurchaseOrder, 0, len(ids))
	for _, id := range ids {
		po, err := getPO(ctx, s.SQL(), id)
		if err != nil {
			return nil, err
		}
		out = append(out, po)
	}
	return out, nil
}

// AddToDraft puts lines on the supplier's draft purchase order, creating the
// draft if there is none. A SKU already on the draft keeps the seller's
// quantity. It returns the draft's id.
func (s *DB) AddToDraft(ctx context.Context, supplierID int64, currency, location string, lines []domain.DraftLine) (int64, error) {
	now := s.Now()
	var id int64
	err := s.InTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, q("InvPODraftFor"), supplierID).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			res, err := tx.ExecContext(ctx, q("InvPOInsert"), supplierID, currency, "", now, location)
			if err != nil {
				return err
			}
			id, err = res.LastInsertId()
			if err != nil {
				return err
			}
		} else if err != nil {
			return err
		}
		for _, l := range lines {
			if _, err := tx.ExecContext(ctx, q("InvPOLineAddIfMissing"), id, l.SKU, l.SupplierSKU, l.Quantity, l.UnitCost); err != nil {
				return err
			}
			// "Order once" is spent once the SKU is on an order.
			if _, err := tx.ExecContext(ctx, `UPDATE sku_policies SET order_once = 0, updated_at = ? WHERE sku = ? AND order_once = 1`, now, l.SKU); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not write the draft purchase order")
	}
	return id, nil
}

// SetPOLine sets a draft's line: quantity 0 removes it. The caller validates.
func (s *DB) SetPOLine(ctx context.Context, poID int64, l domain.DraftLine) (domain.PurchaseOrder, error) {
	var po domain.PurchaseOrder
	err := s.InTx(ctx, func(tx *sql.Tx) error {
		cur, err := getPO(ctx, tx, poID)
		if err != nil {
			return err
		}
		if cur.Status != domain.PODraft {
			return domain.Errorf(domain.CodeConflict, "%s is %s; only a draft can be changed.", cur.Number, cur.Status)
		}
		if err := skuExists(ctx, queries.New(tx), l.SKU); err != nil {
			return err
		}
		if l.Quantity == 0 {
			_, err = tx.ExecContext(ctx, q("InvPOLineDelete"), poID, l.SKU)
		} else {
			_, err = tx.ExecContext(ctx, q("InvPOLineUpsert"), poID, l.SKU, l.SupplierSKU, l.Quantity, l.UnitCost)
		}
		if err != nil {
			return err
		}
		po, err = getPO(ctx, tx, poID)
		return err
	})
	return po, wrapInternal(err, "Shopclerk could not change the purchase order")
}

// SetPONote changes the note printed on a draft.
func (s *DB) SetPONote(ctx context.Context, poID int64, note string) error {
	return wrapInternal(s.InTx(ctx, func(tx *sql.Tx) error {
		cur, err := getPO(ctx, tx, poID)
		if err != nil {
			return err
		}
		if cur.Status != domain.PODraft {
			return domain.Errorf(domain.CodeConflict, "%s is %s; only a draft can be changed.", cur.Number, cur.Status)
		}
		_, err = tx.ExecContext(ctx, q("InvPOSetNote"), poID, note)
		return err
	}), "Shopclerk could not change the purchase order")
}

// poMoves are the status changes a seller may make by hand; sending and
// receiving have their own functions.
var poMoves = map[domain.POStatus][]domain.POStatus{
	domain.PODraft:          {domain.POCancelled},
	domain.POSent:           {domain.POConfirmed, domain.POCancelled},
	domain.POConfirmed:      {domain.POCancelled},
	domain.POPartlyReceived: {domain.POCancelled},
}

// SetPOStatus confirms or cancels an order.
func (s *DB) SetPOStatus(ctx context.Context, poID int64, to domain.POStatus) error {
	return wrapInternal(s.InTx(ctx, func(tx *sql.Tx) error {
		cur, err := getPO(ctx, tx, poID)
		if err != nil {
			return err
		}
		for _, ok := range poMoves[cur.Status] {
			if ok == to {
				_, err = tx.ExecContext(ctx, q("InvPOSetStatus"), poID, string(to))
				return err
			}
		}
		return domain.Errorf(domain.CodeConflict, "%s is %s and cannot become %s.", cur.Number, cur.Status, to)
	}), "Shopclerk could not change the purchase order")
}

// MarkPOSent records that a draft went out with an outbox message.
func (s *DB) MarkPOSent(ctx context.Context, poID int64, messageID, ledgerKey string, expected time.Time) error {
	res, err := s.SQL().ExecContext(ctx, q("InvPOMarkSent"), poID, s.Now(), expected.Unix(), messageID, ledgerKey)
	if err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not mark the purchase order as sent")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.Errorf(domain.CodeConflict, "%s is no longer a draft.", PONumber(poID))
	}
	return nil
}

// ReceivePO books goods in, in one transaction: the lines' received
// quantities, stock at the location (with a stock_changes row, reason
// 'receive'), the order's status, and on the first receipt the real lead
// time for the supplier.
func (s *DB) ReceivePO(ctx context.Context, poID int64, location string, got []domain.Receipt) (domain.PurchaseOrder, error) {
	now := s.Now()
	var po domain.PurchaseOrder
	err := s.InTx(ctx, func(tx *sql.Tx) error {
		cur, err := getPO(ctx, tx, poID)
		if err != nil {
			return err
		}
		if !cur.Status.Receivable() {
			return domain.Errorf(domain.CodeConflict, "%s is %s; goods can be received only on a sent or confirmed order.", cur.Number, cur.Status)
		}
		onPO := map[string]bool{}
		for _, l := range cur.Lines {
			onPO[l.SKU] = true
		}
		for _, r := range got {
			if !onPO[r.SKU] {
				return domain.Errorf(domain.CodeInvalid, "%s is not on %s.", r.SKU, cur.Number)
			}
			loc := location
			if loc == "" {
				loc = cur.Location
			}
			if loc == "" {
				err := tx.QueryRowContext(ctx, q("InvStockMainLocation"), r.SKU).Scan(&loc)
				if errors.Is(err, sql.ErrNoRows) {
					loc = DefaultLocation
				} else if err != nil {
					return err
				}
			}
			var before, onHand sql.NullInt64
			err := tx.QueryRowContext(ctx, q("InvStockOne"), r.SKU, loc).Scan(&before, &onHand)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			if _, err := tx.ExecContext(ctx, q("InvPOLineReceive"), poID, r.SKU, r.Quantity); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, q("InvStockReceive"), r.SKU, loc, r.Quantity, now); err != nil {
				return err
			}
			var beforeArg any
			if before.Valid {
				beforeArg = before.Int64
			}
			if _, err := tx.ExecContext(ctx, q("InvStockChangeInsert"), r.SKU, loc, beforeArg, before.Int64+int64(r.Quantity), now); err != nil {
				return err
			}
		}
		if cur.SentAt != nil {
			days := float64(now-cur.SentAt.Unix()) / 86400
			if _, err := tx.ExecContext(ctx, q("InvLeadObservationInsert"), cur.SupplierID, poID, days, now); err != nil {
				return err
			}
		}
		if po, err = getPO(ctx, tx, poID); err != nil {
			return err
		}
		status := domain.POReceived
		for _, l := range po.Lines {
			if l.ReceivedQty < l.Quantity {
				status = domain.POPartlyReceived
			}
		}
		var at any
		if status == domain.POReceived {
			at = now
		}
		if _, err := tx.ExecContext(ctx, q("InvPOMarkReceived"), poID, string(status), at); err != nil {
			return err
		}
		po.Status = status
		po.ReceivedAt = store.FromUnix(sql.NullInt64{Int64: now, Valid: status == domain.POReceived})
		return nil
	})
	return po, wrapInternal(err, "Shopclerk could not book the delivery in")
}

// DefaultLocation receives stock for a SKU that has no stock level anywhere yet.
const DefaultLocation = "Main"

// wrapInternal keeps a seller-readable *domain.Error and hides anything else
// behind msg.
func wrapInternal(err error, msg string) error {
	if err == nil {
		return nil
	}
	var de *domain.Error
	if errors.As(err, &de) {
		return err
	}
	return domain.Wrap(err, domain.CodeInternal, msg)
}
