package mail

import (
	"context"
	"strings"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/mail/mailtest"
)

// TestSendTestGoesToTheTypedAddress: the account check bypasses the outbox
// and test mode (the seller typed the address), and returns the server's
// reply.
func TestSendTestGoesToTheTypedAddress(t *testing.T) {
	r := newRig(t, mailtest.SMTPOptions{}, func(a *Account) { a.TestMode, a.TestAddress = true, "sink@shop.test" })
	secret := func(context.Context) (string, error) { return r.srv.Password, nil }
	reply, err := SendTest(context.Background(), r.acct, secret, "me@seller.test", r.clk.Now())
	if err != nil || reply == "" {
		t.Fatalf("reply %q, %v", reply, err)
	}
	d := r.srv.Deliveries()
	if len(d) != 1 || len(d[0].To) != 1 || d[0].To[0] != "me@seller.test" || !strings.Contains(string(d[0].Data), "Shopclerk test email") {
		t.Fatalf("deliveries %+v", d)
	}
	if msgs, _ := r.st.ListMessages(context.Background(), "", 10, 0); len(msgs) != 0 {
		t.Fatalf("the test email went into the outbox: %+v", msgs)
	}
}

// TestSendRecoversBeforeItRuns: a message a crash left 'sending' is
// checked by the in-doubt recovery that Send runs first and is not sent
// blind again by the loop that follows; the queued one goes out.
func TestSendRecoversBeforeItRuns(t *testing.T) {
	r := newRig(t, mailtest.SMTPOptions{}, nil)
	ids := r.enqueue(t, 2, domain.KindTransactional)
	ctx := context.Background()
	if _, ok, err := r.st.ClaimNext(ctx, r.clk.Now()); !ok || err != nil {
		t.Fatalf("claim: %v %v", ok, err)
	}
	rep, err := r.outbox().Send(ctx, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.InDoubt.SellerDecide != 1 || rep.Run.Sent != 1 || len(r.srv.Deliveries()) != 1 {
		t.Fatalf("report %+v, %d deliveries", rep, len(r.srv.Deliveries()))
	}
	if st := status(t, r.st, ids[0]).Status; st != domain.MsgInDoubt {
		t.Fatalf("the interrupted message is %s, want in doubt", st)
	}
	if st := status(t, r.st, ids[1]).Status; st != domain.MsgSent {
		t.Fatalf("the queued message is %s", st)
	}
}
