//go:build integration

package inbox

// Integration tests against real Postfix + Dovecot on 127.0.0.1, started by
// scripts/mailstack.sh (make test does). They read the MAILSTACK_* variables,
// or $MAILSTACK_DIR/mailstack.env (default /tmp/mailstack) when unset.

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/smtp"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/mail"
	"shopclerk/backend/store/outboxdb"
	"shopclerk/backend/store/storetest"

	"github.com/emersion/go-imap/v2"
)

type stack struct {
	host                 string
	submission, imapPort int
	mxPort               int
	ca                   string
	users                map[string]string
}

func mailstack(t *testing.T) stack {
	t.Helper()
	env := map[string]string{}
	dir := os.Getenv("MAILSTACK_DIR")
	if dir == "" {
		dir = "/tmp/mailstack"
	}
	if f, err := os.Open(filepath.Join(dir, "mailstack.env")); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if k, v, ok := strings.Cut(sc.Text(), "="); ok {
				env[k] = strings.Trim(v, `"`)
			}
		}
		f.Close()
	}
	get := func(k string) string {
		if v := os.Getenv(k); v != "" {
			return v
		}
		return env[k]
	}
	if get("MAILSTACK_HOST") == "" {
		t.Fatal("no mail stack: run `scripts/mailstack.sh start` (as root) first, or set MAILSTACK_* variables")
	}
	atoi := func(k string) int { n, _ := strconv.Atoi(get(k)); return n }
	s := stack{host: get("MAILSTACK_HOST"), submission: atoi("MAILSTACK_SUBMISSION_PORT"), imapPort: atoi("MAILSTACK_IMAP_PORT"),
		mxPort: atoi("MAILSTACK_SMTP_PORT"), ca: get("MAILSTACK_CA"), users: map[string]string{}}
	for _, u := range strings.Fields(get("MAILSTACK_USERS")) {
		if a, p, ok := strings.Cut(u, ":"); ok {
			s.users[a] = p
		}
	}
	return s
}

func (s stack) account(login string) mail.Account {
	a := mail.ApplyPreset(mail.Account{FromName: "Bea's Shop", FromAddress: login}, mail.ProviderGeneric)
	a.SMTPHost, a.SMTPPort, a.SMTPSecurity = s.host, s.submission, mail.SecurityStartTLS
	a.IMAPHost, a.IMAPPort, a.IMAPSecurity = s.host, s.imapPort, mail.SecurityStartTLS
	a.CAFile, a.PerMinute, a.PerDay = s.ca, 0, 0
	return a
}

func (s stack) secret(login string) mail.SecretFunc {
	return func(context.Context) (string, error) { return s.users[login], nil }
}

