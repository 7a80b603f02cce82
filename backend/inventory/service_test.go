package inventory

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/email"
	"shopclerk/backend/mail"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/inventorydb"
	"shopclerk/backend/store/outboxdb"
	"shopclerk/backend/store/storetest"

	"github.com/xuri/excelize/v2"
)

var testNow = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

func openStore(t *testing.T, at time.Time, opts ...storetest.Option) *inventorydb.DB {
	return inventorydb.New(storetest.Open(t, append(opts, storetest.At(at))...))
}

// seedShop: MUG sells 3 a day and is low; PLATE sells 1 a day and is well
// stocked; ORPHAN sells but has no supplier; the supplier packs in 6s.
func seedShop(t *testing.T, st *inventorydb.DB, supplierEmail string) int64 {
	t.Helper()
	ctx := context.Background()
	_, _, err := importdb.New(st.Store).WriteBatch(ctx, domain.BatchMeta{FileName: "seed", Kind: "test"}, importdb.WriteOptions{}, func(w *importdb.Writer) error {
		for _, p := range []domain.Product{
			{SKU: "MUG", Title: "Mug =cheap", Price: domain.Money{Amount: 1200, Currency: "EUR"}, Cost: domain.Money{Amount: 400}},
			{SKU: "PLATE", Title: "Plate", Price: domain.Money{Amount: 900, Currency: "EUR"}, Cost: domain.Money{Amount: 300}},
			{SKU: "ORPHAN", Title: "Orphan", Price: domain.Money{Amount: 500, Currency: "EUR"}},
		} {
			if err := w.UpsertProduct(p); err != nil {
				return err
			}
		}
		for _, l := range []domain.StockLevel{
			{SKU: "MUG", Location: "Shop", OnHand: 4, Available: 4, Stocked: true},
			{SKU: "MUG", Location: "Warehouse", OnHand: 6, Available: 6, Stocked: true},
			{SKU: "PLATE", Location: "Shop", OnHand: 200, Available: 200, Stocked: true},
			{SKU: "ORPHAN", Location: "Shop", OnHand: 0, Available: 0, Stocked: true},
		} {
			if err := w.SetStock(l, "import"); err != nil {
				return err
			}
		}
		for _, o := range storetest.SalesHistory(testNow, 90, "EUR",
			domain.LineItem{SKU: "MUG", Quantity: 3}, domain.LineItem{SKU: "PLATE", Quantity: 1}, domain.LineItem{SKU: "ORPHAN", Quantity: 1, Position: 3}) {
			if err := w.UpsertOrder(o, nil); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	svc := New(st, clock.Fixed{T: testNow}, nil)
	sup, err := svc.SaveSupplier(ctx, domain.Supplier{Name: "Potter & Co", Email: supplierEmail, Currency: "EUR",
		LeadTimeDays: 12, PackSize: 6, MinOrderQty: 12})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range []domain.SupplierOffer{{SupplierID: sup.ID, SKU: "MUG", SupplierSKU: "+POT-1", UnitCost: 350},
		{SupplierID: sup.ID, SKU: "PLATE", SupplierSKU: "POT-2", UnitCost: 250}} {
		if err := st.SetSupplierOffer(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	return sup.ID
}

func TestReorderSendReceive(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, testNow)
	supID := seedShop(t, st, "orders@potter.test")
	st.SetSetting(ctx, domain.SettingShopName, "Clay Shop")
	svc := New(st, clock.Fixed{T: testNow}, OutboxMailer{Store: st, Renderer: &mail.Templates{Store: outboxdb.New(st.Store)}})

	plan, err := svc.Plan(ctx)
	if err != nil {
		t.Fatal(err)
	}
	items := map[string]SKUPlan{}
	for _, p := range plan.Items {
		items[p.SKU] = p
	}
	mug := items["MUG"]
	if mug.Available != 10 || len(mug.Levels) != 2 || mug.Decision == nil || !mug.Decision.Due || mug.Suggest == 0 || mug.Suggest%6 != 0 {
		t.Fatalf("MUG plan: %+v decision %+v", mug, mug.Decision)
	}
	near(t, "MUG per day", mug.Forecast.PerDay, 3, 0.05)
	if !strings.HasPrefix(mug.Decision.Explanation, "sells about 3 a day; the supplier takes 12 days; 95 % service level → reorder at 36") {
		t.Errorf("MUG explanation: %q", mug.Decision.Explanation)
	}
	if items["PLATE"].Suggest != 0 {
		t.Errorf("PLATE has 200 days of stock and should not be reordered: %+v", items["PLATE"].Decision)
	}
	if o := items["ORPHAN"]; o.Suggest != 0 || len(o.Flags) == 0 || o.Flags[0].Code != FlagNoSupplier {
		t.Errorf("ORPHAN should be flagged, not ordered: %+v", o)
	}

	preview, err := svc.ReorderNow(ctx, true)
	if err != nil || len(preview) != 1 || preview[0].PO.ID != 0 || len(preview[0].PO.Lines) != 1 {
		t.Fatalf("dry run: %+v %v", preview, err)
	}
	if pos, _ := st.PurchaseOrders(ctx, "", 0); len(pos) != 0 {
		t.Fatalf("the dry run wrote %d orders", len(pos))
	}
	drafts, err := svc.ReorderNow(ctx, false)
	if err != nil || len(drafts) != 1 || drafts[0].PO.ID == 0 || drafts[0].PO.SupplierID != supID {
		t.Fatalf("reorder now: %+v %v", drafts, err)
	}
	poID := drafts[0].PO.ID
	if again, _ := svc.ReorderNow(ctx, false); len(again) != 0 {
		t.Fatalf("a second Reorder now must not order MUG twice: %+v", again)
	}

	// The seller adds plates and bumps mugs.
	po, err := svc.SetLine(ctx, poID, "PLATE", 12, nil)
	if err != nil || len(po.Lines) != 2 {
		t.Fatalf("add PLATE: %+v %v", po, err)
	}
	if po, err = svc.SetLine(ctx, poID, "MUG", 60, nil); err != nil {
		t.Fatal(err)
	}
	if po.Total != 60*350+12*250 {
		t.Errorf("total %d", po.Total)
	}
	for _, bad := range []struct {
		sku string
		qty int
	}{{"MUG", -1}, {"MUG", MaxQuantity + 1}, {"NOPE", 3}, {"", 3}} {
		if _, err := svc.SetLine(ctx, poID, bad.sku, bad.qty, nil); err == nil {
			t.Errorf("SetLine(%q, %d) accepted", bad.sku, bad.qty)
		}
	}

	po, err = svc.Send(ctx, poID)
	if err != nil {
		t.Fatal(err)
	}
	if po.Status != domain.POSent || po.MessageID == "" || po.ExpectedAt == nil || po.ExpectedAt.Sub(testNow) != 12*24*time.Hour {
		t.Fatalf("sent: %+v", po)
	}
	msgs, err := outboxdb.New(st.Store).ListMessages(ctx, domain.MsgQueued, 10, 0)
	if err != nil || len(msgs) != 1 {
		t.Fatalf("outbox: %v %v", msgs, err)
	}
	m := msgs[0]
	if m.Kind != domain.KindSupplier || m.ToAddr != "orders@potter.test" || m.MessageID != po.MessageID || len(m.Attachments) != 2 ||
		!strings.Contains(m.Text, "60 x +POT-1") || !strings.Contains(m.Text, "Clay Shop") {
		t.Fatalf("queued message: %+v", m)
	}
	if _, err := svc.Send(ctx, poID); domain.CodeOf(err) != domain.CodeConflict {
		t.Errorf("sending twice: %v", err)
	}
	// The default template words the email as purchase orders were worded
	// before they went through the templates; the shop's name comes as the
	// signature every email's text part ends with.
	if want := strings.TrimSpace(fixedPOText(po, "")) + "\n\n-- \nClay Shop\n"; m.Text != want || m.Subject != "Purchase order "+po.Number {
		t.Errorf("queued %q\n%s\nwant\n%s", m.Subject, m.Text, want)
	}
	if !strings.Contains(m.HTML, "please find attached our purchase order "+po.Number) {
		t.Errorf("HTML part: %s", m.HTML)
	}
	checkXLSX(t, m.Attachments[0].Data)
	checkPDF(t, m.Attachments[1].Data)

	// Fifteen days later everything arrives; the lead time is learnt.
	st.Close()
	at := testNow.AddDate(0, 0, 15)
	st = openStore(t, at, storetest.Path(st.Path()))
	later := New(st, clock.Fixed{T: at}, nil)
	if _, err := later.Receive(ctx, poID, "", []domain.Receipt{{SKU: "MUG", Quantity: 0}}); domain.CodeOf(err) != domain.CodeInvalid {
		t.Errorf("receiving 0: %v", err)
	}
	if _, err := later.Receive(ctx, poID, "", []domain.Receipt{{SKU: "ORPHAN", Quantity: 1}}); domain.CodeOf(err) != domain.CodeInvalid {
		t.Errorf("receiving a SKU not on the order: %v", err)
	}
	po, err = later.Receive(ctx, poID, "", nil)
	if err != nil || po.Status != domain.POReceived {
		t.Fatalf("receive all: %+v %v", po, err)
	}
	plan, _ = later.Plan(ctx)
	for _, p := range plan.Items {
		if p.SKU == "MUG" {
			// Received into the Warehouse (most stock), 10 + 60 units.
			if p.OnHand != 70 || p.Levels[1].OnHand != 66 || p.Incoming != 0 {
				t.Errorf("MUG after receiving: on hand %d, levels %+v, incoming %d", p.OnHand, p.Levels, p.Incoming)
			}
			near(t, "learnt lead time", p.LeadTime.MeanDays, 13.5, 1e-9)
		}
	}
}

func checkXLSX(t *testing.T, data []byte) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("xlsx does not open: %v", err)
	}
	defer f.Close()
	rows, err := f.GetRows("Purchase order")
	if err != nil {
		t.Fatal(err)
	}
	var text []string
	for _, r := range rows {
		text = append(text, strings.Join(r, "|"))
	}
	all := strings.Join(text, "\n")
	for _, want := range []string{"Purchase order PO-000001", "To|Potter & Co", "Supplier SKU|Our SKU|Item|Quantity|Unit cost|Line total",
		"'+POT-1|MUG|Mug =cheap|60|3.50|210.00", "POT-2|PLATE|Plate|12|2.50|30.00", "Total|240.00"} {
		if !strings.Contains(all, want) {
			t.Errorf("xlsx lacks %q:\n%s", want, all)
		}
	}
	// Numbers stay numbers so the supplier can sum them.
	if v, _ := f.GetCellType("Purchase order", "D11"); v != excelize.CellTypeNumber && v != excelize.CellTypeUnset {
		t.Errorf("quantity cell type %v", v)
	}
}

func checkPDF(t *testing.T, data []byte) {
	t.Helper()
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", data[:min(len(data), 16)])
	}
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Log("pdftotext (poppler-utils) is not installed: PDF text not checked, only its header")
		return
	}
	path := filepath.Join(t.TempDir(), "po.pdf")
	os.WriteFile(path, data, 0o600)
	out, err := exec.Command(bin, "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := string(out)
	for _, want := range []string{"Purchase order PO-000001", "Potter & Co", "+POT-1", "MUG", "60", "3.50", "210.00", "240.00", "Clay Shop"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q:\n%s", want, text)
		}
	}
}

