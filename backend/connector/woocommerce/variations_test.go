package woocommerce_test

import (
	"context"
	"testing"

	"shopclerk/backend/domain"
)

// Stock received for a variation's SKU goes to that variation (under its
// parent: WooCommerce takes no variation at products/<id>), and for a
// variation whose stock is its parent's ("manage_stock": "parent"), to the
// parent product.
func TestWooVariationStockMatchedBySKU(t *testing.T) {
	r := newRig(t)
	ctx := context.Background()
	r.srv.Put("products", map[string]any{"id": float64(900), "name": "Tee", "sku": "TEE", "type": "variable", "status": "publish",
		"manage_stock": true, "stock_quantity": float64(7), "date_modified_gmt": "2026-02-01T00:00:00", "meta_data": []any{}})
	r.srv.Put("variations",
		map[string]any{"id": float64(901), "parent_id": float64(900), "type": "variation", "sku": "TEE-M", "manage_stock": true,
			"stock_quantity": float64(4), "meta_data": []any{}},
		map[string]any{"id": float64(902), "parent_id": float64(900), "type": "variation", "sku": "TEE-L", "manage_stock": "parent",
			"stock_quantity": nil, "meta_data": []any{}})
	if err := r.db.SetWrites(ctx, r.cs.ID, domain.StoreWrites{Stock: true}); err != nil {
		t.Fatal(err)
	}
	r.exec(`INSERT INTO stock_changes (sku, location, before, after, reason, at) VALUES ('TEE-M', 'WooCommerce', 4, 10, 'receive', ?)`, now.Unix())
	r.exec(`INSERT INTO stock_changes (sku, location, before, after, reason, at) VALUES ('TEE-L', 'WooCommerce', 0, 5, 'receive', ?)`, now.Unix())
	if res := r.push(); res.Done != 2 || res.Waiting != 0 || res.Skipped != 0 {
		t.Fatalf("run: %+v", res)
	}
	if got := r.srv.Stock(901); got != 10 {
		t.Errorf("TEE-M variation stock %d, want 4 + 6 = 10", got)
	}
	if got := r.srv.Stock(900); got != 12 {
		t.Errorf("parent stock %d, want 7 + 5 = 12 (TEE-L takes its parent's stock)", got)
	}
	if res := r.push(); res.Done != 0 || r.srv.Writes() != 2 {
		t.Fatalf("second run wrote again: %+v, %d writes", res, r.srv.Writes())
	}
}
