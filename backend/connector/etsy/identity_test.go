package etsy_test

import (
	"context"
	"testing"

	"shopclerk/backend/importer"
	"shopclerk/backend/store/importdb"
)

// importExport imports the Sold Orders and Sold Order Items files made to
// match the stand-in's receipts. testdata/real has no Etsy export (none
// turned up; docs/formats.md §5), so these follow the documented headers.
func (r *rig) importExport() importer.Result {
	r.t.Helper()
	res, err := importer.Import(context.Background(), importdb.New(r.db.Store), []importer.FileSpec{
		{Path: "testdata/EtsySoldOrders2026-2.csv"}, {Path: "testdata/EtsySoldOrderItems2026-2.csv"}}, nil)
	if err != nil || res.RejectedWhole() {
		r.t.Fatalf("import: %v %+v", err, res)
	}
	return res
}

// A receipt imported from Etsy's export and synced from the API is one
// order (the receipt id is the export's Order ID) with the same totals,
// whichever comes first.
func TestExportAndSyncAreOneRecordPerOrder(t *testing.T) {
	for _, exportFirst := range []bool{true, false} {
		r := newRig(t)
		var first, second func()
		imp := func() { r.importExport() }
		syn := func() { r.mustSync(false) }
		if first, second = imp, syn; !exportFirst {
			first, second = syn, imp
		}
		first()
		before := r.orders()
		second()
		after := r.orders()
		if len(before) != 3 || len(after) != 3 {
			t.Fatalf("export first %v: %d orders, then %d; want 3 and 3", exportFirst, len(before), len(after))
		}
		for id, b := range before {
			a := after[id]
			bo, ao := b.Order, a.Order
			if ao.ID != bo.ID || ao.Total != bo.Total || ao.Subtotal != bo.Subtotal || ao.Taxes != bo.Taxes || ao.Shipping != bo.Shipping ||
				ao.Discount != bo.Discount || ao.Currency != bo.Currency || len(ao.Lines) != len(bo.Lines) {
				t.Errorf("export first %v, %s: %d %d/%d/%d/%d/%d %s %d lines, then %d %d/%d/%d/%d/%d %s %d lines", exportFirst, id,
					bo.ID, bo.Subtotal, bo.Discount, bo.Shipping, bo.Taxes, bo.Total, bo.Currency, len(bo.Lines),
					ao.ID, ao.Subtotal, ao.Discount, ao.Shipping, ao.Taxes, ao.Total, ao.Currency, len(ao.Lines))
			}
		}
		// One buyer per Etsy user id, whichever path made it: the export
		// never has an email, the API shares 555002's; and every order
		// keeps its buyer (the items file, imported after the orders file,
		// names none).
		var n, unlinked int
		db := r.db.SQL()
		db.QueryRowContext(context.Background(), `SELECT count(*) FROM customers WHERE source = 'etsy' AND external_id IN ('555001', '555002', '555003')`).Scan(&n)
		if n != 3 {
			t.Errorf("export first %v: %d rows for the three buyers, want 3", exportFirst, n)
		}
		db.QueryRowContext(context.Background(), `SELECT count(*) FROM orders WHERE source = 'etsy' AND customer_id IS NULL`).Scan(&unlinked)
		if unlinked != 0 {
			t.Errorf("export first %v: %d orders without their buyer", exportFirst, unlinked)
		}
	}
}