func TestSupplierBadInput(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, testNow)
	svc := New(st, clock.Fixed{T: testNow}, OutboxMailer{Store: st, Renderer: &mail.Templates{Store: outboxdb.New(st.Store)}})
	for _, c := range []struct {
		name string
		sp   domain.Supplier
		want string
	}{
		{"no name", domain.Supplier{PackSize: 1}, "name"},
		{"negative lead time", domain.Supplier{Name: "A", LeadTimeDays: -2, PackSize: 1}, "negative"},
		{"999 days", domain.Supplier{Name: "A", LeadTimeDays: 999, PackSize: 1}, "more than a year"},
		{"pack 0", domain.Supplier{Name: "A", LeadTimeDays: 5}, "pack size"},
		{"bad email", domain.Supplier{Name: "A", Email: "not-an-email", PackSize: 1}, "not an email"},
		{"bad currency", domain.Supplier{Name: "A", Currency: "euro", PackSize: 1}, "currency"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := svc.SaveSupplier(ctx, c.sp)
			if domain.CodeOf(err) != domain.CodeInvalid || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want invalid mentioning %q", err, c.want)
			}
		})
	}
	if err := svc.SetPolicy(ctx, Policy{ServiceLevel: 0.2, ReviewDays: 14}); domain.CodeOf(err) != domain.CodeInvalid {
		t.Errorf("service level 20 %%: %v", err)
	}
}

