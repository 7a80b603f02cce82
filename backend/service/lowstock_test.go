package service

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/demo"
	"shopclerk/backend/domain"
	"shopclerk/backend/importer"
	"shopclerk/backend/store"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/storetest"
)

// The low-stock flow and the Inventory screen make one decision per SKU
// (issue 14, item 13). Before, the flow's preview listed a SKU once per
// location row with its quantity counted twice, ordered SKUs no location
// stocks and SKUs whose stock is already on its way, and drafted its own
// quantity (twice the threshold minus stock) where the screen said another.

var lowStockNow = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

// orderLine is one SKU on a purchase order, as the flow or the screen has it.
type orderLine struct {
	Supplier string
	Qty      int
}

// lowStockShop opens a shop at lowStockNow and wires it as the app does.
func lowStockShop(t *testing.T) (*Shop, *store.Store) {
	t.Helper()
	st := storetest.Open(t, storetest.At(lowStockNow))
	return New(st, clock.Fixed{T: lowStockNow}, nil, slog.New(slog.NewTextHandler(io.Discard, nil))), st
}

// enableLowStockFlow installs the ready-made low-stock flow; threshold > 0
// replaces its threshold for SKUs without a reorder point of their own.
func enableLowStockFlow(t *testing.T, b *Shop, threshold int) {
	t.Helper()
	ctx := context.Background()
	id, err := b.Engine.InstallTemplate(ctx, "low_stock_po")
	if err != nil {
		t.Fatal(err)
	}
	if threshold > 0 {
		f, err := b.Engine.GetFlow(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		f.Definition.Trigger.Threshold = threshold
		if _, err := b.Engine.SaveFlow(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Engine.SetEnabled(ctx, id, true); err != nil {
		t.Fatal(err)
	}
}

// flowOrders is what the low-stock flow's preview would put on purchase
// orders, per SKU; a SKU listed twice fails the test.
func flowOrders(t *testing.T, b *Shop) map[string]orderLine {
	t.Helper()
	p, err := b.Engine.Plan(context.Background(), lowStockNow)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]orderLine{}
	for _, f := range p.Flows {
		if f.Template != "low_stock_po" {
			continue
		}
		if f.Error != "" {
			t.Fatalf("the low-stock flow failed: %s", f.Error)
		}
		var total int64
		for _, po := range f.PurchaseOrders {
			var sum int64
			for _, l := range po.Lines {
				if prev, dup := out[l.SKU]; dup {
					t.Errorf("the flow lists %s twice (%d and %d)", l.SKU, prev.Qty, l.Quantity)
				}
				out[l.SKU] = orderLine{po.Supplier, l.Quantity}
				sum += int64(l.Quantity) * l.UnitCost
			}
			if sum != po.Total {
				t.Errorf("%s: the flow's total %d is not the sum of its lines %d", po.Supplier, po.Total, sum)
			}
			total += po.Total
		}
	}
	return out
}

// screenOrders is what the Inventory screen's plan suggests ordering.
func screenOrders(t *testing.T, b *Shop) map[string]orderLine {
	t.Helper()
	plan, err := b.Inventory.Plan(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]orderLine{}
	for _, it := range plan.Items {
		if it.Suggest > 0 {
			out[it.SKU] = orderLine{it.SupplierName, it.Suggest}
		}
	}
	return out
}

// sameOrders compares the flow's lines with the screen's suggestions. With
// all, every SKU the screen orders must be in the flow too (the flow's
// threshold let every SKU in); without, the flow may order fewer (its
// trigger only sees SKUs that crossed its threshold), never others or
// other quantities.
func sameOrders(t *testing.T, flow, screen map[string]orderLine, all bool) {
	t.Helper()
	var diffs []string
	for sku, f := range flow {
		if s, ok := screen[sku]; !ok || s != f {
			diffs = append(diffs, fmt.Sprintf("%s: flow %+v, screen %+v", sku, f, s))
		}
	}
	if all {
		for sku, s := range screen {
			if _, ok := flow[sku]; !ok {
				diffs = append(diffs, fmt.Sprintf("%s: the screen orders %d, the flow nothing", sku, s.Qty))
			}
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 0 {
		t.Errorf("the flow and the Inventory screen disagree on %d SKUs:\n  %s", len(diffs), strings.Join(diffs, "\n  "))
	}
}

// Two shops with several locations per SKU. The demo shop: every SKU has a
// warehouse and a showroom level (most showrooms "not stocked"), draft and
// archived products are stocked nowhere, and some low SKUs already have a
// purchase incoming. The real Shopify inventory export (one row per variant
// per location, "not stocked" rows, negative stock), with a second location
// made from it the way Shopify writes one, a supplier for every SKU, sales
// for some, and a purchase order already on its way for one of the low
// ones. Each with the template's threshold, and with one above every level,
// which lets every SKU's first import cross it: the flow then sees every
// SKU the screen plans. The flow then runs and drafts what it showed.
func TestLowStockFlowAgreesWithInventory(t *testing.T) {
	shops := []struct {
		name string
		seed func(t *testing.T, b *Shop, st *store.Store)
	}{
		{"demo shop", func(t *testing.T, _ *Shop, st *store.Store) {
			if _, err := demo.Generate(context.Background(), importdb.New(st), clock.Fixed{T: lowStockNow}, demo.SizeS, 1, nil); err != nil {
				t.Fatal(err)
			}
		}},
		{"Shopify export", seedShopifyInventory},
	}
	for _, shop := range shops {
		for _, th := range []struct {
			name      string
			threshold int
			all       bool
		}{{"the template's threshold", 0, false}, {"every SKU crosses", 1_000_000, true}} {
			t.Run(shop.name+"/"+th.name, func(t *testing.T) {
				b, st := lowStockShop(t)
				shop.seed(t, b, st)
				enableLowStockFlow(t, b, th.threshold)
				flow, screen := flowOrders(t, b), screenOrders(t, b)
				if len(flow) == 0 || len(screen) == 0 {
					t.Fatalf("nothing to compare: flow %v, screen %v", flow, screen)
				}
				if _, ok := flow[shopifyIncomingSKU]; ok {
					t.Errorf("the flow orders %s, whose purchase order is on its way", shopifyIncomingSKU)
				}
				sameOrders(t, flow, screen, th.all)
				runDraftsWhatItShowed(t, b, flow, screen)
			})
		}
	}
}

// runDraftsWhatItShowed runs the flow: the drafts hold what its preview
// showed, once per SKU, and then neither the flow nor the screen orders
// those SKUs again (they are on a draft); the screen still orders what the
// flow did not see.
func runDraftsWhatItShowed(t *testing.T, b *Shop, flow, screen map[string]orderLine) {
	t.Helper()
	ctx := context.Background()
	p, err := b.Engine.Plan(ctx, lowStockNow)
	if err != nil {
		t.Fatal(err)
	}
	if res, err := b.Engine.RunPreview(ctx, p, p.AllKeys()); err != nil || len(res.Failed) > 0 {
		t.Fatalf("run: %v %+v", err, res.Failed)
	}
	drafts, err := b.Inv.PurchaseOrders(ctx, domain.PODraft, 0)
	if err != nil {
		t.Fatal(err)
	}
	drafted := map[string]orderLine{}
	for _, po := range drafts {
		for _, l := range po.Lines {
			drafted[l.SKU] = orderLine{po.SupplierName, l.Quantity}
		}
	}
	sameOrders(t, drafted, flow, true)
	if again := flowOrders(t, b); len(again) != 0 {
		t.Errorf("after the run the flow still orders %v", again)
	}
	left := map[string]orderLine{}
	for sku, l := range screen {
		if _, drafted := flow[sku]; !drafted {
			left[sku] = l
		}
	}
	sameOrders(t, screenOrders(t, b), left, true)
}

const (
	realInventory = "../../testdata/real/shopify/inventory_export_2024_19col_per_location.csv"
	// shopifyIncomingSKU is low in the export; a sent purchase order brings more.
	shopifyIncomingSKU = "capella-banner"
)

// shopifySales are SKUs of the export given a steady daily sale, so their
// forecasts (and reorder points) are more than zero.
var shopifySales = map[string]int{"capella-banner": 2, "backdrop-better-world-No-Pictures": 1, "graduation-stole-capella": 3,
	"medallion-Capella": 1, "beanie-sweatpant-m-g": 1, "Military-Stickers": 4}

func seedShopifyInventory(t *testing.T, b *Shop, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	second := filepath.Join(t.TempDir(), "inventory_export_back_room.csv")
	writeSecondLocation(t, realInventory, second, "Back room")
	res, err := importer.Import(ctx, importdb.New(st), []importer.FileSpec{{Path: realInventory}, {Path: second}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Files {
		if f.Error != "" || f.Counts.Created == 0 {
			t.Fatalf("import: %+v", f)
		}
	}
	_, _, err = importdb.New(st).WriteBatch(ctx, domain.BatchMeta{FileName: "sales", Kind: "test"}, importdb.WriteOptions{}, func(w *importdb.Writer) error {
		var lines []domain.LineItem
		for i, sku := range sortedKeys(shopifySales) {
			lines = append(lines, domain.LineItem{SKU: sku, Quantity: shopifySales[sku], Position: i + 1})
		}
		for _, o := range storetest.SalesHistory(lowStockNow, 120, "USD", lines...) {
			if err := w.UpsertOrder(o, nil); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sup, err := b.Inventory.SaveSupplier(ctx, domain.Supplier{Name: "Campus Supply Co", Email: "orders@campus.test", Currency: "USD",
		LeadTimeDays: 10, LeadTimeStdDays: 2, PackSize: 1, MinOrderQty: 0})
	if err != nil {
		t.Fatal(err)
	}
	items, err := b.Inv.InventoryItems(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if err := b.Inv.SetSupplierOffer(ctx, domain.SupplierOffer{SupplierID: sup.ID, SKU: it.SKU, UnitCost: 500}); err != nil {
			t.Fatal(err)
		}
	}
	// A purchase order already sent for one low SKU.
	poID, err := b.Inv.AddToDraft(ctx, sup.ID, "USD", "", []domain.DraftLine{{SKU: shopifyIncomingSKU, Quantity: 80, UnitCost: 500}})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Inv.MarkPOSent(ctx, poID, "<po@test>", "po:test", lowStockNow.AddDate(0, 0, 5)); err != nil {
		t.Fatal(err)
	}
}

// writeSecondLocation copies a Shopify inventory export with every row at
// another location: the same levels, as a shop with two stores would export.
func writeSecondLocation(t *testing.T, src, dst, location string) {
	t.Helper()
	f, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for i, h := range rows[0] {
		if h == "Location" {
			col = i
		}
	}
	if col < 0 {
		t.Fatal("no Location column")
	}
	for _, r := range rows[1:] {
		r[col] = location
	}
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(out)
	w.WriteAll(rows)
	if err := out.Close(); err != nil || w.Error() != nil {
		t.Fatal(err, w.Error())
	}
}

func sortedKeys(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
