package mail

import (
	"context"
	"testing"
	"time"

	"shopclerk/backend/mail/mailtest"
	"shopclerk/backend/store"
)

// Several messages per commit only where a crash's never-sent claims can be
// proven unsent by a Sent-folder lookup.
func TestClaimBatchOnlyWhereUnsentIsProvable(t *testing.T) {
	for _, c := range []struct {
		name        string
		provider    ProviderID
		confirmCopy bool
		mailbox     bool
		want        int
	}{
		{"generic", ProviderGeneric, false, true, 1},
		{"generic with confirm copy", ProviderGeneric, true, true, ClaimBatch},
		{"generic with confirm copy, no mailbox", ProviderGeneric, true, false, 1},
		{"gmail", ProviderGmail, false, true, ClaimBatch},
		{"gmail, no mailbox", ProviderGmail, false, false, 1},
		{"icloud", ProviderICloud, false, true, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := ApplyPreset(Account{FromAddress: "seller@shop.test"}, c.provider)
			a.ConfirmCopy = c.confirmCopy
			var box Mailbox
			if c.mailbox {
				box = &memMailbox{sent: map[string]bool{}}
			}
			if got := NewOutbox(nil, nil, a, nil, box, nil, nil).claimBatch(); got != c.want {
				t.Fatalf("claims %d per commit, want %d", got, c.want)
			}
		})
	}
}

// A run that stops early gives back every message it claimed and did not
// send, however many one commit claimed.
func TestBatchedRunGivesBackUnsentClaims(t *testing.T) {
	r := newRig(t, mailtest.SMTPOptions{}, func(a *Account) { a.ProviderFilesSent = true })
	ids := r.enqueue(t, ClaimBatch+5, store.KindTransactional)
	res, err := r.outbox().Run(context.Background(), RunOptions{Max: 3})
	if err != nil || res.Sent != 3 {
		t.Fatalf("%+v %v", res, err)
	}
	for i, id := range ids {
		m := status(t, r.st, id)
		want, attempts := store.MsgQueued, 0
		if i < 3 {
			want, attempts = store.MsgSent, 1
		}
		if m.Status != want || m.Attempts != attempts {
			t.Fatalf("message %d: %s after %d attempts, want %s after %d", i, m.Status, m.Attempts, want, attempts)
		}
	}
}

// A crash right after a batch of claims was committed (nothing sent yet)
// leaves the whole batch in doubt; the Sent lookup proves it unsent and the
// next run sends each message once.
func TestCrashAfterBatchClaimIsProvenUnsent(t *testing.T) {
	r := newRig(t, mailtest.SMTPOptions{}, func(a *Account) { a.ProviderFilesSent = true })
	ids := r.enqueue(t, ClaimBatch+2, store.KindTransactional)
	b, err := r.st.BeginOutboxBatch(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	claimed, _, err := b.Apply(context.Background(), nil, ClaimBatch, r.clk.Now())
	b.Close() // the process died here
	if err != nil || len(claimed) != ClaimBatch {
		t.Fatalf("claimed %d, %v", len(claimed), err)
	}
	for i, c := range claimed {
		if c.Msg.ID != ids[i] || status(t, r.st, ids[i]).Status != store.MsgSending {
			t.Fatalf("claim %d: %+v", i, c.Msg)
		}
	}
	r.clk.t = r.clk.t.Add(InDoubtGrace + time.Second)
	rr, err := r.outbox().Recover(context.Background())
	if err != nil || rr.ProvenUnsent != ClaimBatch || rr.SellerDecide != 0 {
		t.Fatalf("%+v %v", rr, err)
	}
	res, err := r.outbox().Run(context.Background(), RunOptions{})
	if err != nil || res.Sent != len(ids) {
		t.Fatalf("%+v %v", res, err)
	}
	seen := map[string]int{}
	for _, d := range r.srv.Deliveries() {
		seen[d.MessageID]++
	}
	for _, id := range ids {
		if m := status(t, r.st, id); m.Status != store.MsgSent || seen[m.MessageID] != 1 {
			t.Fatalf("message %d: %s, delivered %d times", id, m.Status, seen[m.MessageID])
		}
	}
}