func TestSupplierWithoutEmailIsFlaggedAndCannotSend(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, testNow)
	seedShop(t, st, "")
	svc := New(st, clock.Fixed{T: testNow}, OutboxMailer{Store: st, Renderer: &mail.Templates{Store: outboxdb.New(st.Store)}})
	drafts, err := svc.ReorderNow(ctx, false)
	if err != nil || len(drafts) != 1 {
		t.Fatalf("a supplier without email still gets a draft: %+v %v", drafts, err)
	}
	if len(drafts[0].Flags) == 0 || drafts[0].Flags[0].Code != FlagSupplierNoEmail {
		t.Errorf("draft flags: %+v", drafts[0].Flags)
	}
	_, err = svc.Send(ctx, drafts[0].PO.ID)
	if domain.CodeOf(err) != domain.CodeInvalid || !strings.Contains(err.Error(), "has no email address") {
		t.Fatalf("send without email: %v", err)
	}
	if n, _ := outboxdb.New(st.Store).ListMessages(ctx, "", 10, 0); len(n) != 0 {
		t.Errorf("nothing may be queued: %v", n)
	}
	// Bad figures stored behind the service's back are flagged, not fatal.
	if _, err := st.SaveSupplier(ctx, domain.Supplier{ID: drafts[0].PO.SupplierID, Name: "Potter & Co", Currency: "USD", LeadTimeDays: 999, PackSize: 0}); err != nil {
		t.Fatal(err)
	}
	plan, err := svc.Plan(ctx)
	if err != nil {
		t.Fatal(err)
	}
	codes := map[FlagCode]bool{}
	for _, p := range plan.Items {
		if p.SKU == "MUG" {
			for _, f := range p.Flags {
				codes[f.Code] = true
			}
			if p.Decision != nil || p.Suggest != 0 {
				t.Errorf("unusable supplier figures must not produce an order: %+v", p)
			}
		}
	}
	if !codes[FlagBadSupplierData] || !codes[FlagCurrencyMismatch] || !codes[FlagSupplierNoEmail] {
		t.Errorf("flags %v", codes)
	}
}

