package runner

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/inventory"
	"shopclerk/backend/mail"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/inventorydb"
	"shopclerk/backend/store/outboxdb"
	"shopclerk/backend/store/storetest"
)

// TestDigestReadsTheAccountAtEachRun: the morning digest is built once when
// the shop opens, but goes to the mail account as saved when it runs: before
// there is one nothing is queued, and an account saved later (Settings >
// Email) gets the next run's digest.
func TestDigestReadsTheAccountAtEachRun(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	clk := clock.Fixed{T: now}
	st := storetest.Open(t, storetest.Clock(clk))
	// A sold-out SKU that sells every day is at risk.
	if _, _, err := importdb.New(st).WriteBatch(ctx, domain.BatchMeta{FileName: "seed", Kind: "test"}, importdb.WriteOptions{}, func(w *importdb.Writer) error {
		if err := w.UpsertProduct(domain.Product{SKU: "MUG", Title: "Mug", Price: domain.Money{Amount: 1200, Currency: "EUR"}}); err != nil {
			return err
		}
		if err := w.SetStock(domain.StockLevel{SKU: "MUG", Location: "Shop", Stocked: true}, "import"); err != nil {
			return err
		}
		for _, o := range storetest.SalesHistory(now, 30, "EUR", domain.LineItem{SKU: "MUG", Quantity: 2}) {
			if err := w.UpsertOrder(o, nil); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	d := NewDigest(st, inventory.New(inventorydb.New(st), clk, nil), clk, quietLog)
	queued := func() []domain.OutboxMessage {
		t.Helper()
		msgs, err := outboxdb.New(st).ListMessages(ctx, "", 10, 0)
		if err != nil {
			t.Fatal(err)
		}
		return msgs
	}
	if !d.Tick(ctx) || len(queued()) != 0 {
		t.Fatalf("queued without an account: %+v", queued())
	}
	a := mail.ApplyPreset(mail.Account{FromName: "Ann", FromAddress: "ann@clay.test"}, mail.ProviderGeneric)
	a.SMTPHost = "smtp.clay.test"
	if err := mail.SaveAccount(ctx, st, a); err != nil {
		t.Fatal(err)
	}
	if !d.Tick(ctx) {
		t.Fatal("did not run after 08:00")
	}
	msgs := queued()
	if len(msgs) != 1 || msgs[0].ToAddr != "ann@clay.test" || !strings.HasSuffix(msgs[0].MessageID, "@clay.test>") {
		t.Fatalf("after the account was saved: %+v", msgs)
	}
}

var quietLog = slog.New(slog.DiscardHandler)
