package inbox

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/mail"
	"shopclerk/backend/mail/mailtest"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/outboxdb"
	"shopclerk/backend/store/storetest"
)

var t0 = time.Date(2026, 3, 2, 13, 0, 0, 0, time.UTC)

type recorder struct {
	mu         sync.Mutex
	replies    []ReplyEvent
	suppressed []string
}

func (r *recorder) CustomerReplied(_ context.Context, e ReplyEvent) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.replies = append(r.replies, e)
	return nil
}

func (r *recorder) AddressSuppressed(_ context.Context, email string, reason domain.SuppressionReason) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.suppressed = append(r.suppressed, email+":"+string(reason))
	return nil
}

type env struct {
	st     *outboxdb.DB
	imap   *mailtest.IMAP
	acct   mail.Account
	client *Client
	syncer *Syncer
	events *recorder
}

func newEnv(t *testing.T) *env {
	t.Helper()
	ctx := context.Background()
	cert := mailtest.NewCert(t, "127.0.0.1", "localhost")
	srv := mailtest.NewIMAP(t, &cert)
	clk := clock.Fixed{T: t0}
	st := outboxdb.New(storetest.Open(t, storetest.Clock(clk)))
	a := mail.ApplyPreset(mail.Account{FromName: "Bea's Shop", FromAddress: "seller@shop.test"}, mail.ProviderGeneric)
	a.SMTPHost = "127.0.0.1"
	a.IMAPHost, a.IMAPPort, a.IMAPSecurity, a.CAFile = "127.0.0.1", srv.Port(), mail.SecurityStartTLS, cert.CAFile
	secret := func(context.Context) (string, error) { return srv.Password, nil }
	cl := NewClient(a, secret, clk)
	ob := mail.NewOutbox(st, clk, a, nil, cl, time.UTC, nil)
	ev := &recorder{}
	e := &env{st: st, imap: srv, acct: a, client: cl, syncer: NewSyncer(st, cl, ob, ev, clk, a, nil), events: ev}
	// Our two earlier messages and the shop's customers and one order.
	for _, m := range []domain.OutboxMessage{
		{MessageID: "<orig-1@shop.test>", Kind: domain.KindTransactional, ToAddr: "alice@customer.test", Subject: "Your cart is waiting", Text: "x"},
		{MessageID: "<orig-2@shop.test>", Kind: domain.KindMarketing, ToAddr: "carol@customer.test", Subject: "Spring sale", Text: "x"},
	} {
		if _, _, err := st.EnqueueMessage(ctx, &m); err != nil {
			t.Fatal(err)
		}
	}
	_, _, err := importdb.New(st.Store).WriteBatch(ctx, domain.BatchMeta{FileName: "t", Kind: "orders"}, importdb.WriteOptions{}, func(w *importdb.Writer) error {
		for _, em := range []string{"alice@customer.test", "carol@customer.test"} {
			if _, err := w.UpsertCustomer(domain.Customer{Source: domain.SourceManual, Email: em, FirstName: strings.Title(strings.Split(em, "@")[0])}, importdb.CustomerAuthoritative); err != nil {
				return err
			}
		}
		dan := domain.Customer{Source: domain.SourceManual, Email: "dan@customer.test", FirstName: "Dan"}
		if err := w.UpsertOrder(domain.Order{Source: domain.SourceManual, ExternalID: "1001", Name: "#1001", Email: dan.Email,
			Currency: "EUR", Total: 4200, FinancialStatus: domain.FinancialPaid, CreatedAt: t0.AddDate(0, 0, -7)}, &dan); err != nil {
			return err
		}
		oid, err := w.OrderID(domain.SourceManual, "1001")
		if err != nil {
			return err
		}
		return w.UpsertShipment(domain.Shipment{OrderID: oid, Carrier: "DHL", TrackingNumber: "JJD000123",
			TrackingURL: "https://www.dhl.de/track?id=JJD000123", Status: domain.ShipmentInTransit, ShippedAt: t0.AddDate(0, 0, -5), UpdatedAt: t0})
	})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestSyncActsOnEachKindAndNeverDeletes(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	files := []string{"dsn-postfix.eml", "dsn-gmail.eml", "dsn-outlook.eml", "dsn-exim.eml", "ooo-exchange.eml",
		"ooo-vacation.eml", "reply.eml", "unsubscribe-reply.eml", "wismo.eml", "arf-complaint.eml"}
	for _, f := range files {
		e.imap.Deliver(t, "INBOX", fixture(t, f))
	}
	e.imap.Deliver(t, "INBOX", []byte("this is not\x00 a message at all"))
	res, err := e.syncer.Sync(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Scanned != 11 || res.Bounces != 4 || res.AutoReplies != 2 || res.Replies != 1 || res.Unsubscribes != 1 ||
		res.Complaints != 1 || res.OrderQuestions != 1 || res.Drafts != 1 {
		t.Fatalf("%+v", res)
	}
	for _, want := range []struct {
		email  string
		reason domain.SuppressionReason
	}{
		{"nobody@customer.test", domain.SuppressHardBounce}, {"gone@customer.test", domain.SuppressHardBounce},
		{"full.box@customer.test", domain.SuppressHardBounce}, {"late@customer.test", domain.SuppressHardBounce},
		{"carol@customer.test", domain.SuppressUnsubscribed}, {"erin@customer.test", domain.SuppressComplaint},
	} {
		sp, ok, _ := e.st.Suppressed(ctx, want.email)
		if !ok || sp.Reason != want.reason {
			t.Errorf("%s: %+v %v", want.email, sp, ok)
		}
	}
	if _, ok, _ := e.st.Suppressed(ctx, "slow@customer.test"); ok {
		t.Error("a delayed delivery suppressed the address")
	}
	// Only the real reply stops sequences; out-of-office replies do not.
	if len(e.events.replies) != 1 || e.events.replies[0].Email != "alice@customer.test" {
		t.Fatalf("reply events %+v", e.events.replies)
	}
	// The where-is-my-order draft waits for the seller, with the tracking.
	drafts, _ := e.st.ListMessages(ctx, domain.MsgDraft, 10, 0)
	if len(drafts) != 1 || drafts[0].ToAddr != "dan@customer.test" || !strings.Contains(drafts[0].Text, "JJD000123") ||
		!strings.Contains(drafts[0].Text, "is on its way") || drafts[0].Headers["In-Reply-To"] != "<q-1@customer.test>" {
		t.Fatalf("draft %+v", drafts)
	}
	// Nothing deleted, nothing flagged, nothing moved.
	if n := e.imap.Count(t, "INBOX"); n != 11 {
		t.Fatalf("INBOX has %d messages", n)
	}
	// A second run finds nothing new and does nothing twice.
	res, err = e.syncer.Sync(ctx, nil)
	if err != nil || res.Scanned != 0 {
		t.Fatalf("%+v %v", res, err)
	}
	e.imap.Deliver(t, "INBOX", fixture(t, "reply.eml")) // the same reply delivered again
	res, _ = e.syncer.Sync(ctx, nil)
	if res.Scanned != 1 {
		t.Fatalf("%+v", res)
	}
	tasks := 0
	items, _ := e.st.ListInboxItems(ctx, 100)
	for _, it := range items {
		if it.Kind == domain.InboxReply {
			tasks++
		}
	}
	if tasks != 2 {
		t.Fatalf("inbox items: %d replies", tasks)
	}
	if d, _ := e.st.ListMessages(ctx, domain.MsgDraft, 10, 0); len(d) != 1 {
		t.Fatal("draft duplicated")
	}
}

func TestSyncIsBoundedAndIncremental(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	for i := range 25 {
		e.imap.Deliver(t, "INBOX", []byte(fmt.Sprintf("From: x%d@elsewhere.test\r\nSubject: hello %d\r\nMessage-ID: <m%d@elsewhere.test>\r\n\r\nhi\r\n", i, i, i)))
	}
	e.syncer.Max = 10
	total := 0
	var progress []SyncResult
	for run := 0; run < 3; run++ {
		res, err := e.syncer.Sync(ctx, func(r SyncResult) { progress = append(progress, r) })
		if err != nil {
			t.Fatal(err)
		}
		total += res.Scanned
		if wantMore := run < 2; res.More != wantMore || (run < 2 && res.Scanned != 10) {
			t.Fatalf("run %d: %+v", run, res)
		}
	}
	if total != 25 || len(progress) != 3 {
		t.Fatalf("scanned %d, progress %d", total, len(progress))
	}
	st, _, _ := e.st.GetInboxState(ctx, "INBOX")
	if st.LastUID != 25 {
		t.Fatalf("%+v", st)
	}
}

func TestSentLookupAndAppend(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	raw := []byte("From: seller@shop.test\r\nTo: a@customer.test\r\nSubject: s\r\nMessage-ID: <sent-1@shop.test>\r\n\r\nx\r\n")
	if err := e.client.AppendSent(ctx, [][]byte{raw}); err != nil {
		t.Fatal(err)
	}
	found, err := e.client.FindMessageIDs(ctx, []string{"<sent-1@shop.test>", "<never@shop.test>"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if !found["<sent-1@shop.test>"] || found["<never@shop.test>"] {
		t.Fatalf("%v", found)
	}
	if e.imap.Count(t, "Sent") != 1 {
		t.Fatal("append")
	}
	if n, err := e.client.Check(ctx); err != nil || n != 0 {
		t.Fatalf("check: %d %v", n, err)
	}
}

func TestMailboxErrorsInPlainLanguage(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	bad := NewClient(e.acct, func(context.Context) (string, error) { return "wrong", nil }, clock.Fixed{T: t0})
	if _, err := bad.Check(ctx); domain.CodeOf(err) != domain.CodeAuthFailed || !strings.Contains(err.Error(), "password was refused") {
		t.Fatalf("%v", err)
	}
	a := e.acct
	a.CAFile = ""
	untrusted := NewClient(a, func(context.Context) (string, error) { return "x", nil }, clock.Fixed{T: t0})
	if _, err := untrusted.Check(ctx); err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Fatalf("%v", err)
	}
}
