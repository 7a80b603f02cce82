package runner

import (
	"context"
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/mail"
	"shopclerk/backend/mail/mailtest"
	"shopclerk/backend/store/outboxdb"
	"shopclerk/backend/store/storetest"
)

// sendClock is moved by hand (and read by the sender's goroutine).
type sendClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *sendClock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *sendClock) set(t time.Time) { c.mu.Lock(); c.t = t; c.mu.Unlock() }

// sendRig is a shop with a mail account on an in-process SMTP server.
type sendRig struct {
	st   *outboxdb.DB
	srv  *mailtest.SMTP
	clk  *sendClock
	acct mail.Account
	gate sync.Mutex
	auto *AutoSend
}

var sendT0 = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

func newSendRig(t *testing.T, tune func(*mail.Account)) *sendRig {
	t.Helper()
	srv := mailtest.NewSMTP(t, mailtest.SMTPOptions{NoAuth: true})
	clk := &sendClock{t: sendT0}
	r := &sendRig{st: outboxdb.New(storetest.Open(t, storetest.Clock(clk))), srv: srv, clk: clk}
	a := mail.ApplyPreset(mail.Account{FromName: "Bea", FromAddress: "seller@shop.test"}, mail.ProviderGeneric)
	a.SMTPHost, a.SMTPPort, a.SMTPSecurity, a.AllowPlaintext = "127.0.0.1", srv.Port(), mail.SecurityNone, true
	a.PerMinute, a.PerDay = 0, 0
	if tune != nil {
		tune(&a)
	}
	r.acct = a
	r.auto = NewAutoSend(r.st.Store, r.outbox, &r.gate, clk, quietLog)
	return r
}

func (r *sendRig) outbox(context.Context) (*mail.Outbox, error) {
	dial := mail.SMTPDialer(r.acct, func(context.Context) (string, error) { return "", nil })
	return mail.NewOutbox(r.st, r.clk, r.acct, dial, nil, time.UTC, quietLog), nil
}

func (r *sendRig) enqueue(t *testing.T, n int) {
	t.Helper()
	ob, _ := r.outbox(context.Background())
	for i := range n {
		if _, err := ob.Enqueue(context.Background(), &domain.OutboxMessage{Kind: domain.KindTransactional,
			ToAddr: fmt.Sprintf("c%d@customer.test", i), Subject: "Your order", Text: "Thanks!"}); err != nil {
			t.Fatal(err)
		}
	}
}

func (r *sendRig) switchOn(t *testing.T) {
	t.Helper()
	if err := mail.SetAutoSend(context.Background(), r.st.Store, true); err != nil {
		t.Fatal(err)
	}
}

// onceEach fails when a message reached the server twice.
func (r *sendRig) onceEach(t *testing.T) int {
	t.Helper()
	seen := map[string]bool{}
	for _, d := range r.srv.Deliveries() {
		if seen[d.MessageID] {
			t.Fatalf("%s was sent twice", d.MessageID)
		}
		seen[d.MessageID] = true
	}
	return len(seen)
}

// At the per-minute limit the sender waits and comes back when the
// window frees a place; it does not stop with mail left queued.
func TestAutoSendWaitsAtTheMinuteLimit(t *testing.T) {
	ctx := context.Background()
	r := newSendRig(t, func(a *mail.Account) { a.PerMinute = 3 })
	r.switchOn(t)
	r.enqueue(t, 7)
	next := r.auto.Step(ctx)
	if n := len(r.srv.Deliveries()); n != 3 || !next.Equal(sendT0.Add(time.Minute)) {
		t.Fatalf("first look: %d sent, next look %v", n, next)
	}
	// Looking early sends nothing more: the limit still holds.
	r.clk.set(sendT0.Add(30 * time.Second))
	if next := r.auto.Step(ctx); len(r.srv.Deliveries()) != 3 || !next.Equal(sendT0.Add(time.Minute)) {
		t.Fatalf("early look sent or moved the wait: %d, %v", len(r.srv.Deliveries()), next)
	}
	for i := 0; i < 5 && len(r.srv.Deliveries()) < 7; i++ {
		r.clk.set(next)
		next = r.auto.Step(ctx)
	}
	if n := r.onceEach(t); n != 7 {
		t.Fatalf("%d of 7 sent", n)
	}
}

