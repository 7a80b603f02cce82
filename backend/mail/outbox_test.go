package mail

import (
	"bytes"
	"context"
	"fmt"
	"net/mail"
	"strings"
	"sync"
	"testing"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/mail/mailtest"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/outboxdb"
	"shopclerk/backend/store/storetest"
)

var t0 = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

// memMailbox stands in for the seller's IMAP mailbox in outbox tests (the
// inbox package tests the real IMAP side against imapmemserver).
type memMailbox struct {
	mu       sync.Mutex
	sent     map[string]bool // the Sent folder
	inbox    map[string]bool // INBOX: copies to the seller's own address
	appended [][]byte
	fail     error
}

func (m *memMailbox) FindMessageIDs(_ context.Context, ids []string, inbox bool) (map[string]bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return nil, m.fail
	}
	out := map[string]bool{}
	for _, id := range ids {
		if m.sent[id] || (inbox && m.inbox[id]) {
			out[id] = true
		}
	}
	return out, nil
}

func (m *memMailbox) AppendSent(_ context.Context, raws [][]byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return m.fail
	}
	for _, r := range raws {
		msg, err := mail.ReadMessage(bytes.NewReader(r))
		if err != nil {
			return err
		}
		m.sent[msg.Header.Get("Message-Id")] = true
		m.appended = append(m.appended, r)
	}
	return nil
}

type rig struct {
	st   *outboxdb.DB
	srv  *mailtest.SMTP
	acct Account
	box  *memMailbox
	clk  *stepClock
}

// stepClock is a clock the test moves by hand: no test waits on real time.
type stepClock struct{ t time.Time }

func (c *stepClock) Now() time.Time { return c.t }

func newRig(t *testing.T, opt mailtest.SMTPOptions, tune func(*Account)) *rig {
	t.Helper()
	cert := mailtest.NewCert(t, "127.0.0.1", "localhost")
	opt.Cert = &cert
	srv := mailtest.NewSMTP(t, opt)
	clk := &stepClock{t: t0}
	st := outboxdb.New(storetest.Open(t, storetest.Clock(clk)))
	a := ApplyPreset(Account{FromName: "Bea's Shop", FromAddress: "seller@shop.test"}, ProviderGeneric)
	a.SMTPHost, a.SMTPPort, a.SMTPSecurity = "127.0.0.1", srv.Port(), SecurityStartTLS
	a.CAFile = cert.CAFile
	a.PerMinute, a.PerDay = 0, 0
	if tune != nil {
		tune(&a)
	}
	return &rig{st: st, srv: srv, acct: a, box: &memMailbox{sent: map[string]bool{}, inbox: map[string]bool{}}, clk: clk}
}

// plainAccount is a generic account sending in plain text, without a login
// or limits, to the test server on 127.0.0.1:port.
func plainAccount(port int) Account {
	a := ApplyPreset(Account{FromName: "Bea", FromAddress: "seller@shop.test"}, ProviderGeneric)
	a.SMTPHost, a.SMTPPort, a.SMTPSecurity, a.AllowPlaintext = "127.0.0.1", port, SecurityNone, true
	a.PerMinute, a.PerDay = 0, 0
	return a
}

func (r *rig) outbox() *Outbox {
	dial := SMTPDialer(r.acct, func(context.Context) (string, error) { return r.srv.Password, nil })
	var box Mailbox
	if r.box != nil {
		box = r.box
	}
	return NewOutbox(r.st, r.clk, r.acct, dial, box, time.UTC, nil)
}

