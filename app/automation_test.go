package app

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/mail"
	"shopclerk/backend/service"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/outboxdb"
	"shopclerk/backend/store/rulesdb"
	"shopclerk/backend/store/storetest"
)

// TestAutomationMessageIDsFollowTheSavedAccount: the schedule builds its
// engine once at startup; automation Message-IDs are made under the mail
// account's sender as it is at each run, so an account saved later
// (Settings > Email) applies from the next run. Before, the engine read the
// account when it was built, and on every Automations screen call.
func TestAutomationMessageIDsFollowTheSavedAccount(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	st := storetest.Open(t, storetest.At(now))
	log := slog.New(slog.DiscardHandler)
	e := service.NewAutomationEngine(rulesdb.New(st), nil, log)
	id, err := e.InstallTemplate(ctx, "order_confirmation")
	if err != nil {
		t.Fatal(err)
	}
	if err := e.SetEnabled(ctx, id, true); err != nil {
		t.Fatal(err)
	}
	paidOrder := func(ext, email string) {
		t.Helper()
		paid := now.Add(-time.Hour)
		c := domain.Customer{Source: domain.SourceShopify, Email: email, FirstName: "Ann"}
		if _, _, err := importdb.New(st).WriteBatch(ctx, domain.BatchMeta{FileName: ext + ".csv", Kind: "orders"}, importdb.WriteOptions{}, func(w *importdb.Writer) error {
			return w.UpsertOrder(domain.Order{Source: domain.SourceShopify, ExternalID: ext, Name: "#" + ext, Email: email,
				FinancialStatus: domain.FinancialPaid, Currency: "EUR", Total: 2500, CreatedAt: paid, PaidAt: &paid}, &c)
		}); err != nil {
			t.Fatal(err)
		}
	}
	saveAccount := func(from string) {
		t.Helper()
		a := mail.ApplyPreset(mail.Account{FromName: "Shop", FromAddress: from}, mail.ProviderGeneric)
		a.SMTPHost = "smtp.example.test"
		if err := mail.SaveAccount(ctx, st, a); err != nil {
			t.Fatal(err)
		}
	}
	runAndQueued := func() string {
		t.Helper()
		p, err := e.Plan(ctx, now)
		if err != nil {
			t.Fatal(err)
		}
		if res, err := e.RunPreview(ctx, p, p.AllKeys()); err != nil || res.Done != 1 {
			t.Fatalf("run: %v %+v", err, res)
		}
		msgs, err := outboxdb.New(st).ListMessages(ctx, domain.MsgQueued, 1, 0)
		if err != nil || len(msgs) == 0 {
			t.Fatalf("queued: %v %v", msgs, err)
		}
		return msgs[0].MessageID
	}
	saveAccount("seller@first.test")
	paidOrder("1001", "ann@example.com")
	if mid := runAndQueued(); !strings.HasSuffix(mid, "@first.test>") {
		t.Fatalf("first run: %s", mid)
	}
	saveAccount("seller@second.test")
	paidOrder("1002", "bob@example.com")
	if mid := runAndQueued(); !strings.HasSuffix(mid, "@second.test>") {
		t.Fatalf("after the account changed: %s", mid)
	}
}