// The switch is off until turned on; in test mode nothing goes by itself.
func TestAutoSendNeedsTheSwitchAndNoTestMode(t *testing.T) {
	ctx := context.Background()
	r := newSendRig(t, nil)
	r.enqueue(t, 2)
	r.auto.Step(ctx)
	if n := len(r.srv.Deliveries()); n != 0 {
		t.Fatalf("sent %d with the switch never turned on", n)
	}
	if err := mail.TurnOnAutoSendAfterTest(ctx, r.st.Store); err != nil {
		t.Fatal(err)
	}
	r.acct.TestMode, r.acct.TestAddress = true, "seller@shop.test"
	r.auto.Step(ctx)
	if n := len(r.srv.Deliveries()); n != 0 {
		t.Fatalf("sent %d in test mode", n)
	}
	r.acct.TestMode = false
	r.auto.Step(ctx)
	if n := r.onceEach(t); n != 2 {
		t.Fatalf("sent %d of 2 once switched on", n)
	}
	// The seller's "off" is not undone by a later test email.
	mail.SetAutoSend(ctx, r.st.Store, false)
	mail.TurnOnAutoSendAfterTest(ctx, r.st.Store)
	if on, _ := mail.AutoSendOn(ctx, r.st.Store); on {
		t.Fatal("a test email turned the seller's off back on")
	}
}

// A server that does not answer: the sender notes since when, the Why
// column says so, and the sender tries again later, less often.
func TestAutoSendNotesServerDown(t *testing.T) {
	ctx := context.Background()
	r := newSendRig(t, nil)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	r.acct.SMTPPort = ln.Addr().(*net.TCPAddr).Port
	ln.Close() // nothing answers there now
	r.switchOn(t)
	r.enqueue(t, 1)
	if next := r.auto.Step(ctx); !next.Equal(sendT0.Add(time.Minute)) {
		t.Fatalf("first retry at %v", next)
	}
	r.clk.set(sendT0.Add(time.Minute))
	if next := r.auto.Step(ctx); !next.Equal(sendT0.Add(3 * time.Minute)) {
		t.Fatalf("second retry at %v", next)
	}
	ob, _ := r.outbox(ctx)
	w, err := ob.WaitState(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	msgs, _ := r.st.ListMessages(ctx, domain.MsgQueued, 10, 0)
	if len(msgs) != 1 {
		t.Fatalf("%d queued", len(msgs))
	}
	why := w.Why(msgs[0])
	if !strings.Contains(why, "has not taken mail since 10:00") || !strings.Contains(why, "nothing answers") {
		t.Fatalf("why: %q", why)
	}
	// The server is back: the message goes and the outage is over.
	r.acct.SMTPPort = r.srv.Port()
	r.clk.set(sendT0.Add(3 * time.Minute))
	r.auto.Step(ctx)
	if r.onceEach(t) != 1 || ob.ServerDownSince(ctx) != nil {
		t.Fatalf("after the outage: %d sent, down %+v", len(r.srv.Deliveries()), ob.ServerDownSince(ctx))
	}
}

// The sender and Send now, both going at once on one shop: every message
// goes exactly once, and Stop returns with nothing left half-done.
func TestAutoSendAlongsideSendNowSendsEachOnce(t *testing.T) {
	ctx := context.Background()
	r := newSendRig(t, nil)
	r.switchOn(t)
	r.enqueue(t, 300)
	runs := make(chan struct{}, 100)
	r.auto.OnRun = func(mail.SendReport, error) { runs <- struct{}{} }
	r.auto.Poll = 10 * time.Millisecond
	r.auto.Start()
	var wg sync.WaitGroup
	for range 3 { // Send now pressed three times while the sender runs
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !r.gate.TryLock() {
				time.Sleep(time.Millisecond)
			}
			defer r.gate.Unlock()
			ob, _ := r.outbox(ctx)
			if _, err := ob.SendPaced(ctx, mail.PacedOptions{RunOptions: mail.RunOptions{Max: 7}}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	for {
		counts, err := r.st.CountMessagesByStatus(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if counts[domain.MsgSent] == 300 {
			break
		}
		r.auto.Wake()
		<-runs
	}
	r.auto.Stop()
	if n := r.onceEach(t); n != 300 {
		t.Fatalf("%d of 300 reached the server", n)
	}
	// Stopped: what is queued now stays queued.
	r.enqueue(t, 1)
	r.auto.Wake()
	if counts, _ := r.st.CountMessagesByStatus(ctx); counts[domain.MsgQueued] != 1 {
		t.Fatalf("sent after Stop: %v", counts)
	}
}
