package mail

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/mail/mailtest"
)

// A connection dropped after DATA leaves the message in_doubt: it is not
// retried by the loop, whichever way the server decided.
func TestDropAfterDataLeavesInDoubt(t *testing.T) {
	for _, reply := range []mailtest.Reply{mailtest.DropAfterData, mailtest.DropBeforeAccept} {
		r := newRig(t, mailtest.SMTPOptions{Script: func(n int, _ string) mailtest.Reply {
			if n == 1 {
				return reply
			}
			return mailtest.Accept
		}}, nil)
		ids := r.enqueue(t, 2, domain.KindTransactional)
		res := r.run(t)
		if res.InDoubt != 1 || res.Sent != 1 {
			t.Fatalf("reply %d: %+v", reply, res)
		}
		if m := status(t, r.st, ids[0]); m.Status != domain.MsgInDoubt {
			t.Fatalf("reply %d: %+v", reply, m)
		}
		// The next run leaves it alone: only the resolver may move it.
		res, _ = r.outbox().Run(context.Background(), RunOptions{})
		if res.Done != 0 {
			t.Fatalf("an in-doubt message was sent again blindly: %+v", res)
		}
	}
}

func TestResolveInDoubtBothWays(t *testing.T) {
	ctx := context.Background()
	// The provider files sent mail itself (like Gmail): the server puts
	// every accepted message in the Sent folder.
	var r *rig
	r = newRig(t, mailtest.SMTPOptions{
		Script: func(n int, _ string) mailtest.Reply {
			switch n {
			case 1:
				return mailtest.DropAfterData // delivered, reply lost
			case 2:
				return mailtest.DropBeforeAccept // not delivered
			}
			return mailtest.Accept
		},
		OnAccept: func(d mailtest.Delivery) {
			r.box.mu.Lock()
			r.box.sent[d.MessageID] = true
			r.box.mu.Unlock()
		},
	}, func(a *Account) { a.ProviderFilesSent = true })
	ids := r.enqueue(t, 2, domain.KindTransactional)
	r.outbox().Run(ctx, RunOptions{}) // 1 in doubt, connection redialled
	r.outbox().Run(ctx, RunOptions{}) // 2 in doubt
	for _, id := range ids {
		if m := status(t, r.st, id); m.Status != domain.MsgInDoubt {
			t.Fatalf("setup: %+v", m)
		}
	}
	// Too soon: a missing message may still be on its way to Sent.
	res, err := r.outbox().ResolveInDoubt(ctx)
	if err != nil || res.FoundSent != 1 || res.SellerDecide != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	if m := status(t, r.st, ids[0]); m.Status != domain.MsgSent || m.ServerReply != "found in your mailbox" {
		t.Fatalf("%+v", m)
	}
	r.clk.t = t0.Add(InDoubtGrace)
	res, _ = r.outbox().ResolveInDoubt(ctx)
	if res.ProvenUnsent != 1 {
		t.Fatalf("%+v", res)
	}
	res2, _ := r.outbox().Run(ctx, RunOptions{})
	if res2.Sent != 1 {
		t.Fatalf("%+v", res2)
	}
	// Each message reached the server exactly once.
	seen := map[string]int{}
	for _, d := range r.srv.Deliveries() {
		seen[d.MessageID]++
	}
	for _, id := range ids {
		if n := seen[status(t, r.st, id).MessageID]; n != 1 {
			t.Fatalf("message %d delivered %d times", id, n)
		}
	}
}

