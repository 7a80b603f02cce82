package inventory

import (
	"context"
	"testing"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/store/importdb"
)

// TestPlanCarriesGeneratedFlag: a plan row says whether its SKU is a key
// Shopclerk generated, from the product's flag: a real SKU that starts with
// "~" is not one, and a generated key whose variant got its real SKU in the
// store is not one any more.
func TestPlanCarriesGeneratedFlag(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, testNow)
	write := func(fn func(w *importdb.Writer) error) {
		t.Helper()
		if _, _, err := importdb.New(st.Store).WriteBatch(ctx, domain.BatchMeta{FileName: "seed", Kind: "test"}, importdb.WriteOptions{}, fn); err != nil {
			t.Fatal(err)
		}
	}
	write(func(w *importdb.Writer) error {
		for _, p := range []domain.Product{
			{SKU: "~apron/Blue", Title: "Apron", VariantTitle: "Blue", SKUGenerated: true},
			{SKU: "~towel", Title: "Towel", SKUGenerated: true},
			{SKU: "~real", Title: "A real SKU with a tilde"},
			{SKU: "MUG", Title: "Mug"},
		} {
			if err := w.UpsertProduct(p); err != nil {
				return err
			}
		}
		return nil
	})
	write(func(w *importdb.Writer) error {
		_, err := w.TakeOverGeneratedKey("~towel", "TWL-1")
		return err
	})
	plan, err := New(st, clock.Fixed{T: testNow}, nil).Plan(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, p := range plan.Items {
		got[p.SKU] = p.SKUGenerated
	}
	want := map[string]bool{"~apron/Blue": true, "~real": false, "MUG": false, "TWL-1": false}
	if len(got) != len(want) {
		t.Fatalf("plan rows %v, want %v", got, want)
	}
	for sku, gen := range want {
		if g, ok := got[sku]; !ok || g != gen {
			t.Errorf("%s: skuGenerated %v (present %v), want %v", sku, g, ok, gen)
		}
	}
}
