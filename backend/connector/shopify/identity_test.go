package shopify_test

import (
	"context"
	"testing"

	"shopclerk/backend/connector"
	"shopclerk/backend/importer"
	"shopclerk/backend/store/importdb"
)

const cadExport = "../../../testdata/real/shopify/orders_export_2025-04_CAD_79col.csv"

// importExport imports the real orders export the fixture was made from.
func (r *rig) importExport() importer.FileResult {
	r.t.Helper()
	res, err := importer.Import(context.Background(), importdb.New(r.db.Store), []importer.FileSpec{{Path: cadExport}}, nil)
	if err != nil || res.RejectedWhole() {
		r.t.Fatalf("import: %v %+v", err, res)
	}
	return res.Files[0]
}

// An order that came from the orders export and then from the API is one
// record with the same totals, whichever came first, and neither path
// changes what the other wrote.
func TestExportThenSyncIsOneRecordPerOrder(t *testing.T) {
	r := newRig(t)
	imp := r.importExport()
	if imp.Counts.Created != 20 {
		t.Fatalf("import: %+v", imp.Counts)
	}
	before := r.orders()
	res := r.mustSync(false)
	after := r.orders()
	if len(after) != len(before) {
		t.Fatalf("%d orders after the sync, %d before: the API made new records", len(after), len(before))
	}
	for name, b := range before {
		a := after[name]
		if a.Order.ID != b.Order.ID {
			t.Errorf("%s: stored as %d, then %d", name, b.Order.ID, a.Order.ID)
		}
		bo, ao := b.Order, a.Order
		if ao.Total != bo.Total || ao.Subtotal != bo.Subtotal || ao.Taxes != bo.Taxes || ao.Shipping != bo.Shipping ||
			ao.Discount != bo.Discount || ao.Refunded != bo.Refunded || ao.Currency != bo.Currency || len(ao.Lines) != len(bo.Lines) {
			t.Errorf("%s: export %d/%d/%d %s %d lines, API %d/%d/%d %s %d lines", name, bo.Subtotal, bo.Taxes, bo.Total, bo.Currency, len(bo.Lines),
				ao.Subtotal, ao.Taxes, ao.Total, ao.Currency, len(ao.Lines))
		}
	}
	var orders connector.ResourceResult
	for _, rr := range res.Resources {
		if rr.Resource == connector.ResourceOrders {
			orders = rr
		}
	}
	// Same row hash: the API's order is the export's, field for field, so
	// nothing is written and the automations see no change.
	if orders.Counts.Unchanged != 20 {
		t.Errorf("sync after the import: %+v, want 20 unchanged", orders.Counts)
	}
	// The export again after the sync: still one record per order.
	again := r.importExport()
	if again.Counts.Unchanged != 20 {
		t.Errorf("re-import after the sync: %+v, want 20 unchanged", again.Counts)
	}
	if n := len(r.orders()); n != 20 {
		t.Errorf("%d orders after the re-import", n)
	}
}

// The reverse: the API first, then the export.
func TestSyncThenExportIsOneRecordPerOrder(t *testing.T) {
	r := newRig(t)
	r.mustSync(false)
	before := r.orders()
	imp := r.importExport()
	if imp.Counts.Unchanged != 20 {
		t.Errorf("the export after the sync: %+v, want 20 unchanged", imp.Counts)
	}
	after := r.orders()
	for name, b := range before {
		if a := after[name]; a.Order.ID != b.Order.ID || a.Order.Total != b.Order.Total {
			t.Errorf("%s: API %d (id %d), export %d (id %d)", name, b.Order.Total, b.Order.ID, a.Order.Total, a.Order.ID)
		}
	}
}
