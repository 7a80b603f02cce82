package mail

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/mail"
	"strings"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/mail/mailtest"
)

func baseAccount() Account {
	a := ApplyPreset(Account{FromName: "Bea's Shop", FromAddress: "seller@shop.test"}, ProviderGeneric)
	a.SMTPHost = "smtp.shop.test"
	return a
}

func TestHeaderInjectionIsImpossible(t *testing.T) {
	a := baseAccount()
	a.FromName = "Bea\r\nBcc: victim@evil.test"
	m := domain.OutboxMessage{MessageID: "<1.abc@shop.test>", Kind: domain.KindTransactional,
		ToAddr: "alice@customer.test", ToName: "Alice\r\nBcc: victim@evil.test\nX-Evil: 1",
		Subject: "Hello\r\nBcc: victim@evil.test", Text: "hi",
		Headers: map[string]string{
			"In-Reply-To":   "<x@y>\r\nBcc: victim@evil.test",
			"Bcc":           "victim@evil.test",
			"X-Evil\r\nBcc": "victim@evil.test",
			"References":    "<a@b> <c@d>\nBcc: victim@evil.test",
		}}
	c, err := Compose(a, m, t0)
	if err != nil {
		t.Fatal(err)
	}
	msg, err := mail.ReadMessage(bytes.NewReader(c.Raw))
	if err != nil {
		t.Fatal(err)
	}
	for k := range msg.Header {
		if strings.EqualFold(k, "Bcc") || strings.EqualFold(k, "X-Evil") {
			t.Fatalf("injected header %s in:\n%s", k, c.Raw)
		}
	}
	if got := msg.Header.Get("In-Reply-To"); got != "<x@y>" {
		t.Fatalf("In-Reply-To %q", got)
	}
	if got := msg.Header.Get("References"); got != "<a@b> <c@d>" {
		t.Fatalf("References %q", got)
	}
	rcpts, _ := c.Msg.GetRecipients()
	if len(rcpts) != 1 || strings.Trim(rcpts[0], "<>") != "alice@customer.test" {
		t.Fatalf("envelope recipients %v", rcpts)
	}
	// A recipient address with a line break is refused outright.
	m.ToAddr = "alice@customer.test\r\nRCPT TO:<victim@evil.test>"
	if _, err := Compose(a, m, t0); domain.CodeOf(err) != domain.CodeInvalid {
		t.Fatalf("accepted a broken address: %v", err)
	}
}

func TestTestModeRedirectsAndShowsRealRecipient(t *testing.T) {
	a := baseAccount()
	a.TestMode, a.TestAddress = true, "bea@shop.test"
	m := domain.OutboxMessage{MessageID: "<2.abc@shop.test>", Kind: domain.KindMarketing, ToAddr: "alice@customer.test",
		ToName: "Alice <b>", Subject: "Sale", Text: "10% off", HTML: "<html><body><p>10% off</p></body></html>"}
	c, err := Compose(a, m, t0)
	if err != nil {
		t.Fatal(err)
	}
	rcpts, _ := c.Msg.GetRecipients()
	if len(rcpts) != 1 || strings.Trim(rcpts[0], "<>") != "bea@shop.test" || c.DeliveredTo != "bea@shop.test" {
		t.Fatalf("test mode sent to %v", rcpts)
	}
	raw := string(c.Raw)
	if !strings.Contains(raw, "[TEST] Sale") {
		t.Fatal("subject not marked")
	}
	if !strings.Contains(raw, "TEST MODE: this message was meant for Alice <b> <alice@customer.test>") {
		t.Fatalf("text banner missing:\n%s", raw)
	}
	// The HTML banner escapes the customer's name.
	if !strings.Contains(raw, "Alice &lt;b&gt; &lt;alice@customer.test&gt;") {
		t.Fatalf("HTML banner not escaped:\n%s", raw)
	}
}

func TestListUnsubscribeOnlyOnMarketing(t *testing.T) {
	a := baseAccount()
	for _, kind := range []domain.MessageKind{domain.KindTransactional, domain.KindSupplier, domain.KindMarketing} {
		c, err := Compose(a, domain.OutboxMessage{MessageID: "<3.abc@shop.test>", Kind: kind, ToAddr: "a@customer.test", Subject: "s", Text: "t"}, t0)
		if err != nil {
			t.Fatal(err)
		}
		msg, _ := mail.ReadMessage(bytes.NewReader(c.Raw))
		lu := msg.Header.Get("List-Unsubscribe")
		if (kind == domain.KindMarketing) != (lu != "") {
			t.Fatalf("%s: List-Unsubscribe %q", kind, lu)
		}
		// Without the shop's https page there is no one-click POST (RFC 8058).
		if msg.Header.Get("List-Unsubscribe-Post") != "" {
			t.Fatalf("%s: one-click without an https URL", kind)
		}
	}
}

