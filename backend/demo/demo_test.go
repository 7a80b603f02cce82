package demo

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/storetest"
)

var testNow = clock.Fixed{T: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}

func openStore(tb testing.TB) *importdb.DB {
	return importdb.New(storetest.Open(tb, storetest.Clock(testNow)))
}

func generateS(t *testing.T, seed uint64) (*importdb.DB, Summary) {
	t.Helper()
	st := openStore(t)
	var calls int
	sum, err := Generate(context.Background(), st, testNow, SizeS, seed, func(done, total int) { calls++ })
	if err != nil {
		t.Fatal(err)
	}
	if calls == 0 {
		t.Error("progress was never reported")
	}
	return st, sum
}

func TestSizeSShape(t *testing.T) {
	ctx := context.Background()
	st, sum := generateS(t, DefaultSeed)
	within := func(name string, got, lo, hi int) {
		t.Helper()
		if got < lo || got > hi {
			t.Errorf("%s = %d, want %d..%d", name, got, lo, hi)
		}
	}
	within("orders", sum.Orders, 1000, 1000)
	within("line items", sum.LineItems, 1400, 2200)
	within("customers", sum.Customers, 400, 400)
	within("products", sum.Products, 120, 120)
	within("carts", sum.Carts, 20, 200)
	within("recovered carts", sum.RecoveredCarts, 1, sum.Carts/2)
	within("today's orders", sum.TodayOrders, 5, 50)
	within("low stock", sum.LowStock, 3, 20)

	d, err := st.Dashboard(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if d.TodayOrders == 0 || d.TodayRevenue == 0 {
		t.Errorf("dashboard today = %d orders, %d revenue; want both non-zero", d.TodayOrders, d.TodayRevenue)
	}
	if d.Currency != ShopCurrency || d.TotalOrders != 1000 || d.TotalCustomers != 400 {
		t.Errorf("dashboard = %s, %d orders, %d customers", d.Currency, d.TotalOrders, d.TotalCustomers)
	}
	if d.LowStockCount != sum.LowStock || d.LowStockCount == 0 {
		t.Errorf("dashboard low stock = %d, summary says %d", d.LowStockCount, sum.LowStock)
	}
	if d.AbandonedCarts == 0 {
		t.Error("no open abandoned carts")
	}
	// A plausible shop, described as a seller would in Settings > Shop: no
	// "Demo shop" in its emails.
	if id, err := st.Shop(ctx); err != nil || id != Shop || !id.Configured() || len(id.Problems()) > 0 {
		t.Errorf("the demo shop's identity: %+v %v %v", id, err, id.Problems())
	}
	for _, s := range []domain.ShipmentStatus{domain.ShipmentLabelCreated, domain.ShipmentInTransit, domain.ShipmentOutForDelivery,
		domain.ShipmentDelivered, domain.ShipmentException} {
		if d.ShipmentsByStatus[string(s)] == 0 {
			t.Errorf("no shipment is %s: %v", s, d.ShipmentsByStatus)
		}
	}

	cs, err := st.ListCustomers(ctx, domain.PageRequest{Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	var consent, birthdays, repeat, none, maxOrders int
	for _, c := range cs.Rows {
		if c.AcceptsMarketing {
			consent++
			if c.ConsentAt == nil {
				t.Errorf("%s consents without a consent time", c.Email)
			}
		}
		if c.Birthday != "" {
			birthdays++
		}
		switch {
		case c.OrdersCount == 0:
			none++
		case c.OrdersCount > 1:
			repeat++
		}
		maxOrders = max(maxOrders, c.OrdersCount)
		if !strings.HasSuffix(c.Email, "@example.com") && !strings.HasSuffix(c.Email, "@example.net") && !strings.HasSuffix(c.Email, "@example.org") {
			t.Errorf("email %q is not on a reserved example domain", c.Email)
		}
	}
	within("consenting customers", consent, 120, 320)
	within("customers with birthdays", birthdays, 60, 220)
	within("repeat customers", repeat, 60, 350)
	within("customers without orders", none, 10, 120)
	within("most orders by one customer", maxOrders, 6, 200)

	statuses := map[domain.FinancialStatus]int{}
	for page := 0; page*500 < 1000; page++ {
		op, err := st.ListOrders(ctx, domain.PageRequest{Offset: page * 500, Limit: 500})
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range op.Rows {
			statuses[domain.FinancialStatus(o.FinancialStatus)]++
		}
	}
	for _, s := range []domain.FinancialStatus{domain.FinancialPaid, domain.FinancialPending, domain.FinancialRefunded,
		domain.FinancialPartiallyRefunded, domain.FinancialVoided} {
		if statuses[s] == 0 {
			t.Errorf("no order is %s: %v", s, statuses)
		}
	}
	if statuses[domain.FinancialPaid] < 800 {
		t.Errorf("only %d paid orders", statuses[domain.FinancialPaid])
	}
	cancelled, err := st.ListOrders(ctx, domain.PageRequest{Filter: "cancelled", Limit: 1})
	if err != nil || cancelled.Total == 0 {
		t.Errorf("cancelled orders: %d, %v", cancelled.Total, err)
	}
}

func TestDeterministic(t *testing.T) {
	ctx := context.Background()
	st1, sum1 := generateS(t, 7)
	st2, sum2 := generateS(t, 7)
	if sum1 != sum2 {
		t.Fatalf("same seed and clock, different shops:\n%+v\n%+v", sum1, sum2)
	}
	for id := int64(1); id <= 5; id++ {
		o1, err1 := st1.GetOrder(ctx, id)
		o2, err2 := st2.GetOrder(ctx, id)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		j1, _ := json.Marshal(o1)
		j2, _ := json.Marshal(o2)
		if !bytes.Equal(j1, j2) {
			t.Errorf("order %d differs:\n%s\n%s", id, j1, j2)
		}
	}
	other, err := WriteShopifyCSV(ctx, t.TempDir(), testNow, SizeS, 8, nil)
	if err != nil {
		t.Fatal(err)
	}
	if other.Checksum == sum1.Checksum {
		t.Error("a different seed gave the same shop")
	}
	// The CSV path generates the very same shop as the store path.
	viaCSV, err := WriteShopifyCSV(ctx, t.TempDir(), testNow, SizeS, 7, nil)
	if err != nil {
		t.Fatal(err)
	}
	if viaCSV != sum1 {
		t.Errorf("CSV and store generations differ:\n%+v\n%+v", viaCSV, sum1)
	}
}

func TestRefusesShopWithData(t *testing.T) {
	st, _ := generateS(t, DefaultSeed)
	_, err := Generate(context.Background(), st, testNow, SizeS, DefaultSeed, nil)
	if domain.CodeOf(err) != ErrNotEmpty {
		t.Fatalf("second generation: %v (code %s), want a conflict", err, domain.CodeOf(err))
	}
	if !strings.Contains(err.Error(), "already holds a shop") {
		t.Errorf("message %q does not say why", err)
	}
}

func TestCancelLeavesNothing(t *testing.T) {
	st := openStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	_, err := Generate(ctx, st, testNow, SizeS, DefaultSeed, func(done, total int) {
		if done > total/2 {
			cancel()
		}
	})
	if err == nil {
		t.Fatal("a cancelled generation reported success")
	}
	orders, err := st.ListOrders(context.Background(), domain.PageRequest{Limit: 1})
	if err != nil || orders.Total != 0 {
		t.Errorf("after cancelling: %d orders, %v", orders.Total, err)
	}
}

func TestUnknownSize(t *testing.T) {
	if _, err := ParseSize("xl"); domain.CodeOf(err) != domain.CodeInvalid {
		t.Errorf("ParseSize(xl) = %v", err)
	}
}

func readCSV(t *testing.T, path string, cols int) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = cols
	var rows [][]string
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", filepath.Base(path), err)
		}
		rows = append(rows, rec)
	}
	return rows
}

