package mail

import (
	"context"
	"strings"
	"testing"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/mail/mailtest"
	"shopclerk/backend/rules"
	"shopclerk/backend/store/importdb"
)

// TestQueuedReminderNotSentAfterThePurchase: the abandoned-cart flow
// queues reminders to Carl and Dora; Carl then buys. When the outbox
// sends, it asks the flow again: Carl's reminder is cancelled with the
// reason, Dora's goes. Before the fix the exits were checked only when the
// plan queued the email, and Carl got a reminder for what he had bought.
func TestQueuedReminderNotSentAfterThePurchase(t *testing.T) {
	ctx := context.Background()
	st := templateStore(t)
	e := cartEngine(t, st)
	abandonCart(t, st, "c1", "carl@example.com", "Carl")
	abandonCart(t, st, "c2", "dora@example.com", "Dora")
	p, err := e.Plan(ctx, tplNow)
	if err != nil {
		t.Fatal(err)
	}
	if res, err := e.Run(ctx, tplNow, p.AllKeys()); err != nil || res.Done != 2 {
		t.Fatalf("run: %+v %v", res, err)
	}
	// Carl buys while the reminders wait in the outbox.
	carl := domain.Customer{Source: domain.SourceShopify, ExternalID: "carl@example.com", Email: "carl@example.com", FirstName: "Carl", AcceptsMarketing: true}
	if _, _, err := importdb.New(st.Store).WriteBatch(ctx, domain.BatchMeta{FileName: "orders.csv", FileHash: "o", Preset: "test", Kind: "test"},
		importdb.WriteOptions{}, func(w *importdb.Writer) error {
			return w.UpsertOrder(domain.Order{Source: domain.SourceShopify, ExternalID: "2001", Name: "#2001", Email: carl.Email,
				FinancialStatus: domain.FinancialPaid, Currency: "EUR", Total: 2400, CreatedAt: tplNow.Add(10 * time.Minute),
				Lines: []domain.LineItem{{SKU: "MUG-1", Name: "Stoneware mug", Quantity: 2, Price: 1200}}}, &carl)
		}); err != nil {
		t.Fatal(err)
	}

	srv := mailtest.NewSMTP(t, mailtest.SMTPOptions{NoAuth: true})
	a := plainAccount(srv.Port())
	ob := NewOutbox(st, clock.Fixed{T: tplNow.Add(time.Hour)}, a, SMTPDialer(a, func(context.Context) (string, error) { return "", nil }),
		nil, time.UTC, nil).WithSendCheck(rules.NewRecheck(e))
	res, err := ob.Run(ctx, RunOptions{})
	if err != nil || res.Sent != 1 || res.Cancelled != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	if d := srv.Deliveries(); len(d) != 1 || d[0].To[0] != "dora@example.com" {
		t.Fatalf("delivered: %+v", d)
	}
	cancelled, err := st.ListMessages(ctx, domain.MsgCancelled, 10, 0)
	if err != nil || len(cancelled) != 1 {
		t.Fatalf("%v %v", cancelled, err)
	}
	if m := cancelled[0]; m.ToAddr != "carl@example.com" || !strings.Contains(m.LastError, "ordered since") {
		t.Fatalf("cancelled %s: %q", m.ToAddr, m.LastError)
	}
}
