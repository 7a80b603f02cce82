package importdb

import (
	"context"
	"database/sql"
	"strings"

	"shopclerk/backend/domain"
	"shopclerk/backend/store"
)

// A variant imported without a SKU has a generated key (domain.
// GeneratedSKUPrefix). When the seller later gives it a real SKU in their
// store, the next products or inventory export carries that SKU on the same
// row, and the importer can still derive the key the row would have had.
// The real SKU then takes the generated key over: the product, its stock,
// stock history, order and cart lines, supplier offers, purchase order lines,
// reorder choices and the automations' per-SKU memory all move to it, inside
// the import's batch transaction. sku_renames remembers the old key.

// GeneratedKeys reads the shop's generated keys and the real SKUs that took
// some of them over, through the generated keys' partial index.
func (s *DB) GeneratedKeys(ctx context.Context) (domain.GeneratedKeys, error) {
	return generatedKeys(ctx, s.SQL())
}

// GeneratedKeys is DB.GeneratedKeys inside the batch, so a products or
// inventory file works from the keys as its own transaction sees them.
func (w *Writer) GeneratedKeys() (domain.GeneratedKeys, error) { return generatedKeys(w.ctx, w.tx) }

func generatedKeys(ctx context.Context, db store.Queryer) (domain.GeneratedKeys, error) {
	var out domain.GeneratedKeys
	fail := func(err error) (domain.GeneratedKeys, error) {
		return domain.GeneratedKeys{}, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the products without a SKU")
	}
	rows, err := db.QueryContext(ctx, q("ImportGeneratedKeys"))
	if err != nil {
		return fail(err)
	}
	defer rows.Close()
	for rows.Next() {
		var key, sku string
		if err := rows.Scan(&key, &sku); err != nil {
			return fail(err)
		}
		if sku == "" {
			if out.Stored == nil {
				out.Stored = map[string]struct{}{}
			}
			out.Stored[key] = struct{}{}
			continue
		}
		if out.Renamed == nil {
			out.Renamed = map[string]string{}
		}
		out.Renamed[key] = sku
	}
	if err := rows.Err(); err != nil {
		return fail(err)
	}
	return out, nil
}

// TakeOverGeneratedKey gives the product stored under the generated key the
// real SKU its variant now has in the seller's store, when that SKU keys
// nothing yet. The product and its stock levels move at once, so the row
// that follows updates them; everything else that names the key moves in
// FinishTakeOvers, once per batch. A real SKU already in use is
// domain.TakeOverBothExist and changes nothing: two products are never merged on
// a guess.
func (w *Writer) TakeOverGeneratedKey(key, sku string) (domain.TakeOver, error) {
	key, sku = strings.TrimSpace(key), strings.TrimSpace(sku)
	if key == "" || sku == "" || key == sku {
		return domain.TakeOverNone, nil
	}
	row, err := w.queryRow("ImportProductSKUGenerated", key)
	if err != nil {
		return domain.TakeOverNone, err
	}
	var generated bool
	switch err := row.Scan(&generated); {
	case err == sql.ErrNoRows:
		return domain.TakeOverNone, nil
	case err != nil:
		return domain.TakeOverNone, err
	case !generated:
		return domain.TakeOverNone, nil
	}
	if row, err = w.queryRow("ImportSKUInUse", sku); err != nil {
		return domain.TakeOverNone, err
	}
	var inUse bool
	if err := row.Scan(&inUse); err != nil {
		return domain.TakeOverNone, err
	}
	if inUse {
		return domain.TakeOverBothExist, nil
	}
	for _, st := range []struct {
		name string
		args []any
	}{
		{"ImportTakeOverProduct", []any{key, sku, w.now}},
		{"ImportTakeOverStock", []any{key, sku}},
		{"ImportTakeOverRecord", []any{key, sku, w.batchID, w.now}},
	} {
		if _, err := w.exec(st.name, st.args...); err != nil {
			return domain.TakeOverNone, err
		}
	}
	delete(w.skus, key)
	w.rememberSKU(sku)
	return domain.TakeOverDone, nil
}

// takeOverTables are the tables whose sku column ImportTakeOverSKUs moves,
// each over the batch's keys at once.
var takeOverTables = []string{"stock_changes", "line_items", "cart_lines", "supplier_products",
	"purchase_order_lines", "purchase_order_receipts", "sku_policies"}

// FinishTakeOvers moves the stock history, order and cart lines, supplier
// offers, purchase order lines and receipts, reorder choices and the automations'
// per-SKU memory of the keys this batch took over. The caller runs it once,
// after the batch's last take-over, and only when there was one: a batch
// without take-overs pays nothing.
func (w *Writer) FinishTakeOvers() error {
	for _, table := range takeOverTables {
		if _, err := w.tx.ExecContext(w.ctx, strings.ReplaceAll(q("ImportTakeOverSKUs"), "sku_table", quoteIdent(table)), w.batchID); err != nil {
			return err
		}
	}
	_, err := w.tx.ExecContext(w.ctx, q("ImportTakeOverLedger"), w.batchID)
	return err
}
