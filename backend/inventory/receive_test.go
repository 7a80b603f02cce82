package inventory

import (
	"context"
	"testing"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/store/inventorydb"
	"shopclerk/backend/store/storetest"
)

// Partial deliveries (issue 14, item 14): lines arrive in parts, stock moves
// by what arrived, the order stays partly received and only what is still
// open counts as incoming, until the seller closes it short; the lead time
// is learnt from when each quantity arrived.
func TestPartialDeliveriesAndClosingShort(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, testNow)
	seedShop(t, st, "orders@potter.test")
	path := st.Path()
	svc := New(st, clock.Fixed{T: testNow}, nil)
	drafts, err := svc.ReorderNow(ctx, false)
	if err != nil || len(drafts) != 1 {
		t.Fatalf("reorder: %+v %v", drafts, err)
	}
	poID := drafts[0].PO.ID
	if _, err := svc.SetLine(ctx, poID, "MUG", 60, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetLine(ctx, poID, "PLATE", 12, nil); err != nil {
		t.Fatal(err)
	}
	if err := st.MarkPOSent(ctx, poID, "<po@test>", "po:test", testNow.AddDate(0, 0, 12)); err != nil {
		t.Fatal(err)
	}

	// at opens the shop on day n after sending.
	at := func(n int) (*Service, *inventorydb.DB) {
		st.Close()
		now := testNow.AddDate(0, 0, n)
		st = openStore(t, now, storetest.Path(path))
		return New(st, clock.Fixed{T: now}, nil), st
	}
	position := func(svc *Service) map[string]SKUPlan {
		plan, err := svc.Plan(ctx)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]SKUPlan{}
		for _, p := range plan.Items {
			out[p.SKU] = p
		}
		return out
	}

	// Day 5: 20 mugs arrive, no plates.
	svc, _ = at(5)
	for _, bad := range [][]domain.Receipt{
		{{SKU: "MUG", Quantity: 0}, {SKU: "PLATE", Quantity: 0}},
		{{SKU: "MUG", Quantity: -3}},
		{{SKU: "MUG", Quantity: MaxQuantity + 1}},
		{{SKU: "CUP", Quantity: 1}},
	} {
		if _, err := svc.Receive(ctx, poID, "", bad); domain.CodeOf(err) != domain.CodeInvalid {
			t.Errorf("receiving %+v: %v", bad, err)
		}
	}
	po, err := svc.Receive(ctx, poID, "", []domain.Receipt{{SKU: "MUG", Quantity: 20}, {SKU: "PLATE", Quantity: 0}})
	if err != nil || po.Status != domain.POPartlyReceived || lineOf(po, "MUG").ReceivedQty != 20 || lineOf(po, "PLATE").ReceivedQty != 0 {
		t.Fatalf("partial receipt: %+v %v", po, err)
	}
	pos := position(svc)
	if m := pos["MUG"]; m.OnHand != 30 || m.Incoming != 40 {
		t.Errorf("MUG after 20 of 60 arrived: on hand %d (want 30), incoming %d (want the 40 still open)", m.OnHand, m.Incoming)
	}
	if p := pos["PLATE"]; p.Incoming != 12 {
		t.Errorf("PLATE incoming %d, want 12", p.Incoming)
	}
	if pos["MUG"].LeadTime.Observed != 0 {
		t.Errorf("a partly received order taught a lead time: %+v", pos["MUG"].LeadTime)
	}

	// Day 15: 45 more mugs than the 40 still open, still no plates.
	svc, _ = at(15)
	po, err = svc.Receive(ctx, poID, "", []domain.Receipt{{SKU: "MUG", Quantity: 45}})
	if err != nil || po.Status != domain.POPartlyReceived || lineOf(po, "MUG").ReceivedQty != 65 {
		t.Fatalf("second receipt: %+v %v", po, err)
	}
	if m := position(svc)["MUG"]; m.OnHand != 75 || m.Incoming != 0 {
		t.Errorf("MUG after 65 of 60 arrived: on hand %d, incoming %d", m.OnHand, m.Incoming)
	}

	// Day 16: the plates will not come; the order is closed short.
	svc, _ = at(16)
	if _, err := svc.SetStatus(ctx, poID, domain.POCancelled); domain.CodeOf(err) != domain.CodeConflict {
		t.Errorf("cancelling an order whose goods arrived: %v", err)
	}
	po, err = svc.SetStatus(ctx, poID, domain.POClosedShort)
	if err != nil || po.Status != domain.POClosedShort || po.ClosedAt == nil {
		t.Fatalf("close short: %+v %v", po, err)
	}
	if len(po.Receipts) != 2 || po.Receipts[0].Quantity != 20 || po.Receipts[1].Quantity != 45 || po.Receipts[0].Location != "Warehouse" {
		t.Errorf("history: %+v", po.Receipts)
	}
	pos = position(svc)
	if p := pos["PLATE"]; p.Incoming != 0 {
		t.Errorf("PLATE incoming %d after closing short, want 0", p.Incoming)
	}
	// 20 mugs after 5 days and 45 after 15: the order took (20*5 + 45*15) / 65 days.
	want := (20.0*5 + 45*15) / 65
	if lt := pos["MUG"].LeadTime; lt.Observed != 1 {
		t.Errorf("lead time after closing: %+v", lt)
	} else {
		near(t, "learnt lead time", lt.MeanDays, LearnLeadTime(12, 0, []float64{want}).MeanDays, 1e-9)
	}
	if _, err := svc.Receive(ctx, poID, "", nil); domain.CodeOf(err) != domain.CodeConflict {
		t.Errorf("receiving into a closed order: %v", err)
	}
}

func lineOf(po domain.PurchaseOrder, sku string) domain.PurchaseOrderLine {
	for _, l := range po.Lines {
		if l.SKU == sku {
			return l
		}
	}
	return domain.PurchaseOrderLine{}
}

func TestDeliveryDays(t *testing.T) {
	sent := testNow
	day := func(n float64) time.Time { return sent.Add(time.Duration(n * 24 * float64(time.Hour))) }
	for _, tc := range []struct {
		name     string
		sent     *time.Time
		receipts []domain.POReceipt
		want     float64
		ok       bool
	}{
		{"never sent", nil, []domain.POReceipt{{Quantity: 5, At: day(3)}}, 0, false},
		{"nothing arrived", &sent, nil, 0, false},
		{"in one go", &sent, []domain.POReceipt{{Quantity: 5, At: day(12)}}, 12, true},
		{"split: most came late", &sent, []domain.POReceipt{{Quantity: 10, At: day(5)}, {Quantity: 90, At: day(20)}}, 18.5, true},
		{"two SKUs the same day", &sent, []domain.POReceipt{{SKU: "A", Quantity: 3, At: day(7)}, {SKU: "B", Quantity: 30, At: day(7)}}, 7, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := DeliveryDays(domain.PurchaseOrder{SentAt: tc.sent, Receipts: tc.receipts})
			if ok != tc.ok || (ok && (got < tc.want-1e-9 || got > tc.want+1e-9)) {
				t.Errorf("got %v %v, want %v %v", got, ok, tc.want, tc.ok)
			}
		})
	}
}
