package inventorydb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store"
	"shopclerk/backend/store/inventorydb/internal/queries"
)

// PONumber is the order number printed on the documents.
func PONumber(id int64) string { return fmt.Sprintf("PO-%06d", id) }

func getPO(ctx context.Context, qs *queries.Queries, id int64) (domain.PurchaseOrder, error) {
	r, err := qs.InvPOGet(ctx, id)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.PurchaseOrder{}, domain.Errorf(domain.CodeNotFound, "There is no purchase order %s.", PONumber(id))
	}
	if err != nil {
		return domain.PurchaseOrder{}, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the purchase order")
	}
	po := domain.PurchaseOrder{ID: r.ID, Number: PONumber(r.ID), SupplierID: r.SupplierID, SupplierName: r.Name, SupplierEmail: r.Email,
		Status: domain.POStatus(r.Status), Currency: r.Currency, Note: r.Note, CreatedAt: time.Unix(r.CreatedAt, 0).UTC(),
		SentAt: store.FromUnix(r.SentAt), ExpectedAt: store.FromUnix(r.ExpectedAt), ReceivedAt: store.FromUnix(r.ReceivedAt),
		ClosedAt: store.FromUnix(r.ClosedAt), Location: r.Location, MessageID: r.MessageID,
		Lines: []domain.PurchaseOrderLine{}, Receipts: []domain.POReceipt{}}
	lines, err := qs.InvPOLines(ctx, id)
	if err != nil {
		return po, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the purchase order")
	}
	for _, l := range lines {
		po.Lines = append(po.Lines, domain.PurchaseOrderLine{SKU: l.Sku, SupplierSKU: l.SupplierSku, Title: l.Title, VariantTitle: l.VariantTitle,
			Quantity: int(l.Quantity), ReceivedQty: int(l.ReceivedQty), UnitCost: l.UnitCost})
		po.Total += l.Quantity * l.UnitCost
	}
	receipts, err := qs.InvPOReceipts(ctx, id)
	if err != nil {
		return po, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the purchase order")
	}
	for _, r := range receipts {
		po.Receipts = append(po.Receipts, domain.POReceipt{SKU: r.Sku, Quantity: int(r.Quantity), Location: r.Location, At: time.Unix(r.At, 0).UTC()})
	}
	return po, nil
}

// PurchaseOrder returns one order with its lines.
func (s *DB) PurchaseOrder(ctx context.Context, id int64) (domain.PurchaseOrder, error) {
	return getPO(ctx, s.gen(), id)
}

// PurchaseOrders lists the newest orders, optionally of one status, with lines.
func (s *DB) PurchaseOrders(ctx context.Context, status domain.POStatus, limit int) ([]domain.PurchaseOrder, error) {
	if limit <= 0 {
		limit = 200
	}
	ids, err := s.gen().InvPOList(ctx, queries.InvPOListParams{Status: string(status), MaxRows: int64(limit)})
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the purchase orders")
	}
	out := make([]domain.PurchaseOrder, 0, len(ids))
	for _, id := range ids {
		po, err := getPO(ctx, s.gen(), id)
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
		qt := queries.New(tx)
		var err error
		id, err = qt.InvPODraftFor(ctx, supplierID)
		if errors.Is(err, sql.ErrNoRows) {
			res, err := qt.InvPOInsert(ctx, queries.InvPOInsertParams{SupplierID: supplierID, Currency: currency, CreatedAt: now, Location: location})
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
			if err := qt.InvPOLineAddIfMissing(ctx, queries.InvPOLineAddIfMissingParams{PoID: id, Sku: l.SKU, SupplierSku: l.SupplierSKU,
				Quantity: int64(l.Quantity), UnitCost: l.UnitCost}); err != nil {
				return err
			}
			// "Order once" is spent once the SKU is on an order.
			if err := qt.InvPolicySpendOrderOnce(ctx, queries.InvPolicySpendOrderOnceParams{UpdatedAt: now, Sku: l.SKU}); err != nil {
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
		qt := queries.New(tx)
		if err := checkDraft(ctx, qt, poID); err != nil {
			return err
		}
		if err := skuExists(ctx, qt, l.SKU); err != nil {
			return err
		}
		var err error
		if l.Quantity == 0 {
			err = qt.InvPOLineDelete(ctx, queries.InvPOLineDeleteParams{PoID: poID, Sku: l.SKU})
		} else {
			err = qt.InvPOLineUpsert(ctx, queries.InvPOLineUpsertParams{PoID: poID, Sku: l.SKU, SupplierSku: l.SupplierSKU,
				Quantity: int64(l.Quantity), UnitCost: l.UnitCost})
		}
		if err != nil {
			return err
		}
		po, err = getPO(ctx, qt, poID)
		return err
	})
	return po, wrapInternal(err, "Shopclerk could not change the purchase order")
}