func TestInDoubtWithoutProofWaitsForSeller(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name  string
		setup func(r *rig, o **Outbox)
		want  string
	}{
		{"mailbox unreachable", func(r *rig, o **Outbox) {
			r.acct.ProviderFilesSent = true
			r.box.fail = &net.OpError{Op: "dial", Err: errors.New("connection refused")}
		}, "could not check your mailbox"},
		{"no mailbox at all", func(r *rig, o **Outbox) {
			r.acct.ProviderFilesSent = true
			r.box = nil
		}, "No mailbox (IMAP)"},
		{"provider does not file sent mail", func(r *rig, o **Outbox) {}, "proves nothing"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := newRig(t, mailtest.SMTPOptions{Script: func(int, string) mailtest.Reply { return mailtest.DropBeforeAccept }}, nil)
			ids := r.enqueue(t, 1, domain.KindTransactional)
			r.outbox().Run(ctx, RunOptions{})
			var o *Outbox
			c.setup(r, &o)
			r.clk.t = t0.Add(time.Hour)
			ob := r.outbox()
			if r.box == nil {
				ob = NewOutbox(r.st, r.clk, r.acct, nil, nil, time.UTC, nil)
			}
			res, err := ob.ResolveInDoubt(ctx)
			if err != nil || res.SellerDecide != 1 {
				t.Fatalf("%+v %v", res, err)
			}
			m := status(t, r.st, ids[0])
			if m.Status != domain.MsgInDoubt || !strings.Contains(m.LastError, c.want) {
				t.Fatalf("%+v", m)
			}
			// The seller decides: send again.
			if err := ob.DecideInDoubt(ctx, ids[0], false); err != nil {
				t.Fatal(err)
			}
			if m := status(t, r.st, ids[0]); m.Status != domain.MsgQueued {
				t.Fatalf("%+v", m)
			}
			if err := ob.DecideInDoubt(ctx, ids[0], true); domain.CodeOf(err) != domain.CodeConflict {
				t.Fatalf("decided twice: %v", err)
			}
		})
	}
}

func TestRecoverTurnsInterruptedSendsIntoInDoubt(t *testing.T) {
	ctx := context.Background()
	r := newRig(t, mailtest.SMTPOptions{}, func(a *Account) { a.ProviderFilesSent = true })
	ids := r.enqueue(t, 1, domain.KindTransactional)
	// A process that claimed the message and died.
	r.claim(t, r.outbox())
	res, err := r.outbox().Recover(ctx)
	if err != nil || res.SellerDecide != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	if m := status(t, r.st, ids[0]); m.Status != domain.MsgInDoubt {
		t.Fatalf("%+v", m)
	}
	r.clk.t = t0.Add(InDoubtGrace)
	if res, _ := r.outbox().Recover(ctx); res.ProvenUnsent != 1 {
		t.Fatalf("%+v", res)
	}
}

func TestSellerActions(t *testing.T) {
	ctx := context.Background()
	r := newRig(t, mailtest.SMTPOptions{Script: func(int, string) mailtest.Reply { return mailtest.Permanent }}, nil)
	ids := r.enqueue(t, 2, domain.KindTransactional)
	o := r.outbox()
	if err := o.Cancel(ctx, ids[1]); err != nil {
		t.Fatal(err)
	}
	o.Run(ctx, RunOptions{})
	if m := status(t, r.st, ids[0]); m.Status != domain.MsgFailed {
		t.Fatalf("%+v", m)
	}
	if err := o.Retry(ctx, ids[0]); err != nil {
		t.Fatal(err)
	}
	if err := o.Retry(ctx, ids[1]); domain.CodeOf(err) != domain.CodeConflict || !strings.Contains(err.Error(), "cancelled") {
		t.Fatalf("retry of a cancelled message: %v", err)
	}
	if err := o.Approve(ctx, ids[0]); domain.CodeOf(err) != domain.CodeConflict {
		t.Fatalf("approve of a non-draft: %v", err)
	}
}

// claim claims the next message as a send run of o does, without sending it.
func (r *rig) claim(t *testing.T, o *Outbox) {
	t.Helper()
	ctx := context.Background()
	b, err := r.st.BeginOutboxBatch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	b.Stamp = o.claimStamp()
	if c, _, err := b.Apply(ctx, nil, 1, r.clk.Now()); err != nil || len(c) != 1 {
		t.Fatalf("claim: %v %v", c, err)
	}
}