func TestShopifyCSVRoundTrip(t *testing.T) {
	dir := t.TempDir()
	sum, err := WriteShopifyCSV(context.Background(), dir, testNow, SizeS, DefaultSeed, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(OrdersHeader) != 79 {
		t.Fatalf("orders header has %d columns", len(OrdersHeader))
	}
	rows := readCSV(t, filepath.Join(dir, OrdersCSV), 79)
	if strings.Join(rows[0], ",") != strings.Join(OrdersHeader, ",") {
		t.Fatal("orders header differs from Shopify's")
	}
	rows = rows[1:]
	if len(rows) != sum.LineItems {
		t.Errorf("%d rows, want one per line item (%d)", len(rows), sum.LineItems)
	}
	col := newColumns(OrdersHeader)
	orders, continuation := 0, 0
	prev := ""
	for i, r := range rows {
		name := r[col.at("Name")]
		if name == prev {
			continuation++
			for j, h := range OrdersHeader {
				if IsOrderLevelColumn(h) && r[j] != "" {
					t.Fatalf("row %d (%s) is a continuation row but has %s = %q", i+2, name, h, r[j])
				}
			}
		} else {
			orders++
			if r[col.at("Financial Status")] == "" || r[col.at("Total")] == "" || r[col.at("Id")] == "" {
				t.Fatalf("first row of %s lacks order-level columns", name)
			}
		}
		if r[col.at("Lineitem sku")] == "" || r[col.at("Lineitem quantity")] == "" || r[col.at("Created at")] == "" {
			t.Fatalf("row %d lacks line-item columns", i+2)
		}
		prev = name
	}
	if orders != sum.Orders || continuation == 0 {
		t.Errorf("%d orders (%d continuation rows), want %d orders with some multi-item", orders, continuation, sum.Orders)
	}
	raw, _ := os.ReadFile(filepath.Join(dir, OrdersCSV))
	if !bytes.Contains(raw, []byte(`,"",`)) || !bytes.Contains(raw, []byte(",'")) {
		t.Error(`orders export lacks Shopify's quoted empty "" cells or apostrophe-prefixed zips`)
	}

	cust := readCSV(t, filepath.Join(dir, CustomersCSV), len(CustomersHeader))
	if len(cust)-1 != sum.Customers {
		t.Errorf("%d customer rows, want %d", len(cust)-1, sum.Customers)
	}
	prods := readCSV(t, filepath.Join(dir, ProductsCSV), len(ProductsHeader))
	if len(prods)-1 != sum.Products {
		t.Errorf("%d product rows, want %d", len(prods)-1, sum.Products)
	}
	inv := readCSV(t, filepath.Join(dir, InventoryCSV), len(InventoryHeader))
	if len(inv)-1 != sum.StockLevels {
		t.Errorf("%d inventory rows, want %d", len(inv)-1, sum.StockLevels)
	}
	checks := readCSV(t, filepath.Join(dir, CheckoutsCSV), len(CheckoutsHeader))
	if len(checks) < 2 {
		t.Error("no abandoned checkouts written")
	}
}
