package app

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/mail"
	"shopclerk/backend/mail/mailtest"
	"shopclerk/backend/secrets"
	"shopclerk/backend/service"
)

// movingClock is the shop's clock in these tests: Send now's waits move it
// instead of sleeping.
type movingClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *movingClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *movingClock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// mailApp is an app over a fresh shop whose account sends to an in-process
// SMTP server, with n messages queued.
func mailApp(t *testing.T, perMinute, n int) (*App, *service.Shop, *mailtest.SMTP, *movingClock) {
	t.Helper()
	clk := &movingClock{t: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)}
	log := slog.New(slog.DiscardHandler)
	a := New(context.Background(), Config{DBPath: filepath.Join(t.TempDir(), "shop.db"), Clock: clk, Log: log,
		Secrets: &secrets.Memory{}})
	t.Cleanup(func() { a.Shutdown(context.Background()) })
	srv := mailtest.NewSMTP(t, mailtest.SMTPOptions{NoAuth: true})
	acct := mail.ApplyPreset(mail.Account{FromName: "Bea", FromAddress: "seller@shop.test"}, mail.ProviderGeneric)
	acct.SMTPHost, acct.SMTPPort, acct.SMTPSecurity, acct.AllowPlaintext = "127.0.0.1", srv.Port(), mail.SecurityNone, true
	acct.PerMinute, acct.PerDay = perMinute, 0
	if err := a.MailConfig.SaveAccount(acct, ""); err != nil {
		t.Fatal(err)
	}
	b, ctx, err := a.current()
	if err != nil {
		t.Fatal(err)
	}
	b.Mail.Sleep = func(_ context.Context, d time.Duration) error { clk.add(d); return nil }
	ob, err := b.Mail.Outbox(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		if _, err := ob.Enqueue(ctx, &domain.OutboxMessage{ToAddr: fmt.Sprintf("c%d@customer.test", i), Subject: "Your order", Text: "Thanks"}); err != nil {
			t.Fatal(err)
		}
	}
	return a, b, srv, clk
}

// waitFor polls cond (a job or the sender works on its own goroutine).
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

// Send now at the per-minute limit waits and sends on; it used to stop at
// the limit with the rest left queued.
func TestSendNowWaitsAtTheMinuteLimit(t *testing.T) {
	a, b, srv, _ := mailApp(t, 2, 5)
	if _, err := a.Outbox.StartSend(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "Send now to end", func() bool {
		if !b.Mail.Gate.TryLock() {
			return false
		}
		b.Mail.Gate.Unlock()
		return true
	})
	if n := len(srv.Deliveries()); n != 5 {
		t.Fatalf("Send now sent %d of 5", n)
	}
}

// A message that waits always says why in the Outbox: it used to say
// nothing after a run stopped at the limit.
func TestEveryWaitingMessageSaysWhy(t *testing.T) {
	a, b, _, _ := mailApp(t, 2, 4)
	_, ctx, _ := a.current()
	if _, err := b.Mail.Send(ctx, 0, nil); err != nil { // `shopclerk send`: one run, stops at the limit
		t.Fatal(err)
	}
	page, err := a.Outbox.List(string(domain.MsgQueued), 100, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Rows) != 2 {
		t.Fatalf("%d queued", len(page.Rows))
	}
	for _, m := range page.Rows {
		if !strings.Contains(m.Why, "2 messages a minute") || !strings.Contains(m.Why, "10:01:00") {
			t.Fatalf("message %d waits with why %q", m.ID, m.Why)
		}
	}
	d, err := a.Outbox.Message(page.Rows[0].ID)
	if err != nil || d.Message.Why != page.Rows[0].Why {
		t.Fatalf("the drawer's why %q, the list's %q (%v)", d.Message.Why, page.Rows[0].Why, err)
	}
}

// A test email that goes through turns automatic sending on; the sender
// starts with the shop's background work, sends what waits, and stops
// with the shop.
func TestTestEmailTurnsAutoSendOnAndTheShopRunsIt(t *testing.T) {
	a, b, srv, _ := mailApp(t, 0, 3)
	if on, _ := a.Outbox.AutoSend(); on {
		t.Fatal("automatic sending is on before any test")
	}
	b.Start(a.root, nil, nil, nil)
	if _, err := a.MailConfig.SendTestEmail("seller@shop.test"); err != nil {
		t.Fatal(err)
	}
	if on, _ := a.Outbox.AutoSend(); !on {
		t.Fatal("a successful test did not turn automatic sending on")
	}
	_, ctx, _ := a.current()
	waitFor(t, "the automatic sender", func() bool {
		c, _ := b.Outbox.CountMessagesByStatus(ctx)
		return c[domain.MsgSent] == 3
	})
	if n := len(srv.Deliveries()); n != 4 { // the test email and the three
		t.Fatalf("%d deliveries", n)
	}
	a.Shutdown(context.Background()) // stops the sender before the shop closes
	if b.AutoSend.Wake(); b.Mail.Gate.Busy() {
		t.Fatal("a send run outlived the shop")
	}
}
