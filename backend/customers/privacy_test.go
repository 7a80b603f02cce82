package customers

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/importer"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/storetest"
)

func realExport(name string) string {
	return filepath.Join("..", "..", "testdata", "real", "shopify", name)
}

func importFiles(t *testing.T, f *fixture, names ...string) importer.Result {
	t.Helper()
	var specs []importer.FileSpec
	for _, n := range names {
		specs = append(specs, importer.FileSpec{Path: realExport(n)})
	}
	res, err := importer.Import(context.Background(), importdb.New(f.st), specs, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res.Files {
		if r.Error != "" {
			t.Fatalf("%s: %s", r.File, r.Error)
		}
	}
	return res
}

type orderRow struct {
	Email, Note, Billing, Shipping string
	CustomerID                     *int64
	Total                          int64
}

func (f *fixture) ordersNamed(names []string) map[string]orderRow {
	out := map[string]orderRow{}
	for _, n := range names {
		var r orderRow
		if err := f.st.SQL().QueryRow(`SELECT email, note, billing, shipping_address, customer_id, total FROM orders WHERE name = ?`, n).
			Scan(&r.Email, &r.Note, &r.Billing, &r.Shipping, &r.CustomerID, &r.Total); err != nil {
			f.t.Fatalf("order %s: %v", n, err)
		}
		out[n] = r
	}
	return out
}

// Erase then import the same real exports again: the person does not come
// back, and their orders stay, anonymised, with their amounts.
func TestEraseThenReimportRealExport(t *testing.T) {
	f := newFixture(t)
	files := []string{"orders_export_2025-04_CAD_79col.csv", "customers_export_2024_20col_apostrophes.csv"}
	importFiles(t, f, files...)
	const who = "customer001@example.com"
	id := f.id(who)
	var names []string
	rows, _ := f.st.SQL().Query(`SELECT name FROM orders WHERE customer_id = ?`, id)
	for rows.Next() {
		var n string
		rows.Scan(&n)
		names = append(names, n)
	}
	rows.Close()
	if len(names) == 0 {
		t.Fatal("the fixture's customer has no orders")
	}
	before := f.ordersNamed(names)
	customers := storetest.Count(f.t, f.st, `SELECT COUNT(*) FROM customers`)
	storetest.Exec(f.t, f.st, `INSERT INTO messages (message_id, kind, to_addr, subject, status, customer_id, created_at) VALUES ('<e1@shop>', 'marketing', ?, 'Hi', 'sent', ?, 1)`, who, id)
	storetest.Exec(f.t, f.st, `INSERT INTO suppressions (email, reason, at) VALUES (?, 'unsubscribed', 1)`, who)
	if _, err := f.svc.AddNote(f.ctx, id, "Called about a refund"); err != nil {
		t.Fatal(err)
	}

	chk, err := f.svc.CheckErase(f.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	res, err := f.svc.Erase(f.ctx, id, true)
	if err != nil {
		t.Fatal(err)
	}
	if res.Orders != int64(len(names)) || res.Emails != 1 || res.Notes != 1 || res.KeysKept == 0 {
		t.Errorf("erased %+v (check %+v)", res, chk)
	}
	check := func(stage string) {
		t.Helper()
		if n := storetest.Count(f.t, f.st, `SELECT COUNT(*) FROM customers WHERE email = ?`, who); n != 0 {
			t.Errorf("%s: the erased customer is back", stage)
		}
		if n := storetest.Count(f.t, f.st, `SELECT COUNT(*) FROM customers`); n != customers {
			t.Errorf("%s: %d customers, want %d (the erased row stays, emptied)", stage, n, customers)
		}
		for n, o := range f.ordersNamed(names) {
			var bill, ship domain.Address
			json.Unmarshal([]byte(o.Billing), &bill)
			json.Unmarshal([]byte(o.Shipping), &ship)
			b0 := before[n]
			var bill0 domain.Address
			json.Unmarshal([]byte(b0.Billing), &bill0)
			if o.Email != "" || o.CustomerID != nil || o.Note != "" || bill.Name != "" || bill.Address1 != "" || bill.Zip != "" ||
				bill.Phone != "" || ship.Name != "" || ship.Address1 != "" || bill.Country != bill0.Country || o.Total != b0.Total {
				t.Errorf("%s: order %s not anonymised as it should be: %+v (billing %+v)", stage, n, o, bill)
			}
		}
		for _, q := range []string{`SELECT COUNT(*) FROM messages WHERE lower(to_addr) = ?`, `SELECT COUNT(*) FROM suppressions WHERE email = ?`,
			`SELECT COUNT(*) FROM carts WHERE email = ?`, `SELECT COUNT(*) FROM import_rejects WHERE instr(lower(value), ?) > 0`} {
			if n := storetest.Count(f.t, f.st, q, who); n != 0 {
				t.Errorf("%s: %s finds %d rows", stage, q, n)
			}
		}
		if n := storetest.Count(f.t, f.st, `SELECT COUNT(*) FROM customer_erasures WHERE key_hash LIKE '%' || ? || '%'`, who); n != 0 {
			t.Errorf("%s: the address itself is stored", stage)
		}
	}
	check("after the erasure")
	importFiles(t, f, files...)
	check("after importing the same files again")
	// A third import changes nothing: the anonymised orders are stable.
	res2 := importFiles(t, f, files...)
	for _, r := range res2.Files {
		if r.Counts.Created != 0 || r.Counts.Updated != 0 {
			t.Errorf("%s imported a third time: %+v", r.File, r.Counts)
		}
	}
	// The page of the erased row says so and holds nothing.
	p, err := f.svc.Page(f.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if p.ErasedAt == nil || p.Customer.Email != "" || p.Customer.FirstName != "" || len(p.Timeline.Items) != 0 {
		t.Errorf("erased page %+v", p)
	}
	if _, err := f.svc.Erase(f.ctx, id, true); domain.CodeOf(err) != domain.CodeConflict {
		t.Errorf("erasing twice: %v", err)
	}
	if _, err := f.svc.SetTag(f.ctx, id, "x", true); domain.CodeOf(err) != domain.CodeConflict {
		t.Errorf("tagging the erased row: %v", err)
	}
}

func TestEraseAsksAboutOpenOrders(t *testing.T) {
	f, ann := annShop(t)
	chk, err := f.svc.CheckErase(f.ctx, ann)
	if err != nil || len(chk.OpenOrders) != 1 || chk.OpenOrders[0] != "#1003" {
		t.Fatalf("check %+v %v", chk, err)
	}
	_, err = f.svc.Erase(f.ctx, ann, false)
	if domain.CodeOf(err) != ErrOpenOrders || !strings.Contains(err.Error(), "#1003") {
		t.Fatalf("erase without confirming: %v", err)
	}
	// Nothing was changed by the refusal.
	if n := storetest.Count(f.t, f.st, `SELECT COUNT(*) FROM customers WHERE email = 'ann@example.com'`); n != 1 {
		t.Error("the refusal erased the customer")
	}
	if _, err := f.svc.Erase(f.ctx, ann, true); err != nil {
		t.Fatal(err)
	}
	// Bob is untouched.
	bob := f.id("bob@example.com")
	if p, err := f.svc.Page(f.ctx, bob); err != nil || p.Lifetime.Orders != 1 {
		t.Errorf("bob: %+v %v", p.Lifetime, err)
	}
	// The ledger still names the emptied row: its id is never reused.
	if n := storetest.Count(f.t, f.st, `SELECT COUNT(*) FROM customers WHERE id = ? AND source = 'erased'`, ann); n != 1 {
		t.Error("the erased row is gone")
	}
}

func TestExport(t *testing.T) {
	f, ann := annShop(t)
	if _, err := f.svc.AddNote(f.ctx, ann, "Prefers DHL"); err != nil {
		t.Fatal(err)
	}
	e, err := f.svc.Export(f.ctx, ann)
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Orders) != 3 || len(e.Orders[0].Lines) != 1 || len(e.Carts) != 1 || len(e.Coupons) != 1 || len(e.EmailsSent) != 1 ||
		len(e.EmailsReceived) != 1 || len(e.Notes) != 1 || e.Customer.Email != "ann@example.com" {
		t.Errorf("export: %d orders, %d carts, %d coupons, %d sent, %d received, %d notes", len(e.Orders), len(e.Carts), len(e.Coupons),
			len(e.EmailsSent), len(e.EmailsReceived), len(e.Notes))
	}
	js, err := e.JSON()
	if err != nil || !json.Valid(js) || !bytes.Contains(js, []byte(`"Your order #1003"`)) {
		t.Errorf("json: %v %s", err, js[:min(200, len(js))])
	}
	pdf, err := e.PDF()
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) || len(pdf) < 2000 {
		t.Errorf("pdf: %v, %d bytes", err, len(pdf))
	}
	if e.FileName() != "customer-ann-example-com-2026-03-01" {
		t.Errorf("file name %q", e.FileName())
	}
}