func TestExportsEscapeFormulas(t *testing.T) {
	for in, want := range map[string]string{"=SUM(A1)": "'=SUM(A1)", "+1": "'+1", "-2": "'-2", "@x": "'@x",
		"\tx": "'\tx", "\rx": "'\rx", "plain": "plain", "": ""} {
		if got := SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
	}
	doc := Document{PO: domain.PurchaseOrder{Number: "PO-000009", Currency: "JPY", Total: 1500,
		Lines: []domain.PurchaseOrderLine{{SKU: "=HYPERLINK(\"http://x\")", Title: "@evil", Quantity: 3, UnitCost: 500}}},
		Supplier: domain.Supplier{Name: "-Dash"}, Date: testNow}
	csv, err := doc.Render(FormatCSV)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(csv), `'=HYPERLINK(""http://x"")`) || !strings.Contains(string(csv), "'@evil") || !strings.Contains(string(csv), ",500,1500") {
		t.Errorf("csv:\n%s", csv)
	}
	if _, err := doc.Render("docx"); domain.CodeOf(err) != domain.CodeInvalid {
		t.Errorf("unknown format: %v", err)
	}
}

// fixedPOText is the wording purchase orders had before the seller could
// edit it, kept to check the default template against.
func fixedPOText(po domain.PurchaseOrder, shop string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Hello %s,\n\nplease find attached our purchase order %s (as a spreadsheet and a PDF).\n\n", po.SupplierName, po.Number)
	for _, l := range po.Lines {
		code := l.SupplierSKU
		if code == "" {
			code = l.SKU
		}
		fmt.Fprintf(&b, "  %d x %s  %s\n", l.Quantity, code, l.Title)
	}
	fmt.Fprintf(&b, "\nTotal: %s %s\n", email.Decimal(po.Total, po.Currency), po.Currency)
	if po.Note != "" {
		fmt.Fprintf(&b, "\n%s\n", po.Note)
	}
	b.WriteString("\nPlease confirm the order and the expected delivery date by replying to this email.\n\nThank you,\n")
	if shop != "" {
		b.WriteString(shop + "\n")
	}
	return b.String()
}

