package rulesdb

import (
	"context"
	"reflect"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/inventorydb"
	"shopclerk/backend/store/storetest"
)

// TestProductInfoOneAndMany: a SKU read alone (GetProductInfo) and in a
// batch (ProductInfos) come from the same query and read the same.
func TestProductInfoOneAndMany(t *testing.T) {
	ctx := context.Background()
	s := New(storetest.Open(t, storetest.At(testNow)))
	seedProducts(t, s)
	supID, err := inventorydb.New(s.Store).SaveSupplier(ctx, domain.Supplier{Name: "Potter & Co", Email: "orders@potter.test", Currency: "EUR", PackSize: 6})
	if err != nil {
		t.Fatal(err)
	}
	if err := inventorydb.New(s.Store).SetSupplierOffer(ctx, domain.SupplierOffer{SupplierID: supID, SKU: "A-1", SupplierSKU: "POT-MUG", UnitCost: 350}); err != nil {
		t.Fatal(err)
	}
	many, err := s.ProductInfos(ctx, []string{"A-1", "B-2", "NOPE"})
	if err != nil {
		t.Fatal(err)
	}
	if len(many) != 2 || many["NOPE"] != nil {
		t.Fatalf("batch: %v", many)
	}
	for _, sku := range []string{"A-1", "B-2"} {
		one, err := s.GetProductInfo(ctx, sku)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(one, *many[sku]) {
			t.Errorf("%s alone %+v\nin a batch %+v", sku, one, *many[sku])
		}
	}
	if a := many["A-1"]; a.Available != 14 || a.Title != "Mug" || a.Price.Amount != 1200 {
		t.Errorf("A-1: %+v", a)
	}
	if _, err := s.GetProductInfo(ctx, "NOPE"); domain.CodeOf(err) != domain.CodeNotFound {
		t.Errorf("unknown SKU: %v", err)
	}
}
