package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/inventory"
	"shopclerk/backend/mail"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/outboxdb"
	"shopclerk/backend/store/storetest"
)

func TestCLIReorderDigest(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 3, 2, 7, 0, 0, 0, time.UTC)
	db, st := shopFile(t, now)
	_, _, err := importdb.New(st).WriteBatch(ctx, domain.BatchMeta{FileName: "seed", Kind: "test"}, importdb.WriteOptions{}, func(w *importdb.Writer) error {
		if err := w.UpsertProduct(domain.Product{SKU: "MUG", Title: "Mug", Price: domain.Money{Amount: 1200, Currency: "EUR"}}); err != nil {
			return err
		}
		if err := w.SetStock(domain.StockLevel{SKU: "MUG", Location: "Shop", OnHand: 0, Available: 0, Stocked: true}, "import"); err != nil {
			return err
		}
		for _, o := range storetest.SalesHistory(now, 40, "EUR", domain.LineItem{SKU: "MUG", Quantity: 2}) {
			if err := w.UpsertOrder(o, nil); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SetSetting(ctx, mail.SettingsKey, `{"fromAddress":"ann@clay.test","fromName":"Ann"}`); err != nil {
		t.Fatal(err)
	}
	st.Close()

	run := func(args ...string) inventory.Digest {
		t.Helper()
		var out, errOut bytes.Buffer
		if code := RunCommand(ctx, "reorder", append([]string{"--db", db, "--now", now.Format(time.RFC3339), "--json", "--digest"}, args...), &out, &errOut); code != 0 {
			t.Fatalf("exit %d: %s", code, errOut.String())
		}
		var d inventory.Digest
		if err := json.Unmarshal(out.Bytes(), &d); err != nil {
			t.Fatalf("%v: %s", err, out.String())
		}
		return d
	}
	if d := run("--dry-run"); d.Queued || len(d.AtRisk) != 1 || d.To != "ann@clay.test" {
		t.Fatalf("dry run: %+v", d)
	}
	if d := run(); !d.Queued || d.Day != "2026-03-02" {
		t.Fatalf("send: %+v", d)
	}
	if d := run(); d.Queued || !d.AlreadySent {
		t.Fatalf("second send the same day: %+v", d)
	}
	st = storetest.Open(t, storetest.Path(db), storetest.At(now))
	defer st.Close()
	msgs, err := outboxdb.New(st).ListMessages(ctx, "", 10, 0)
	if err != nil || len(msgs) != 1 || msgs[0].ToAddr != "ann@clay.test" || msgs[0].Kind != domain.KindTransactional {
		t.Fatalf("outbox: %+v %v", msgs, err)
	}
}