func TestAttachmentTooBigIsRefusedAtEnqueue(t *testing.T) {
	r := newRig(t, mailtest.SMTPOptions{}, nil)
	big := make([]byte, 50<<20)
	_, err := r.outbox().Enqueue(context.Background(), &domain.OutboxMessage{ToAddr: "s@supplier.test", Subject: "PO",
		Text: "attached", Attachments: []domain.Attachment{{Name: "po.xlsx", Data: big}}})
	if domain.CodeOf(err) != domain.CodeInvalid || !strings.Contains(err.Error(), "50 MB") {
		t.Fatalf("%v", err)
	}
	if c, _ := r.st.CountMessagesByStatus(context.Background()); len(c) != 0 {
		t.Fatalf("outbox changed: %v", c)
	}
}

func TestAttachmentArrives(t *testing.T) {
	r := newRig(t, mailtest.SMTPOptions{}, nil)
	_, err := r.outbox().Enqueue(context.Background(), &domain.OutboxMessage{Kind: domain.KindSupplier, ToAddr: "s@supplier.test",
		Subject: "PO 7", Text: "attached", Attachments: []domain.Attachment{{Name: "po-7.xlsx",
			ContentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Data: []byte("PK\x03\x04xlsx")}}})
	if err != nil {
		t.Fatal(err)
	}
	if res, err := r.outbox().Run(context.Background(), RunOptions{}); err != nil || res.Sent != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	if d := r.srv.Deliveries()[0].Data; !bytes.Contains(d, []byte(`filename="po-7.xlsx"`)) {
		t.Fatalf("attachment missing:\n%s", d)
	}
}

