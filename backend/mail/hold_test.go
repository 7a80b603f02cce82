package mail

import (
	"context"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/mail/mailtest"
)

// A message the outbox's Hold keeps back is not sent: it is deferred with
// the reason as its last error (the outbox's "why"), without counting as a
// delivery attempt, and goes once the hold lifts and its minute is up.
func TestHeldMessageWaitsAndSaysWhy(t *testing.T) {
	r := newRig(t, mailtest.SMTPOptions{}, nil)
	ids := r.enqueue(t, 2, domain.KindTransactional)
	held := true
	hold := func(_ context.Context, m domain.OutboxMessage) (string, error) {
		if held && m.ID == ids[0] {
			return "waits until its coupon SC-1 is a discount code in Maple", nil
		}
		return "", nil
	}
	ob := r.outbox()
	ob.HoldBy(hold)
	res, err := ob.Run(context.Background(), RunOptions{})
	if err != nil || res.Sent != 1 || res.Deferred != 1 {
		t.Fatalf("run: %+v %v", res, err)
	}
	m := status(t, r.st, ids[0])
	if m.Status != domain.MsgDeferred || m.LastError != "waits until its coupon SC-1 is a discount code in Maple" || m.Attempts != 0 {
		t.Fatalf("held message: %+v", m)
	}
	if len(r.srv.Deliveries()) != 1 {
		t.Fatalf("%d deliveries, want the one not held", len(r.srv.Deliveries()))
	}
	held = false
	r.clk.t = r.clk.t.Add(HoldRetry + time.Second)
	ob = r.outbox()
	ob.HoldBy(hold)
	if res, err := ob.Run(context.Background(), RunOptions{}); err != nil || res.Sent != 1 {
		t.Fatalf("after the hold: %+v %v", res, err)
	}
	if m := status(t, r.st, ids[0]); m.Status != domain.MsgSent {
		t.Fatalf("after the hold: %+v", m)
	}
}
