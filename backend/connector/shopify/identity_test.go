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

// A checkout synced with its recovery link, then imported from the
// checkouts export (which has none), keeps its link: the cart reminder's
// button still works.
func TestCheckoutKeepsItsRecoveryURLAcrossAnExport(t *testing.T) {
	r := newRig(t)
	const url = "https://standin.myshopify.com/58461454497/checkouts/ac/36579383673135/recover?key=abc"
	r.srv.Put("abandonedCheckouts", map[string]any{"id": "gid://shopify/AbandonedCheckout/36579383673135", "name": "#36579383673135",
		"abandonedCheckoutUrl": url, "createdAt": "2023-03-07T13:28:42Z", "updatedAt": "2023-03-07T13:30:00Z", "completedAt": nil,
		"totalPriceSet": map[string]any{"shopMoney": map[string]any{"amount": "38.18", "currencyCode": "GBP"}},
		"customer":      map[string]any{"id": "gid://shopify/Customer/1", "email": "customer001@example.com", "firstName": "jordan", "lastName": "nullsworth"},
		"lineItems": map[string]any{"nodes": []any{map[string]any{"title": "Revlon One Step Straight and Shine XL Hair Straightening Brush",
			"variantTitle": nil, "sku": "REV-RVST2168UK1", "quantity": 1,
			"originalUnitPriceSet": map[string]any{"shopMoney": map[string]any{"amount": "38.18", "currencyCode": "GBP"}}}}}})
	r.mustSync(false)
	ctx := context.Background()
	if got, _ := r.db.CartRecoveryURL(ctx, "shopify", "36579383673135"); got != url {
		t.Fatalf("synced cart's link %q", got)
	}
	res, err := importer.Import(ctx, importdb.New(r.db.Store), []importer.FileSpec{{Path: "../../../testdata/real/shopify/checkouts_export_2023-03_GBP_abandoned_70col.csv"}}, nil)
	if err != nil || res.RejectedWhole() {
		t.Fatalf("import: %v %+v", err, res)
	}
	if got, _ := r.db.CartRecoveryURL(ctx, "shopify", "36579383673135"); got != url {
		t.Errorf("after the checkouts export the link is %q, want the store's", got)
	}
}
