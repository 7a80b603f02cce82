package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/rules"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/rulesdb"
)

func TestCLIRun(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	db, st := shopFile(t, now)
	e := rules.New(rulesdb.New(st), rules.Options{})
	id, err := e.InstallTemplate(ctx, "order_confirmation")
	if err != nil {
		t.Fatal(err)
	}
	if err := e.SetEnabled(ctx, id, true); err != nil {
		t.Fatal(err)
	}
	paid := now.Add(-time.Hour)
	c := domain.Customer{Source: domain.SourceShopify, Email: "ann@example.com", FirstName: "Ann"}
	_, _, err = importdb.New(st).WriteBatch(ctx, domain.BatchMeta{FileName: "o.csv", Kind: "orders"}, importdb.WriteOptions{}, func(w *importdb.Writer) error {
		return w.UpsertOrder(domain.Order{Source: domain.SourceShopify, ExternalID: "1001", Name: "#1001", Email: c.Email,
			FinancialStatus: domain.FinancialPaid, Currency: "EUR", Total: 2500, CreatedAt: paid, PaidAt: &paid}, &c)
	})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()

	run := func(args ...string) runOutput {
		t.Helper()
		var out, errOut bytes.Buffer
		if code := RunCommand(ctx, "run", append([]string{"--db", db, "--now", now.Format(time.RFC3339), "--json"}, args...), &out, &errOut); code != 0 {
			t.Fatalf("exit %d: %s", code, errOut.String())
		}
		var o runOutput
		if err := json.Unmarshal(out.Bytes(), &o); err != nil {
			t.Fatalf("%v: %s", err, out.String())
		}
		return o
	}
	if o := run("--dry-run"); o.Preview == nil || o.Preview.Items != 1 || !o.Result.DryRun {
		t.Fatalf("dry run %+v", o)
	}
	if o := run(); o.Result.Done != 1 {
		t.Fatalf("run %+v", o.Result)
	}
	if o := run(); o.Result.Done != 0 {
		t.Fatalf("second run did %d", o.Result.Done)
	}
}