func TestConnectionErrorsInPlainLanguage(t *testing.T) {
	ctx := context.Background()
	t.Run("wrong password", func(t *testing.T) {
		r := newRig(t, mailtest.SMTPOptions{}, func(a *Account) { a.Provider = ProviderGmail })
		r.enqueue(t, 1, domain.KindTransactional)
		dial := SMTPDialer(r.acct, func(context.Context) (string, error) { return "wrong", nil })
		_, err := NewOutbox(r.st, r.clk, r.acct, dial, nil, nil, nil).Run(ctx, RunOptions{})
		if domain.CodeOf(err) != domain.CodeAuthFailed || !strings.Contains(err.Error(), "Gmail needs an app password") {
			t.Fatalf("%v", err)
		}
		c, _ := r.st.CountMessagesByStatus(ctx)
		if c[domain.MsgQueued] != 1 {
			t.Fatalf("outbox not intact: %v", c)
		}
	})
	t.Run("certificate not trusted", func(t *testing.T) {
		r := newRig(t, mailtest.SMTPOptions{}, func(a *Account) { a.CAFile = "" })
		_, err := SMTPDialer(r.acct, func(context.Context) (string, error) { return "x", nil })(ctx)
		if err == nil || !strings.Contains(err.Error(), "certificate nobody vouches for") {
			t.Fatalf("%v", err)
		}
	})
	t.Run("certificate for another name", func(t *testing.T) {
		r := newRig(t, mailtest.SMTPOptions{}, nil)
		other := mailtest.NewCert(t, "mail.other.test")
		r.acct.CAFile = other.CAFile
		srv := mailtest.NewSMTP(t, mailtest.SMTPOptions{Cert: &other})
		r.acct.SMTPPort = srv.Port()
		_, err := SMTPDialer(r.acct, func(context.Context) (string, error) { return "x", nil })(ctx)
		if err == nil || !strings.Contains(err.Error(), "not valid for this name") {
			t.Fatalf("%v", err)
		}
	})
	t.Run("STARTTLS not offered", func(t *testing.T) {
		srv := mailtest.NewSMTP(t, mailtest.SMTPOptions{}) // plaintext only
		a := baseAccount()
		a.SMTPHost, a.SMTPPort = "127.0.0.1", srv.Port()
		_, err := SMTPDialer(a, func(context.Context) (string, error) { return srv.Password, nil })(ctx)
		if err == nil || !strings.Contains(err.Error(), "STARTTLS") {
			t.Fatalf("%v", err)
		}
	})
	t.Run("implicit TLS on a STARTTLS port", func(t *testing.T) {
		r := newRig(t, mailtest.SMTPOptions{}, func(a *Account) { a.SMTPSecurity = SecurityTLS })
		_, err := SMTPDialer(r.acct, func(context.Context) (string, error) { return "x", nil })(ctx)
		if err == nil || !strings.Contains(err.Error(), "choose STARTTLS") {
			t.Fatalf("%v", err)
		}
	})
	t.Run("nothing listening", func(t *testing.T) {
		ln, _ := net.Listen("tcp", "127.0.0.1:0")
		port := ln.Addr().(*net.TCPAddr).Port
		ln.Close()
		a := baseAccount()
		a.SMTPHost, a.SMTPPort = "127.0.0.1", port
		_, err := SMTPDialer(a, func(context.Context) (string, error) { return "x", nil })(ctx)
		if err == nil || !strings.Contains(err.Error(), "nothing answers") {
			t.Fatalf("%v", err)
		}
	})
	t.Run("server that hangs", func(t *testing.T) {
		ln, _ := net.Listen("tcp", "127.0.0.1:0")
		defer ln.Close()
		go func() {
			for {
				c, err := ln.Accept()
				if err != nil {
					return
				}
				defer c.Close()
				io.Copy(io.Discard, c) // never greets
			}
		}()
		a := baseAccount()
		a.SMTPHost, a.SMTPPort = "127.0.0.1", ln.Addr().(*net.TCPAddr).Port
		ctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
		defer cancel()
		_, err := SMTPDialer(a, func(context.Context) (string, error) { return "x", nil })(ctx)
		if err == nil || domain.CodeOf(err) != domain.CodeTemporary {
			t.Fatalf("%v", err)
		}
	})
	t.Run("plaintext only to localhost when allowed", func(t *testing.T) {
		a := baseAccount()
		a.SMTPSecurity = SecurityNone
		if err := a.Validate(); err == nil {
			t.Fatal("plaintext to a remote host accepted")
		}
		a.SMTPHost, a.AllowPlaintext = "127.0.0.1", true
		if err := a.Validate(); err != nil {
			t.Fatal(err)
		}
		srv := mailtest.NewSMTP(t, mailtest.SMTPOptions{})
		a.SMTPPort = srv.Port()
		c, err := SMTPDialer(a, func(context.Context) (string, error) { return srv.Password, nil })(ctx)
		if err != nil {
			t.Fatal(err)
		}
		c.Close()
	})
}

// TestWireFormLeavesAttachmentsOut: the Outbox screen's view of a message
// has its headers and text, not the attachment it carries, and the
// message itself keeps the attachment.
func TestWireFormLeavesAttachmentsOut(t *testing.T) {
	m := domain.OutboxMessage{MessageID: "<po7@shop.test>", ToAddr: "sup@supplier.test", Subject: "PO 7", Text: "attached",
		Attachments: []domain.Attachment{{Name: "po-7.xlsx", ContentType: "application/octet-stream", Data: []byte("PK-sheet")}}}
	raw, err := WireForm(baseAccount(), m, time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(raw, "Subject: PO 7") || strings.Contains(raw, "po-7.xlsx") {
		t.Fatalf("wire form:\n%s", raw)
	}
	if len(m.Attachments) != 1 {
		t.Fatal("the message lost its attachment")
	}
}

// A login refusal is read from the server's reply codes, never from a port
// or an address that happens to hold the same digits: a server that hung
// on port 41535 was once told apart as "the password was refused".
func TestAuthFailureIsReadFromReplyCodes(t *testing.T) {
	for s, want := range map[string]bool{
		"535 5.7.8 Error: authentication failed":                         true,
		"535-5.7.8 Username and Password not accepted":                   true,
		"smtp: 535 Authentication credentials invalid":                   true,
		"534 5.7.9 Application-specific password required":               true,
		"dial tcp 127.0.0.1:41535: i/o timeout":                          false,
		"read tcp 127.0.0.1:53501->127.0.0.1:25: i/o timeout":            false,
		"dial tcp 10.5.7.8:587: connect: connection refused":             false,
		"failed to dial to SMTP server: dial tcp 127.0.0.1:535: timeout": false,
	} {
		if got := isAuthFailure(strings.ToLower(s)); got != want {
			t.Errorf("%q: auth failure %v, want %v", s, got, want)
		}
	}
}
