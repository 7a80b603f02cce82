package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shopclerk/backend/customers"
	"shopclerk/backend/domain"
	"shopclerk/backend/store"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/storetest"
)

// segmentsShop is a shop with Ann (two orders, one not yet shipped) and Bob.
func segmentsShop(t *testing.T) (string, time.Time) {
	t.Helper()
	ctx := context.Background()
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	db, st := shopFile(t, now)
	_, _, err := importdb.New(st).WriteBatch(ctx, domain.BatchMeta{FileName: "seed", Kind: "test"}, importdb.WriteOptions{}, func(w *importdb.Writer) error {
		for i, o := range []struct {
			email  string
			total  int64
			days   int
			status domain.FulfillmentStatus
		}{{"ann@example.com", 9000, 30, domain.FulfillmentFulfilled}, {"ann@example.com", 5000, 2, domain.FulfillmentUnfulfilled},
			{"bob@example.com", 1000, 200, domain.FulfillmentFulfilled}} {
			at := now.AddDate(0, 0, -o.days)
			ord := domain.Order{Source: domain.SourceShopify, ExternalID: string(rune('a' + i)), Name: "#" + string(rune('A'+i)), Email: o.email,
				FinancialStatus: domain.FinancialPaid, FulfillmentStatus: o.status, Currency: "EUR", Total: o.total, CreatedAt: at}
			if err := w.UpsertOrder(ord, &domain.Customer{Source: domain.SourceShopify, Email: o.email, FirstName: "A"}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	return db, now
}

// shopFile is a new shop file for a command test, its clock pinned at now;
// the commands open it again by the path it returns.
func shopFile(t *testing.T, now time.Time) (string, *store.Store) {
	db := filepath.Join(t.TempDir(), "shop.db")
	return db, storetest.Open(t, storetest.Path(db), storetest.At(now))
}

func runCLI(t *testing.T, db string, now time.Time, name string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := RunCommand(context.Background(), name, append([]string{"--db", db, "--now", now.Format(time.RFC3339)}, args...), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestCLISegmentsAndCustomer(t *testing.T) {
	db, now := segmentsShop(t)
	code, out, errOut := runCLI(t, db, now, "segments", "--json")
	if code != 0 {
		t.Fatalf("segments: %d %s", code, errOut)
	}
	var res segmentsResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	total := 0
	for _, s := range res.Segments {
		total += s.Count
	}
	if len(res.Segments) != len(customers.Segments) || total != 2 || res.WindowDays != 365 || res.Customers != 2 {
		t.Errorf("segments %+v", res)
	}
	if code, out, _ = runCLI(t, db, now, "segments"); code != 0 || !strings.Contains(out, "Champions") {
		t.Errorf("segments as text: %d %s", code, out)
	}
	if code, _, errOut = runCLI(t, db, now, "segments", "--window", "5"); code == 0 || !strings.Contains(errOut, "between 30 and 3650") {
		t.Errorf("a 5-day window: %d %s", code, errOut)
	}

	code, out, errOut = runCLI(t, db, now, "customer", "show", "ANN@example.com", "--json")
	if code != 0 {
		t.Fatalf("show: %s", errOut)
	}
	var p customers.Page
	if err := json.Unmarshal([]byte(out), &p); err != nil || p.Lifetime.Orders != 2 || len(p.Timeline.Items) == 0 {
		t.Errorf("show: %v %+v", err, p.Lifetime)
	}
	if code, out, _ = runCLI(t, db, now, "customer", "show", "ann@example.com", "--limit", "1"); code != 0 || !strings.Contains(out, "--limit N for more") {
		t.Errorf("show as text: %s", out)
	}
	if code, _, errOut = runCLI(t, db, now, "customer", "show", "nobody@example.com"); code == 0 || !strings.Contains(errOut, "No customer has the email") {
		t.Errorf("unknown email: %d %s", code, errOut)
	}

	dir := t.TempDir()
	if code, out, errOut = runCLI(t, db, now, "customer", "export", "ann@example.com", "--out", dir); code != 0 {
		t.Fatalf("export: %s", errOut)
	}
	for _, ext := range []string{".json", ".pdf"} {
		path := filepath.Join(dir, "customer-ann-example-com-2026-03-01"+ext)
		if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v %v", path, err, fi)
		}
	}
	if code, out, _ = runCLI(t, db, now, "customer", "export", "ann@example.com"); code != 0 || !json.Valid([]byte(out)) {
		t.Errorf("export to stdout: %d %.100s", code, out)
	}

	// An open order: the erase asks (exits non-zero, says --yes) and changes
	// nothing; with --yes it goes.
	code, out, errOut = runCLI(t, db, now, "customer", "erase", "ann@example.com", "--json")
	if code == 0 || !strings.Contains(out, `"conflict"`) || !strings.Contains(out, "--yes") {
		t.Fatalf("erase with an open order: %d %s %s", code, out, errOut)
	}
	if code, _, _ = runCLI(t, db, now, "customer", "show", "ann@example.com"); code != 0 {
		t.Fatal("the refused erase erased")
	}
	if code, out, errOut = runCLI(t, db, now, "customer", "erase", "ann@example.com", "--yes"); code != 0 || !strings.Contains(out, "Erased ann@example.com: 2 orders") {
		t.Fatalf("erase --yes: %d %s %s", code, out, errOut)
	}
	if code, _, errOut = runCLI(t, db, now, "customer", "show", "ann@example.com"); code == 0 {
		t.Errorf("the erased customer is still found")
	}
	if code, _, errOut = runCLI(t, db, now, "customer", "frobnicate", "bob@example.com"); code == 0 || !strings.Contains(errOut, "not show, export or erase") {
		t.Errorf("bad verb: %s", errOut)
	}
}
