package mail

import (
	"context"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/mail/mailtest"
)

// TestInDoubtResolvedOnlyByTheProofsItCarried: a message whose reply to
// DATA was lost (the server took it) is settled only by what went with it.
// In test mode no confirm copy goes out, so its absence from INBOX proves
// nothing; switching confirm copy or the provider's filing on or off later
// changes nothing for a message sent before. Before the fix the in-doubt
// check trusted the account as it was then, called such messages unsent
// and sent them a second time.
func TestInDoubtResolvedOnlyByTheProofsItCarried(t *testing.T) {
	testMode := func(to string) func(*Account) {
		return func(a *Account) {
			a.TestMode, a.TestAddress = true, to
			if to == "" {
				a.TestAddress = a.FromAddress
			}
		}
	}
	both := func(fs ...func(*Account)) func(*Account) {
		return func(a *Account) {
			for _, f := range fs {
				f(a)
			}
		}
	}
	confirmCopy := func(on bool) func(*Account) { return func(a *Account) { a.ConfirmCopy = on } }
	cases := []struct {
		name            string
		atSend, atCheck func(*Account)
		want            domain.MessageStatus // after the grace time
	}{
		{"test mode with confirm copy", both(confirmCopy(true), testMode("tester@elsewhere.test")), nil, domain.MsgInDoubt},
		{"confirm copy switched on later", nil, confirmCopy(true), domain.MsgInDoubt},
		{"provider filing switched on later", nil, func(a *Account) { a.ProviderFilesSent = true }, domain.MsgInDoubt},
		{"confirm copy switched off later", confirmCopy(true), confirmCopy(false), domain.MsgSent},
		{"test mode to the seller's own address", testMode(""), func(a *Account) { a.TestMode = false }, domain.MsgSent},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			var r *rig
			r = newRig(t, mailtest.SMTPOptions{
				Script: func(n int, _ string) mailtest.Reply {
					if n == 1 {
						return mailtest.DropAfterData // taken, the reply lost
					}
					return mailtest.Accept
				},
				OnAccept: func(d mailtest.Delivery) {
					for _, to := range d.To {
						if sameAddress(to, r.acct.FromAddress) { // the server delivers the seller's copy
							r.box.mu.Lock()
							r.box.inbox[d.MessageID] = true
							r.box.mu.Unlock()
						}
					}
				},
			}, c.atSend)
			ids := r.enqueue(t, 1, domain.KindTransactional)
			if res := r.run(t); res.InDoubt != 1 {
				t.Fatalf("setup: %+v", res)
			}
			if c.atCheck != nil {
				c.atCheck(&r.acct)
			}
			r.clk.t = t0.Add(InDoubtGrace)
			if _, err := r.outbox().ResolveInDoubt(ctx); err != nil {
				t.Fatal(err)
			}
			m := status(t, r.st, ids[0])
			if m.Status != c.want {
				t.Fatalf("status %s (%s), want %s", m.Status, m.LastError, c.want)
			}
			r.run(t)
			if n := len(r.srv.Deliveries()); n != 1 {
				t.Fatalf("the server took the message %d times", n)
			}
		})
	}
}