func token() string {
	b := make([]byte, 5)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// waitFor polls a mailbox until a message with the subject token arrives:
// delivery through Postfix and Dovecot is asynchronous.
func waitFor(t *testing.T, cl *Client, mailbox, text string) {
	t.Helper()
	for i := 0; i < 150; i++ {
		s, err := cl.open(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.c.Select(mailbox, &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
			s.close()
			t.Fatal(err)
		}
		d, err := s.c.UIDSearch(&imap.SearchCriteria{Text: []string{text}}, nil).Wait()
		s.close()
		if err != nil {
			t.Fatal(err)
		}
		if len(d.AllUIDs()) > 0 {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("nothing with %q arrived in %s", text, mailbox)
}

func openStore(t *testing.T) *outboxdb.DB {
	st := outboxdb.New(storetest.Open(t))
	return st
}

func TestIntegrationSendReadBounceReply(t *testing.T) {
	ctx := context.Background()
	s := mailstack(t)
	seller, alice := "seller@shop.test", "alice@customer.test"
	st := openStore(t)
	a := s.account(seller)
	sellerBox := NewClient(a, s.secret(seller), clock.System{})
	ob := mail.NewOutbox(st, clock.System{}, a, mail.SMTPDialer(a, s.secret(seller)), sellerBox, time.UTC, nil)
	tok := token()
	nobody := "nobody-" + tok + "@customer.test"
	idOK, err := ob.Enqueue(ctx, &domain.OutboxMessage{ToAddr: alice, ToName: "Alice", Subject: "Order " + tok, Text: "Thanks " + tok})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ob.Enqueue(ctx, &domain.OutboxMessage{ToAddr: nobody, Subject: "Bounce " + tok, Text: "x"}); err != nil {
		t.Fatal(err)
	}
	res, err := ob.Run(ctx, mail.RunOptions{})
	if err != nil || res.Sent != 2 || res.FiledCopies != 2 {
		t.Fatalf("%+v %v", res, err)
	}
	// The message is readable over IMAP from the recipient's box, and the
	// seller's Sent folder has Shopclerk's copy (Postfix files none).
	aliceBox := NewClient(s.account(alice), s.secret(alice), clock.System{})
	waitFor(t, aliceBox, "INBOX", "Order "+tok)
	waitFor(t, sellerBox, "Sent", "Order "+tok)
	sent, _ := st.GetMessage(ctx, idOK)
	found, err := sellerBox.FindMessageIDs(ctx, []string{sent.MessageID}, false)
	if err != nil || !found[sent.MessageID] {
		t.Fatalf("Sent lookup: %v %v", found, err)
	}
	// A reply from Alice comes in through the MX port.
	reply := fmt.Sprintf("From: Alice <%s>\r\nTo: %s\r\nSubject: Re: Order %s\r\nMessage-ID: <r-%s@customer.test>\r\nIn-Reply-To: %s\r\n\r\nCan I change the colour?\r\n",
		alice, seller, tok, tok, sent.MessageID)
	injectMX(t, s, alice, seller, reply)
	// Postfix returns a real DSN for the unknown user; wait for both.
	waitFor(t, sellerBox, "INBOX", "r-"+tok)
	waitFor(t, sellerBox, "INBOX", nobody)
	sy := NewSyncer(st, sellerBox, ob, nil, clock.System{}, a, nil)
	sr, err := sy.Sync(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sp, ok, _ := st.Suppressed(ctx, nobody); !ok || sp.Reason != domain.SuppressHardBounce || !strings.Contains(sp.Detail, "5.1.1") {
		t.Fatalf("bounce not processed: %+v %v (sync %+v)", sp, ok, sr)
	}
	items, _ := st.ListInboxItems(ctx, 1000)
	replies := 0
	for _, it := range items {
		if it.Kind == domain.InboxReply && it.RelatedID != nil && *it.RelatedID == idOK {
			replies++
		}
	}
	if replies != 1 {
		t.Fatalf("reply not matched (sync %+v)", sr)
	}
	// Sync never deletes: a second sync sees nothing new, the mail is still there.
	if sr2, err := sy.Sync(ctx, nil); err != nil || sr2.Scanned != 0 {
		t.Fatalf("%+v %v", sr2, err)
	}
	waitFor(t, sellerBox, "INBOX", "r-"+tok)
}

func TestIntegrationErrors(t *testing.T) {
	ctx := context.Background()
	s := mailstack(t)
	a := s.account("seller@shop.test")
	if _, err := mail.SMTPDialer(a, func(context.Context) (string, error) { return "wrong", nil })(ctx); err == nil ||
		!strings.Contains(err.Error(), "password was refused") {
		t.Fatalf("wrong password: %v", err)
	}
	a.CAFile = ""
	if _, err := mail.SMTPDialer(a, s.secret("seller@shop.test"))(ctx); err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Fatalf("self-signed without the CA: %v", err)
	}
	b := s.account("seller@shop.test")
	b.SMTPSecurity = mail.SecurityTLS // implicit TLS on the STARTTLS port
	if _, err := mail.SMTPDialer(b, s.secret("seller@shop.test"))(ctx); err == nil || !strings.Contains(err.Error(), "STARTTLS") {
		t.Fatalf("wrong security: %v", err)
	}
}

// With ConfirmCopy, delivery of an in-doubt message is proven by the
// seller's own hidden copy arriving in INBOX, on a server that files no
// sent mail.
func TestIntegrationConfirmCopyResolvesInDoubt(t *testing.T) {
	ctx := context.Background()
	s := mailstack(t)
	seller := "seller@shop.test"
	st := openStore(t)
	a := s.account(seller)
	a.ConfirmCopy = true
	box := NewClient(a, s.secret(seller), clock.System{})
	ob := mail.NewOutbox(st, clock.System{}, a, mail.SMTPDialer(a, s.secret(seller)), box, time.UTC, nil)
	tok := token()
	id, _ := ob.Enqueue(ctx, &domain.OutboxMessage{ToAddr: "bob@customer.test", Subject: "Copy " + tok, Text: "x"})
	if res, err := ob.Run(ctx, mail.RunOptions{}); err != nil || res.Sent != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	waitFor(t, box, "INBOX", "Copy "+tok)
	// Pretend the reply to DATA had been lost.
	if err := st.TransitionMessage(ctx, id, domain.Transition{From: domain.MsgSent, To: domain.MsgInDoubt}); err != nil {
		t.Fatal(err)
	}
	r, err := ob.ResolveInDoubt(ctx)
	if err != nil || r.FoundSent != 1 {
		t.Fatalf("%+v %v", r, err)
	}
}

// injectMX delivers a message as an outside server would, through the
// plain MX port (net/smtp.SendMail would insist on STARTTLS with the
// system's roots).
func injectMX(t *testing.T, s stack, from, to, msg string) {
	t.Helper()
	c, err := smtp.Dial(fmt.Sprintf("%s:%d", s.host, s.mxPort))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Mail(from); err != nil {
		t.Fatal(err)
	}
	if err := c.Rcpt(to); err != nil {
		t.Fatal(err)
	}
	w, err := c.Data()
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(msg))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	c.Quit()
}
