package mail

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/mail/mailtest"
)

// A recipient refused at RCPT TO, permanently or for now, is failed or
// deferred with the server's words, and the messages around it go out over
// the same connection: the pipelined transaction reads every reply of its
// group and stays in step with the server. The same holds for the
// one-command-at-a-time transaction used where the server does not offer
// PIPELINING.
func TestRecipientRefusedAtRcptKeepsTheConnectionInStep(t *testing.T) {
	for _, pipelining := range []bool{true, false} {
		name := map[bool]string{true: "pipelined", false: "one command at a time"}[pipelining]
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			r := newRig(t, mailtest.SMTPOptions{RcptReply: func(to string) mailtest.Reply {
				switch {
				case strings.HasPrefix(to, "c1@"):
					return mailtest.Permanent
				case strings.HasPrefix(to, "c2@"):
					return mailtest.Temporary
				}
				return mailtest.Accept
			}}, nil)
			ids := r.enqueue(t, 4, domain.KindTransactional)
			dial := smtpDialer(r.acct, func(context.Context) (string, error) { return r.srv.Password, nil }, pipelining)
			o := NewOutbox(r.st, r.clk, r.acct, dial, nil, time.UTC, nil)
			res, err := o.Run(ctx, RunOptions{})
			if err != nil || res.Sent != 2 || res.Failed != 1 || res.Deferred != 1 {
				t.Fatalf("%+v %v", res, err)
			}
			want := []domain.MessageStatus{domain.MsgSent, domain.MsgFailed, domain.MsgDeferred, domain.MsgSent}
			for i, id := range ids {
				m := status(t, r.st, id)
				if m.Status != want[i] {
					t.Fatalf("message %d: %s (%s), want %s", i, m.Status, m.LastError, want[i])
				}
				if i == 1 && !strings.Contains(m.LastError, "5.1.1") {
					t.Fatalf("the refusal does not quote the server: %q", m.LastError)
				}
				if i == 2 && !strings.Contains(m.LastError, "4.2.1") {
					t.Fatalf("the deferral does not quote the server: %q", m.LastError)
				}
			}
			if sp, ok, _ := r.st.Suppressed(ctx, "c1@customer.test"); !ok || sp.Reason != domain.SuppressHardBounce {
				t.Fatalf("a user-unknown refusal did not suppress the address: %+v %v", sp, ok)
			}
			if n := len(r.srv.Deliveries()); n != 2 {
				t.Fatalf("%d deliveries, want 2", n)
			}
			if n := r.srv.Logins(); n != 1 {
				t.Fatalf("%d connections, want 1", n)
			}
		})
	}
}

// With a confirm copy the message has two recipients. When the server
// refuses the customer but would take the seller's copy, nothing is
// delivered (not even an empty message to the seller): such messages go
// one command at a time, hearing each RCPT answer before DATA.
func TestConfirmCopyWithRefusedCustomerDeliversNothing(t *testing.T) {
	r := newRig(t, mailtest.SMTPOptions{RcptReply: func(to string) mailtest.Reply {
		if strings.HasPrefix(to, "c0@") {
			return mailtest.Permanent
		}
		return mailtest.Accept
	}}, func(a *Account) { a.ConfirmCopy = true })
	ids := r.enqueue(t, 2, domain.KindTransactional)
	res, err := r.outbox().Run(context.Background(), RunOptions{})
	if err != nil || res.Failed != 1 || res.Sent != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	if m := status(t, r.st, ids[0]); m.Status != domain.MsgFailed {
		t.Fatalf("%+v", m)
	}
	d := r.srv.Deliveries()
	if len(d) != 1 || len(d[0].To) != 2 {
		t.Fatalf("deliveries: %+v", d)
	}
}

// When the send journal cannot note a message before its final dot, the
// dot is never sent: the server takes nothing, on either path.
func TestNoFinalDotWithoutTheJournal(t *testing.T) {
	for _, confirmCopy := range []bool{false, true} {
		r := newRig(t, mailtest.SMTPOptions{}, func(a *Account) { a.ConfirmCopy = confirmCopy })
		conn, err := SMTPDialer(r.acct, func(context.Context) (string, error) { return r.srv.Password, nil })(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		c, err := Compose(r.acct, domain.OutboxMessage{MessageID: "<nodot@shop.test>", ToAddr: "c1@customer.test", Subject: "x", Text: "x"}, t0)
		if err != nil {
			t.Fatal(err)
		}
		full := errors.New("disk full")
		_, err = conn.Send(context.Background(), c, func() error { return full })
		if je := (*JournalError)(nil); !errors.As(err, &je) || !errors.Is(err, full) {
			t.Fatalf("confirm copy %v: %v", confirmCopy, err)
		}
		if n := len(r.srv.Deliveries()); n != 0 {
			t.Fatalf("confirm copy %v: the server took %d messages", confirmCopy, n)
		}
	}
}