// TestPurchaseOrderEmailUsesTheSavedTemplate: the seller's version of the
// purchase_order template (Settings > Templates) is what the supplier gets,
// with the shop's name and address as every other email has them.
func TestPurchaseOrderEmailUsesTheSavedTemplate(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, testNow)
	seedShop(t, st, "orders@potter.test")
	st.SetSetting(ctx, domain.SettingShopName, "Clay Shop")
	st.SetSetting(ctx, email.SettingShopEmail, "hello@clayshop.test")
	edited := email.Template{Name: POTemplate, Subject: "Order {{.PurchaseOrder.Number}} from {{.Shop.Name}}",
		HTML: `<p>Dear {{.PurchaseOrder.Supplier}},</p>{{range .PurchaseOrder.Lines}}<p>{{.Quantity}} × {{.SKU}} at {{.Price}}</p>{{end}}<p>Note: {{.PurchaseOrder.Note}} / {{.Vars.po_number}}</p><p>Reply to {{.Shop.Email}}</p>`}
	if err := mail.SaveTemplate(ctx, outboxdb.New(st.Store), edited, email.Shop{Name: "Clay Shop"}); err != nil {
		t.Fatal(err)
	}
	svc := New(st, clock.Fixed{T: testNow}, OutboxMailer{Store: st, Renderer: &mail.Templates{Store: outboxdb.New(st.Store)}})
	drafts, err := svc.ReorderNow(ctx, false)
	if err != nil || len(drafts) != 1 {
		t.Fatalf("reorder: %+v %v", drafts, err)
	}
	po, err := svc.Send(ctx, drafts[0].PO.ID)
	if err != nil {
		t.Fatal(err)
	}
	msgs, err := outboxdb.New(st.Store).ListMessages(ctx, domain.MsgQueued, 10, 0)
	if err != nil || len(msgs) != 1 {
		t.Fatalf("outbox: %v %v", msgs, err)
	}
	m := msgs[0]
	if m.Subject != "Order "+po.Number+" from Clay Shop" || !strings.HasPrefix(m.Text, "Dear Potter & Co,") ||
		!strings.Contains(m.Text, " × +POT-1 at 3.50 EUR") || !strings.Contains(m.Text, " / "+po.Number) ||
		!strings.Contains(m.Text, "Reply to hello@clayshop.test") || len(m.Attachments) != 2 {
		t.Fatalf("queued %q\n%s", m.Subject, m.Text)
	}
}