// SetPONote changes the note printed on a draft.
func (s *DB) SetPONote(ctx context.Context, poID int64, note string) error {
	return wrapInternal(s.InTx(ctx, func(tx *sql.Tx) error {
		qt := queries.New(tx)
		if err := checkDraft(ctx, qt, poID); err != nil {
			return err
		}
		return qt.InvPOSetNote(ctx, queries.InvPOSetNoteParams{ID: poID, Note: note})
	}), "Shopclerk could not change the purchase order")
}

// checkDraft refuses to change an order that is no longer a draft.
func checkDraft(ctx context.Context, qt *queries.Queries, poID int64) error {
	cur, err := getPO(ctx, qt, poID)
	if err != nil {
		return err
	}
	if cur.Status != domain.PODraft {
		return domain.Errorf(domain.CodeConflict, "%s is %s; only a draft can be changed.", cur.Number, cur.Status)
	}
	return nil
}

// byHand are the statuses a seller sets directly; sending, receiving and
// closing short have their own functions. Which moves are allowed at all is
// domain.POStatus.CanBecome's.
var byHand = map[domain.POStatus]bool{domain.POConfirmed: true, domain.POCancelled: true}

// SetPOStatus confirms or cancels an order.
func (s *DB) SetPOStatus(ctx context.Context, poID int64, to domain.POStatus) error {
	return wrapInternal(s.InTx(ctx, func(tx *sql.Tx) error {
		qt := queries.New(tx)
		cur, err := getPO(ctx, qt, poID)
		if err != nil {
			return err
		}
		if err := checkMove(cur, to); err != nil {
			return err
		}
		if !byHand[to] {
			return domain.Errorf(domain.CodeInvalid, "%s cannot be set by hand.", to.Label())
		}
		return qt.InvPOSetStatus(ctx, queries.InvPOSetStatusParams{ID: poID, Status: string(to)})
	}), "Shopclerk could not change the purchase order")
}

// checkMove refuses a status change domain.POStatus.CanBecome does not allow,
// saying what the seller can do instead where there is something.
func checkMove(po domain.PurchaseOrder, to domain.POStatus) error {
	if po.Status.CanBecome(to) {
		return nil
	}
	received := len(po.Receipts) > 0
	switch {
	case to == domain.POCancelled && received:
		return domain.Errorf(domain.CodeConflict, "Goods of %s have arrived already, so it cannot be cancelled; close it short instead.", po.Number)
	case to == domain.POClosedShort && !received && po.Status.Receivable():
		return domain.Errorf(domain.CodeConflict, "Nothing of %s has arrived yet, so there is nothing to close short; cancel it instead.", po.Number)
	case to == domain.POReceived || to == domain.POPartlyReceived:
		return domain.Errorf(domain.CodeConflict, "%s is %s; goods can be received only on a sent, confirmed or partly received order.", po.Number, po.Status.Label())
	}
	return domain.Errorf(domain.CodeConflict, "%s is %s and cannot become %s.", po.Number, po.Status.Label(), to.Label())
}

// LeadDays measures how long a settled order took to arrive, from its
// sending and its receipts; false when there is nothing to learn from.
// The inventory package decides (inventory.DeliveryDays); the store writes
// the figure in the transaction that settles the order.
type LeadDays func(po domain.PurchaseOrder) (days float64, ok bool)

// learnLead records a settled order's lead time for its supplier.
func learnLead(ctx context.Context, qt *queries.Queries, po domain.PurchaseOrder, lead LeadDays, now int64) error {
	days, ok := lead(po)
	if !ok {
		return nil
	}
	return qt.InvLeadObservationSet(ctx, queries.InvLeadObservationSetParams{SupplierID: po.SupplierID,
		PoID: sql.NullInt64{Int64: po.ID, Valid: true}, Days: days, At: now})
}

// MarkPOSent records that a draft went out with an outbox message.
func (s *DB) MarkPOSent(ctx context.Context, poID int64, messageID, ledgerKey string, expected time.Time) error {
	res, err := s.gen().InvPOMarkSent(ctx, queries.InvPOMarkSentParams{ID: poID, SentAt: sql.NullInt64{Int64: s.Now(), Valid: true},
		ExpectedAt: sql.NullInt64{Int64: expected.Unix(), Valid: true}, MessageID: messageID, LedgerKey: sql.NullString{String: ledgerKey, Valid: true}})
	if err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not mark the purchase order as sent")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.Errorf(domain.CodeConflict, "%s is no longer a draft.", PONumber(poID))
	}
	return nil
}