// run sends what is due, as one run of the send loop, and fails the test
// on an error.
func (r *rig) run(t *testing.T) RunResult {
	t.Helper()
	res, err := r.outbox().Run(context.Background(), RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func (r *rig) enqueue(t *testing.T, n int, kind domain.MessageKind) []int64 {
	t.Helper()
	var ids []int64
	for i := range n {
		id, err := r.outbox().Enqueue(context.Background(), &domain.OutboxMessage{Kind: kind,
			ToAddr: fmt.Sprintf("c%d@customer.test", i), ToName: "Customer", Subject: "Your order",
			Text: "Thanks!", HTML: "<p>Thanks!</p>"})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	return ids
}

func status(t *testing.T, st *outboxdb.DB, id int64) domain.OutboxMessage {
	t.Helper()
	m, err := st.GetMessage(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestSendBatchOverOneVerifiedConnection(t *testing.T) {
	r := newRig(t, mailtest.SMTPOptions{}, nil)
	ids := r.enqueue(t, 5, domain.KindTransactional)
	var seen []Progress
	res, err := r.outbox().Run(context.Background(), RunOptions{Progress: func(p Progress) { seen = append(seen, p) }})
	if err != nil {
		t.Fatal(err)
	}
	if res.Sent != 5 || len(r.srv.Deliveries()) != 5 {
		t.Fatalf("sent %d, server got %d", res.Sent, len(r.srv.Deliveries()))
	}
	if r.srv.Logins() != 1 {
		t.Fatalf("expected one connection for the batch, got %d logins", r.srv.Logins())
	}
	if len(seen) != 5 || seen[4].Done != 5 || seen[4].Total != 5 {
		t.Fatalf("progress: %+v", seen)
	}
	for i, id := range ids {
		m := status(t, r.st, id)
		d := r.srv.Deliveries()[i]
		if m.Status != domain.MsgSent || d.MessageID != m.MessageID {
			t.Fatalf("message %d: status %s, delivered id %q, stored id %q", id, m.Status, d.MessageID, m.MessageID)
		}
		if bytes.Contains(d.Data, []byte("List-Unsubscribe")) {
			t.Fatal("transactional mail carries List-Unsubscribe")
		}
	}
	// The provider does not file sent mail, so copies were appended once.
	if res.FiledCopies != 5 || len(r.box.appended) != 5 {
		t.Fatalf("filed %d copies, appended %d", res.FiledCopies, len(r.box.appended))
	}
	if n, _ := r.outbox().FileSentCopies(context.Background()); n != 0 {
		t.Fatalf("copies filed twice: %d", n)
	}
}

func TestTemporaryDefersWithBackoffPermanentFails(t *testing.T) {
	r := newRig(t, mailtest.SMTPOptions{Script: func(n int, _ string) mailtest.Reply {
		if n == 1 {
			return mailtest.Temporary
		}
		if n == 2 {
			return mailtest.Permanent
		}
		return mailtest.Accept
	}}, nil)
	ids := r.enqueue(t, 3, domain.KindTransactional)
	res := r.run(t)
	if res.Deferred != 1 || res.Failed != 1 || res.Sent != 1 {
		t.Fatalf("%+v", res)
	}
	d := status(t, r.st, ids[0])
	if d.Status != domain.MsgDeferred || d.NextAttemptAt == nil || !d.NextAttemptAt.Equal(t0.Add(Backoff(1))) {
		t.Fatalf("deferred: %+v", d)
	}
	if !strings.Contains(d.LastError, "451") {
		t.Fatalf("reason not kept: %q", d.LastError)
	}
	f := status(t, r.st, ids[1])
	if f.Status != domain.MsgFailed || !strings.Contains(f.LastError, "User unknown") {
		t.Fatalf("failed: %+v", f)
	}
	// A 5.1.1 refusal means the address is dead: it is suppressed.
	if sp, ok, _ := r.st.Suppressed(context.Background(), f.ToAddr); !ok || sp.Reason != domain.SuppressHardBounce {
		t.Fatalf("hard bounce not suppressed: %+v", sp)
	}
	// Not due yet: nothing happens. Due: it goes.
	res, _ = r.outbox().Run(context.Background(), RunOptions{})
	if res.Done != 0 {
		t.Fatalf("deferred message retried early: %+v", res)
	}
	r.clk.t = t0.Add(Backoff(1))
	res, _ = r.outbox().Run(context.Background(), RunOptions{})
	if res.Sent != 1 || status(t, r.st, ids[0]).Attempts != 2 {
		t.Fatalf("retry: %+v", res)
	}
}

func TestGivesUpAfterMaxAttempts(t *testing.T) {
	r := newRig(t, mailtest.SMTPOptions{Script: func(int, string) mailtest.Reply { return mailtest.Temporary }}, nil)
	ids := r.enqueue(t, 1, domain.KindTransactional)
	for range MaxAttempts {
		if _, err := r.outbox().Run(context.Background(), RunOptions{}); err != nil {
			t.Fatal(err)
		}
		r.clk.t = r.clk.t.Add(24 * time.Hour)
	}
	m := status(t, r.st, ids[0])
	if m.Status != domain.MsgFailed || m.Attempts != MaxAttempts || !strings.Contains(m.LastError, "gave up") {
		t.Fatalf("%+v", m)
	}
}

func TestThrottlePerMinuteAndPerDay(t *testing.T) {
	r := newRig(t, mailtest.SMTPOptions{}, func(a *Account) { a.PerMinute, a.PerDay = 3, 5 })
	r.enqueue(t, 8, domain.KindTransactional)
	res, _ := r.outbox().Run(context.Background(), RunOptions{})
	if res.Sent != 3 || res.PausedUntil == nil || !strings.Contains(res.PauseReason, "a minute") {
		t.Fatalf("minute limit: %+v", res)
	}
	r.clk.t = t0.Add(61 * time.Second)
	res, _ = r.outbox().Run(context.Background(), RunOptions{})
	if res.Sent != 2 || !strings.Contains(res.PauseReason, "today's limit of 5") {
		t.Fatalf("day limit: %+v", res)
	}
	if want := time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC); !res.PausedUntil.Equal(want) {
		t.Fatalf("paused until %v, want %v", res.PausedUntil, want)
	}
	today, _ := r.outbox().Today(context.Background())
	if today.SentToday != 5 || today.PerDay != 5 {
		t.Fatalf("%+v", today)
	}
	r.clk.t = time.Date(2026, 3, 3, 0, 0, 1, 0, time.UTC)
	res, _ = r.outbox().Run(context.Background(), RunOptions{})
	if res.Sent != 3 {
		t.Fatalf("next day: %+v", res)
	}
}

func TestQuotaReplyPausesUntilReset(t *testing.T) {
	r := newRig(t, mailtest.SMTPOptions{Script: func(n int, _ string) mailtest.Reply {
		if n == 2 {
			return mailtest.Quota
		}
		return mailtest.Accept
	}}, nil)
	ids := r.enqueue(t, 3, domain.KindTransactional)
	res := r.run(t)
	if res.Sent != 1 || res.PausedUntil == nil || !strings.Contains(res.PauseReason, "quota") {
		t.Fatalf("%+v", res)
	}
	m := status(t, r.st, ids[1])
	if m.Status != domain.MsgQueued || m.Attempts != 0 {
		t.Fatalf("the message hit by the quota must wait in the queue unharmed: %+v", m)
	}
	// A second run during the pause sends nothing.
	res, _ = r.outbox().Run(context.Background(), RunOptions{})
	if res.Done != 0 || res.PausedUntil == nil {
		t.Fatalf("sent during a quota pause: %+v", res)
	}
	r.clk.t = *res.PausedUntil
	res, _ = r.outbox().Run(context.Background(), RunOptions{})
	if res.Sent != 2 {
		t.Fatalf("after reset: %+v", res)
	}
}

func TestSuppressionCheckedRightBeforeSend(t *testing.T) {
	r := newRig(t, mailtest.SMTPOptions{}, nil)
	ids := r.enqueue(t, 2, domain.KindTransactional)
	// Suppressed after enqueue, before the run: still not sent.
	r.st.Suppress(context.Background(), "c0@customer.test", domain.SuppressUnsubscribed, "reply")
	res, _ := r.outbox().Run(context.Background(), RunOptions{})
	if res.Sent != 1 || res.Cancelled != 1 {
		t.Fatalf("%+v", res)
	}
	m := status(t, r.st, ids[0])
	if m.Status != domain.MsgCancelled || !strings.Contains(m.LastError, "suppression list (unsubscribed)") {
		t.Fatalf("%+v", m)
	}
	for _, d := range r.srv.Deliveries() {
		if d.To[0] == "c0@customer.test" {
			t.Fatal("a suppressed address was mailed")
		}
	}
}

// A message stored with its address not in normal form (not through
// Enqueue) is still checked against the list, which holds normal forms.
func TestSuppressionCheckedForAddressNotInNormalForm(t *testing.T) {
	r := newRig(t, mailtest.SMTPOptions{}, nil)
	ctx := context.Background()
	id, _, err := r.st.EnqueueMessage(ctx, &domain.OutboxMessage{MessageID: "<odd.1@shop.test>", Kind: domain.KindTransactional,
		ToAddr: " C9@Customer.test", Subject: "s", Text: "t"})
	if err != nil {
		t.Fatal(err)
	}
	r.st.Suppress(ctx, "c9@customer.test", domain.SuppressHardBounce, "5.1.1")
	res, _ := r.outbox().Run(ctx, RunOptions{})
	if res.Cancelled != 1 || res.Sent != 0 || len(r.srv.Deliveries()) != 0 {
		t.Fatalf("%+v, %d delivered", res, len(r.srv.Deliveries()))
	}
	if m := status(t, r.st, id); m.Status != domain.MsgCancelled || !strings.Contains(m.LastError, "hard bounce") {
		t.Fatalf("%+v", m)
	}
}

func TestMarketingNeedsConsentAndCarriesListUnsubscribe(t *testing.T) {
	r := newRig(t, mailtest.SMTPOptions{}, func(a *Account) { a.UnsubscribeURL = "https://shop.test/unsub?t={token}" })
	ctx := context.Background()
	_, _, err := importdb.New(r.st.Store).WriteBatch(ctx, domain.BatchMeta{FileName: "t", Kind: "customers"}, importdb.WriteOptions{}, func(w *importdb.Writer) error {
		if _, err := w.UpsertCustomer(domain.Customer{Source: domain.SourceManual, Email: "c0@customer.test", AcceptsMarketing: true}, importdb.CustomerAuthoritative); err != nil {
			return err
		}
		_, err := w.UpsertCustomer(domain.Customer{Source: domain.SourceManual, Email: "c1@customer.test", AcceptsMarketing: false}, importdb.CustomerAuthoritative)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	ids := r.enqueue(t, 3, domain.KindMarketing) // c2 is not a customer at all
	res, _ := r.outbox().Run(ctx, RunOptions{})
	if res.Sent != 1 || res.Cancelled != 2 {
		t.Fatalf("%+v", res)
	}
	if m := status(t, r.st, ids[1]); !strings.Contains(m.LastError, "not agreed") {
		t.Fatalf("%+v", m)
	}
	msg, _ := mail.ReadMessage(bytes.NewReader(r.srv.Deliveries()[0].Data))
	lu := msg.Header.Get("List-Unsubscribe")
	if !strings.HasPrefix(lu, "<mailto:seller@shop.test?subject=unsubscribe%20") || !strings.Contains(lu, "<https://shop.test/unsub?t=") {
		t.Fatalf("List-Unsubscribe: %q", lu)
	}
	if msg.Header.Get("List-Unsubscribe-Post") != "List-Unsubscribe=One-Click" {
		t.Fatal("missing one-click header")
	}
}

var _ clock.Clock = (*stepClock)(nil)

func mailtestOptions() mailtest.SMTPOptions { return mailtest.SMTPOptions{} }

func seedCustomerWithOrder(t *testing.T, st *outboxdb.DB) int64 {
	t.Helper()
	ctx := context.Background()
	_, _, err := importdb.New(st.Store).WriteBatch(ctx, domain.BatchMeta{FileName: "t", Kind: "orders"}, importdb.WriteOptions{}, func(w *importdb.Writer) error {
		c := domain.Customer{Source: domain.SourceManual, Email: "alice@customer.test", FirstName: "Alice"}
		if err := w.UpsertOrder(domain.Order{Source: domain.SourceManual, ExternalID: "1042", Name: "#1042", Email: c.Email,
			Currency: "EUR", Total: 4250, CreatedAt: t0, Lines: []domain.LineItem{{Position: 1, SKU: "A", Name: "Mug", Quantity: 1, Price: 4250}}}, &c); err != nil {
			return err
		}
		oid, err := w.OrderID(domain.SourceManual, "1042")
		if err != nil {
			return err
		}
		return w.UpsertShipment(domain.Shipment{OrderID: oid, Carrier: "DHL", TrackingNumber: "TRK1", TrackingURL: "https://track.test/TRK1",
			Status: domain.ShipmentInTransit, ShippedAt: t0, UpdatedAt: t0})
	})
	if err != nil {
		t.Fatal(err)
	}
	id, err := st.CustomerIDByEmail(ctx, "alice@customer.test")
	if err != nil || id == nil {
		t.Fatal(err)
	}
	return *id
}
