package mail

import (
	"context"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/mail/mailtest"
)

// A run that stops early gives back every message it claimed and did not
// send, however many one commit claimed.
func TestBatchedRunGivesBackUnsentClaims(t *testing.T) {
	r := newRig(t, mailtest.SMTPOptions{}, nil)
	ids := r.enqueue(t, ClaimBatch+5, domain.KindTransactional)
	res, err := r.outbox().Run(context.Background(), RunOptions{Max: 3})
	if err != nil || res.Sent != 3 {
		t.Fatalf("%+v %v", res, err)
	}
	for i, id := range ids {
		m := status(t, r.st, id)
		want, attempts := domain.MsgQueued, 0
		if i < 3 {
			want, attempts = domain.MsgSent, 1
		}
		if m.Status != want || m.Attempts != attempts {
			t.Fatalf("message %d: %s after %d attempts, want %s after %d", i, m.Status, m.Attempts, want, attempts)
		}
	}
}

// A crash right after a batch of claims was committed, with the first
// message's content on its way, leaves only that message in doubt: the
// send journal proves the rest never left, so they are queued again on a
// generic account with no mailbox at all, and each is sent once.
func TestCrashAfterBatchClaimLeavesOnlyTheTransmittedInDoubt(t *testing.T) {
	ctx := context.Background()
	r := newRig(t, mailtest.SMTPOptions{}, nil)
	r.box = nil
	ids := r.enqueue(t, ClaimBatch+2, domain.KindTransactional)
	b, err := r.st.BeginOutboxBatch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	claimed, _, err := b.Apply(ctx, nil, ClaimBatch, r.clk.Now())
	b.Close()
	if err != nil || len(claimed) != ClaimBatch {
		t.Fatalf("claimed %d, %v", len(claimed), err)
	}
	j, err := r.st.OpenSendJournal()
	if err != nil {
		t.Fatal(err)
	}
	if err := j.OnWire(ids[0]); err != nil {
		t.Fatal(err)
	}
	j.Close() // the process died here, the first message's content on the wire
	for i, c := range claimed {
		if c.Msg.ID != ids[i] || status(t, r.st, ids[i]).Status != domain.MsgSending {
			t.Fatalf("claim %d: %+v", i, c.Msg)
		}
	}
	rr, err := r.outbox().Recover(ctx)
	if err != nil || rr.NeverSent != ClaimBatch-1 || rr.SellerDecide != 1 {
		t.Fatalf("%+v %v", rr, err)
	}
	if m := status(t, r.st, ids[0]); m.Status != domain.MsgInDoubt {
		t.Fatalf("the transmitted message: %+v", m)
	}
	for _, id := range ids[1:ClaimBatch] {
		if m := status(t, r.st, id); m.Status != domain.MsgQueued || m.Attempts != 0 {
			t.Fatalf("a never-transmitted message: %s after %d attempts", m.Status, m.Attempts)
		}
	}
	res, err := r.outbox().Run(ctx, RunOptions{})
	if err != nil || res.Sent != len(ids)-1 {
		t.Fatalf("%+v %v", res, err)
	}
	seen := map[string]int{}
	for _, d := range r.srv.Deliveries() {
		seen[d.MessageID]++
	}
	for _, id := range ids[1:] {
		if m := status(t, r.st, id); m.Status != domain.MsgSent || seen[m.MessageID] != 1 {
			t.Fatalf("message %d: %s, delivered %d times", id, m.Status, seen[m.MessageID])
		}
	}
	if m := status(t, r.st, ids[0]); m.Status != domain.MsgInDoubt || seen[m.MessageID] != 0 {
		t.Fatalf("the in-doubt message was resent blind: %s, delivered %d times", m.Status, seen[m.MessageID])
	}
}