// ReceivePO books goods in, in one transaction: each receipt (kept with its
// location and time), the lines' received quantities, stock at the location
// (with a stock_changes row, reason 'receive') and the order's status:
// partly received until every line has at least what was ordered, then
// received, when the supplier's lead time is learnt (lead). The caller
// validates the quantities.
func (s *DB) ReceivePO(ctx context.Context, poID int64, location string, got []domain.Receipt, lead LeadDays) (domain.PurchaseOrder, error) {
	now := s.Now()
	var po domain.PurchaseOrder
	err := s.InTx(ctx, func(tx *sql.Tx) error {
		qt := queries.New(tx)
		cur, err := getPO(ctx, qt, poID)
		if err != nil {
			return err
		}
		if err := checkMove(cur, domain.POReceived); err != nil {
			return err
		}
		onPO := map[string]bool{}
		for _, l := range cur.Lines {
			onPO[l.SKU] = true
		}
		for _, r := range got {
			if !onPO[r.SKU] {
				return domain.Errorf(domain.CodeInvalid, "%s is not on %s.", r.SKU, cur.Number)
			}
			loc, err := receiveAt(ctx, qt, r.SKU, location, cur.Location)
			if err != nil {
				return err
			}
			var before sql.NullInt64
			one, err := qt.InvStockOne(ctx, queries.InvStockOneParams{Sku: r.SKU, Location: loc})
			if err == nil {
				before = sql.NullInt64{Int64: one.Available, Valid: true}
			} else if !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			if err := qt.InvPOLineReceive(ctx, queries.InvPOLineReceiveParams{PoID: poID, Sku: r.SKU, Quantity: int64(r.Quantity)}); err != nil {
				return err
			}
			if err := qt.InvPOReceiptInsert(ctx, queries.InvPOReceiptInsertParams{PoID: poID, Sku: r.SKU, Quantity: int64(r.Quantity),
				Location: loc, At: now}); err != nil {
				return err
			}
			if err := qt.InvStockReceive(ctx, queries.InvStockReceiveParams{Sku: r.SKU, Location: loc, OnHand: int64(r.Quantity), UpdatedAt: now}); err != nil {
				return err
			}
			if err := qt.InvStockChangeInsert(ctx, queries.InvStockChangeInsertParams{Sku: r.SKU, Location: loc, Before: before,
				After: before.Int64 + int64(r.Quantity), At: now}); err != nil {
				return err
			}
		}
		if po, err = getPO(ctx, qt, poID); err != nil {
			return err
		}
		status := domain.POReceived
		for _, l := range po.Lines {
			if l.ReceivedQty < l.Quantity {
				status = domain.POPartlyReceived
			}
		}
		if err := checkMove(cur, status); err != nil {
			return err
		}
		at := sql.NullInt64{Int64: now, Valid: status == domain.POReceived}
		if err := qt.InvPOMarkReceived(ctx, queries.InvPOMarkReceivedParams{ID: poID, Status: string(status), ReceivedAt: at}); err != nil {
			return err
		}
		po.Status, po.ReceivedAt = status, store.FromUnix(at)
		if status == domain.POReceived {
			return learnLead(ctx, qt, po, lead, now)
		}
		return nil
	})
	return po, wrapInternal(err, "Shopclerk could not book the delivery in")
}

// receiveAt is where a SKU's goods go: the location asked for, else the
// order's, else where the SKU has the most stock, else DefaultLocation.
func receiveAt(ctx context.Context, qt *queries.Queries, sku, asked, ofOrder string) (string, error) {
	switch {
	case asked != "":
		return asked, nil
	case ofOrder != "":
		return ofOrder, nil
	}
	loc, err := qt.InvStockMainLocation(ctx, sku)
	if errors.Is(err, sql.ErrNoRows) {
		return DefaultLocation, nil
	}
	return loc, err
}

// ClosePOShort closes a partly received order: what is still outstanding
// will not come, so it no longer counts as incoming, and the supplier's
// lead time is learnt from what did arrive (lead).
func (s *DB) ClosePOShort(ctx context.Context, poID int64, lead LeadDays) (domain.PurchaseOrder, error) {
	now := s.Now()
	var po domain.PurchaseOrder
	err := s.InTx(ctx, func(tx *sql.Tx) error {
		qt := queries.New(tx)
		var err error
		if po, err = getPO(ctx, qt, poID); err != nil {
			return err
		}
		if err := checkMove(po, domain.POClosedShort); err != nil {
			return err
		}
		at := sql.NullInt64{Int64: now, Valid: true}
		if err := qt.InvPOCloseShort(ctx, queries.InvPOCloseShortParams{ID: poID, ClosedAt: at}); err != nil {
			return err
		}
		po.Status, po.ClosedAt = domain.POClosedShort, store.FromUnix(at)
		return learnLead(ctx, qt, po, lead, now)
	})
	return po, wrapInternal(err, "Shopclerk could not close the purchase order")
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
