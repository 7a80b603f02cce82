package inventorydb

import (
	"context"
	"reflect"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/storetest"
)

// upsertOrders writes manual EUR orders named #EXTERNALID.
func upsertOrders(w *importdb.Writer, orders ...domain.Order) error {
	for _, o := range orders {
		o.Source, o.Name, o.Currency = domain.SourceManual, "#"+o.ExternalID, "EUR"
		if err := w.UpsertOrder(o, nil); err != nil {
			return err
		}
	}
	return nil
}

// seedInventory writes two products, stock at two locations and orders
// that must and must not count as demand.
func seedInventory(t *testing.T, s *DB) {
	t.Helper()
	ctx := context.Background()
	day := func(n int) time.Time { return testNow.AddDate(0, 0, -n) }
	cancelled := day(3)
	_, _, err := importdb.New(s.Store).WriteBatch(ctx, domain.BatchMeta{FileName: "seed", Kind: "test"}, importdb.WriteOptions{}, func(w *importdb.Writer) error {
		for _, p := range []domain.Product{
			{SKU: "A-1", Title: "Mug", Price: domain.Money{Amount: 1200, Currency: "EUR"}, Cost: domain.Money{Amount: 400}},
			{SKU: "B-2", Title: "Plate", Price: domain.Money{Amount: 900, Currency: "EUR"}},
		} {
			if err := w.UpsertProduct(p); err != nil {
				return err
			}
		}
		for _, l := range []domain.StockLevel{
			{SKU: "A-1", Location: "Shop", OnHand: 5, Available: 4, Committed: 1, Stocked: true},
			{SKU: "A-1", Location: "Warehouse", OnHand: 10, Available: 10, Stocked: true},
		} {
			if err := w.SetStock(l, "import"); err != nil {
				return err
			}
		}
		orders := []domain.Order{
			{ExternalID: "1", FinancialStatus: domain.FinancialPaid, CreatedAt: day(2), Lines: []domain.LineItem{{SKU: "A-1", Quantity: 2}}},
			{ExternalID: "2", FinancialStatus: domain.FinancialPaid, CreatedAt: day(1), Lines: []domain.LineItem{{SKU: "A-1", Quantity: 1}, {SKU: "B-2", Quantity: 3}}},
			{ExternalID: "3", FinancialStatus: domain.FinancialRefunded, CreatedAt: day(1), Lines: []domain.LineItem{{SKU: "A-1", Quantity: 7}}},
			{ExternalID: "4", FinancialStatus: domain.FinancialPaid, CancelledAt: &cancelled, CreatedAt: day(4), Lines: []domain.LineItem{{SKU: "A-1", Quantity: 9}}},
			{ExternalID: "5", FinancialStatus: domain.FinancialPaid, CreatedAt: day(1), Lines: []domain.LineItem{{SKU: "B-2", Quantity: 1, FulfillmentStatus: "restocked"}}},
		}
		return upsertOrders(w, orders...)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestInventoryReadsAndPurchaseOrderLifecycle(t *testing.T) {
	ctx := context.Background()
	clk := &movingClock{t: testNow}
	s := New(storetest.Open(t, storetest.Clock(clk)))
	seedInventory(t, s)

	sales, err := s.SalesSince(ctx, testNow.AddDate(0, 0, -30))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, r := range sales {
		got[r.SKU] += r.Quantity
	}
	if got["A-1"] != 3 || got["B-2"] != 3 {
		t.Fatalf("sales without cancelled, refunded and restocked: got %v, want A-1:3 B-2:3", got)
	}

	supID, err := s.SaveSupplier(ctx, domain.Supplier{Name: "Potter & Co", Email: "orders@potter.test", Currency: "EUR", LeadTimeDays: 10, PackSize: 6})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveSupplier(ctx, domain.Supplier{Name: "Potter & Co", PackSize: 1}); domain.CodeOf(err) != domain.CodeConflict {
		t.Fatalf("duplicate supplier name: got %v, want conflict", err)
	}
	if err := s.SetSupplierOffer(ctx, domain.SupplierOffer{SupplierID: supID, SKU: "A-1", SupplierSKU: "POT-MUG", UnitCost: 350}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSupplierOffer(ctx, domain.SupplierOffer{SupplierID: supID, SKU: "NOPE", UnitCost: 1}); domain.CodeOf(err) != domain.CodeNotFound {
		t.Fatalf("offer for unknown SKU: got %v, want not_found", err)
	}
	rp, once := 7, true
	if err := s.SetSKUPolicy(ctx, domain.SKUPolicy{SKU: "A-1", ReorderPoint: &rp, OrderOnce: &once}); err != nil {
		t.Fatal(err)
	}

	items, err := s.InventoryItems(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 2 || items[0].SKU != "A-1" {
		t.Fatalf("items: %+v", items)
	}
	a := items[0]
	if len(a.Levels) != 2 || a.Levels[1].Location != "Warehouse" || a.SupplierID == nil || *a.SupplierID != supID ||
		len(a.Offers) != 1 || a.Offers[0].SupplierSKU != "POT-MUG" || a.ReorderPoint == nil || *a.ReorderPoint != 7 || !a.OrderOnce {
		t.Fatalf("item A-1: %+v", a)
	}

	poID, err := s.AddToDraft(ctx, supID, "EUR", "", []domain.DraftLine{{SKU: "A-1", SupplierSKU: "POT-MUG", Quantity: 12, UnitCost: 350}})
	if err != nil {
		t.Fatal(err)
	}
	again, err := s.AddToDraft(ctx, supID, "EUR", "", []domain.DraftLine{{SKU: "A-1", Quantity: 99}})
	if err != nil || again != poID {
		t.Fatalf("second reorder: id %d err %v, want the same draft %d", again, err, poID)
	}
	po, err := s.PurchaseOrder(ctx, poID)
	if err != nil || len(po.Lines) != 1 || po.Lines[0].Quantity != 12 || po.Total != 12*350 || po.Number != "PO-000001" {
		t.Fatalf("draft: %+v %v", po, err)
	}
	if items, _ := s.InventoryItems(ctx); items[0].OrderOnce || !items[0].OnDraft {
		t.Fatalf("order-once should be spent and the SKU on a draft: %+v", items[0])
	}
	if po, err = s.SetPOLine(ctx, poID, domain.DraftLine{SKU: "A-1", SupplierSKU: "POT-MUG", Quantity: 18, UnitCost: 350}); err != nil || po.Lines[0].Quantity != 18 {
		t.Fatalf("edit line: %+v %v", po, err)
	}
	if _, err := s.ReceivePO(ctx, poID, "", []domain.Receipt{{SKU: "A-1", Quantity: 1}}, lastArrival); domain.CodeOf(err) != domain.CodeConflict {
		t.Fatalf("receiving a draft: got %v, want conflict", err)
	}
	if err := s.MarkPOSent(ctx, poID, "<po-1@test>", "po:1:send", testNow.AddDate(0, 0, 10)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetPOLine(ctx, poID, domain.DraftLine{SKU: "A-1", Quantity: 1}); domain.CodeOf(err) != domain.CodeConflict {
		t.Fatalf("editing a sent order: got %v, want conflict", err)
	}
	if items, _ := s.InventoryItems(ctx); items[0].OpenIncoming != 18 || items[0].NextDelivery == nil {
		t.Fatalf("incoming after sending: %+v", items[0])
	}

	// Twelve days later, part of the delivery arrives at the warehouse.
	clk.t = testNow.AddDate(0, 0, 12)
	later := s
	po, err = later.ReceivePO(ctx, poID, "Warehouse", []domain.Receipt{{SKU: "A-1", Quantity: 12}}, lastArrival)
	if err != nil || po.Status != domain.POPartlyReceived || po.Lines[0].ReceivedQty != 12 {
		t.Fatalf("partial receipt: %+v %v", po, err)
	}
	if obs, _ := s.LeadTimeObservations(ctx); len(obs) != 0 {
		t.Fatalf("a partly received order taught a lead time already: %v", obs)
	}
	if items, _ := s.InventoryItems(ctx); items[0].OpenIncoming != 6 {
		t.Fatalf("incoming after the partial receipt: %d, want the 6 still open", items[0].OpenIncoming)
	}
	if err := s.SetPOStatus(ctx, poID, domain.POCancelled); domain.CodeOf(err) != domain.CodeConflict {
		t.Fatalf("cancelling a partly received order: got %v, want conflict", err)
	}
	po, err = later.ReceivePO(ctx, poID, "Warehouse", []domain.Receipt{{SKU: "A-1", Quantity: 6}}, lastArrival)
	if err != nil || po.Status != domain.POReceived || po.ReceivedAt == nil {
		t.Fatalf("full receipt: %+v %v", po, err)
	}
	if len(po.Receipts) != 2 || po.Receipts[0].Quantity != 12 || po.Receipts[1].Quantity != 6 || po.Receipts[1].Location != "Warehouse" ||
		!po.Receipts[1].At.Equal(clk.t) {
		t.Fatalf("receipts: %+v", po.Receipts)
	}
	var avail, changes int
	s.SQL().QueryRow(`SELECT available FROM stock_levels WHERE sku = 'A-1' AND location = 'Warehouse'`).Scan(&avail)
	s.SQL().QueryRow(`SELECT COUNT(*) FROM stock_changes WHERE sku = 'A-1' AND reason = 'receive'`).Scan(&changes)
	if avail != 28 || changes != 2 {
		t.Fatalf("warehouse available %d (want 28), receive changes %d (want 2)", avail, changes)
	}
	obs, err := s.LeadTimeObservations(ctx)
	if err != nil || len(obs[supID]) != 1 || obs[supID][0] != 12 {
		t.Fatalf("lead time observations: %v %v (one observation of 12 days expected)", obs, err)
	}
	if err := s.DeleteSupplier(ctx, supID); domain.CodeOf(err) != domain.CodeConflict {
		t.Fatalf("deleting a supplier with orders: got %v, want conflict", err)
	}
	list, err := s.PurchaseOrders(ctx, domain.POReceived, 0)
	if err != nil || len(list) != 1 {
		t.Fatalf("list received: %v %v", list, err)
	}
	if err := s.SetPOStatus(ctx, poID, domain.POCancelled); domain.CodeOf(err) != domain.CodeConflict {
		t.Fatalf("cancelling a received order: got %v, want conflict", err)
	}
}

// lastArrival stands in for inventory.DeliveryDays: days from sending to
// the last receipt.
func lastArrival(po domain.PurchaseOrder) (float64, bool) {
	if po.SentAt == nil || len(po.Receipts) == 0 {
		return 0, false
	}
	return po.Receipts[len(po.Receipts)-1].At.Sub(*po.SentAt).Hours() / 24, true
}

// movingClock is a clock the test moves by hand.
type movingClock struct{ t time.Time }

func (c *movingClock) Now() time.Time { return c.t }

var testNow = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

// A partly received order closed short: what is still outstanding no longer
// counts as incoming, nothing more can be received, it cannot be cancelled,
// and the supplier's lead time is learnt from what arrived. An order with
// nothing received is cancelled, not closed short.
func TestClosePurchaseOrderShort(t *testing.T) {
	ctx := context.Background()
	clk := &movingClock{t: testNow}
	s := New(storetest.Open(t, storetest.Clock(clk)))
	seedInventory(t, s)
	supID, err := s.SaveSupplier(ctx, domain.Supplier{Name: "Potter & Co", Email: "orders@potter.test", LeadTimeDays: 10, PackSize: 1})
	if err != nil {
		t.Fatal(err)
	}
	poID, err := s.AddToDraft(ctx, supID, "EUR", "", []domain.DraftLine{{SKU: "A-1", Quantity: 20}, {SKU: "B-2", Quantity: 5}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ClosePOShort(ctx, poID, lastArrival); domain.CodeOf(err) != domain.CodeConflict {
		t.Fatalf("closing a draft short: %v", err)
	}
	if err := s.MarkPOSent(ctx, poID, "<po@test>", "po:test", testNow.AddDate(0, 0, 10)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ClosePOShort(ctx, poID, lastArrival); domain.CodeOf(err) != domain.CodeConflict {
		t.Fatalf("closing short an order nothing of which arrived: %v", err)
	}
	if err := s.SetPOStatus(ctx, poID, domain.POClosedShort); domain.CodeOf(err) != domain.CodeConflict {
		t.Fatalf("closing short by hand: %v", err)
	}
	clk.t = testNow.AddDate(0, 0, 9)
	if _, err := s.ReceivePO(ctx, poID, "", []domain.Receipt{{SKU: "A-1", Quantity: 15}}, lastArrival); err != nil {
		t.Fatal(err)
	}
	incoming := func() map[string]int {
		items, err := s.InventoryItems(ctx)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]int{}
		for _, it := range items {
			out[it.SKU] = it.OpenIncoming
		}
		return out
	}
	if in := incoming(); in["A-1"] != 5 || in["B-2"] != 5 {
		t.Fatalf("incoming while partly received: %v", in)
	}
	clk.t = testNow.AddDate(0, 0, 11)
	po, err := s.ClosePOShort(ctx, poID, lastArrival)
	if err != nil || po.Status != domain.POClosedShort || po.ClosedAt == nil || !po.ClosedAt.Equal(clk.t) || po.ReceivedAt != nil {
		t.Fatalf("closed short: %+v %v", po, err)
	}
	if in := incoming(); in["A-1"] != 0 || in["B-2"] != 0 {
		t.Fatalf("incoming after closing short: %v", in)
	}
	if obs, _ := s.LeadTimeObservations(ctx); len(obs[supID]) != 1 || obs[supID][0] != 9 {
		t.Fatalf("lead time learnt on closing: %v (want 9 days, when the goods came)", obs)
	}
	if _, err := s.ReceivePO(ctx, poID, "", []domain.Receipt{{SKU: "A-1", Quantity: 5}}, lastArrival); domain.CodeOf(err) != domain.CodeConflict {
		t.Fatalf("receiving into a closed order: %v", err)
	}
	for _, to := range []domain.POStatus{domain.POCancelled, domain.POConfirmed, domain.POClosedShort} {
		if err := s.SetPOStatus(ctx, poID, to); domain.CodeOf(err) != domain.CodeConflict {
			t.Errorf("a closed order became %s: %v", to, err)
		}
	}
	if list, _ := s.PurchaseOrders(ctx, domain.POClosedShort, 0); len(list) != 1 || len(list[0].Receipts) != 1 {
		t.Fatalf("closed short orders: %+v", list)
	}
}

// TestSKUSalesSinceIsSalesSinceForOneSKU: a SKU's history read alone (the
// Advisor's) is its part of the shop's, with the same orders left out,
// whatever order the orders were imported in: an order imported last but
// placed before the window does not count, one imported last and placed in
// it does.
func TestSKUSalesSinceIsSalesSinceForOneSKU(t *testing.T) {
	ctx := context.Background()
	s := New(storetest.Open(t, storetest.At(testNow)))
	seedInventory(t, s)
	_, _, err := importdb.New(s.Store).WriteBatch(ctx, domain.BatchMeta{FileName: "late", Kind: "test"}, importdb.WriteOptions{}, func(w *importdb.Writer) error {
		return upsertOrders(w,
			domain.Order{ExternalID: "6", FinancialStatus: domain.FinancialPaid, CreatedAt: testNow.AddDate(0, 0, -40), Lines: []domain.LineItem{{SKU: "A-1", Quantity: 20}}},
			domain.Order{ExternalID: "7", FinancialStatus: domain.FinancialPaid, CreatedAt: testNow.AddDate(0, 0, -29), Lines: []domain.LineItem{{SKU: "A-1", Quantity: 4}}})
	})
	if err != nil {
		t.Fatal(err)
	}
	since := testNow.AddDate(0, 0, -30)
	all, err := s.SalesSince(ctx, since)
	if err != nil {
		t.Fatal(err)
	}
	for _, sku := range []string{"A-1", "B-2", "NOPE"} {
		var want []SaleRow
		for _, r := range all {
			if r.SKU == sku {
				want = append(want, r)
			}
		}
		got, err := s.SKUSalesSince(ctx, sku, since)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s alone %+v\nin the shop's %+v", sku, got, want)
		}
	}
	units := 0
	for _, r := range all {
		if r.SKU == "A-1" {
			units += r.Quantity
		}
	}
	if units != 7 {
		t.Errorf("A-1 sold %d in the window, want 7 (2 + 1 + 4 of the late import)", units)
	}
}
