package inbox

import (
	"context"
	"strings"
	"testing"

	"shopclerk/backend/domain"
)

// A delivery report for a message we sent turns it Bounced, with the
// report's reason; the sync's result names what it made.
func TestBounceMarksTheSentMessageAndTheResultNamesIt(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	// <orig-1> went out (claimed, then accepted by the server).
	m, ok, err := e.st.ClaimNext(ctx, t0)
	if err != nil || !ok || m.MessageID != "<orig-1@shop.test>" {
		t.Fatalf("claim %+v %v %v", m, ok, err)
	}
	if err := e.st.TransitionMessage(ctx, m.ID, domain.Transition{From: domain.MsgSending, To: domain.MsgSent, At: t0}); err != nil {
		t.Fatal(err)
	}
	e.imap.Deliver(t, "INBOX", fixture(t, "dsn-postfix.eml"))
	e.imap.Deliver(t, "INBOX", fixture(t, "dsn-gmail.eml")) // the same message reported twice
	e.imap.Deliver(t, "INBOX", fixture(t, "reply.eml"))
	res, err := e.syncer.Sync(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := e.st.GetMessage(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != domain.MsgBounced || !strings.Contains(got.LastError, "nobody@customer.test") || !strings.Contains(got.LastError, "5.1.1") {
		t.Fatalf("after the report: %s %q", got.Status, got.LastError)
	}
	if got.SentAt == nil || !got.SentAt.Equal(t0) {
		t.Fatalf("the send time was lost: %v", got.SentAt)
	}
	if res.Bounces != 2 || res.Bounced != 1 || res.Tasks != 1 || res.Suppressed != 2 {
		t.Fatalf("%+v", res)
	}
	kinds := map[MadeKind]int{}
	for _, mk := range res.Made {
		kinds[mk.Kind]++
		switch mk.Kind {
		case MadeBounce:
			if mk.MessageID != m.ID || mk.Title != "Your cart is waiting" {
				t.Errorf("bounce %+v", mk)
			}
		case MadeTask:
			if mk.TaskID == 0 || mk.MessageID != m.ID || !strings.HasPrefix(mk.Title, "Reply from alice@customer.test") {
				t.Errorf("task %+v", mk)
			}
		case MadeSuppression:
			if mk.Email == "" || mk.Title != string(domain.SuppressHardBounce) {
				t.Errorf("suppression %+v", mk)
			}
		}
	}
	if kinds[MadeBounce] != 1 || kinds[MadeTask] != 1 || kinds[MadeSuppression] != 2 {
		t.Fatalf("made %+v", res.Made)
	}
}

// A delayed report is not a bounce: the message stays sent.
func TestDelayedReportLeavesTheMessageSent(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	m, _, _ := e.st.ClaimNext(ctx, t0)
	e.st.TransitionMessage(ctx, m.ID, domain.Transition{From: domain.MsgSending, To: domain.MsgSent, At: t0})
	raw := strings.Replace(string(fixture(t, "dsn-exim.eml")), "Action: failed", "Action: delayed", 1)
	e.imap.Deliver(t, "INBOX", []byte(raw))
	if _, err := e.syncer.Sync(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := e.st.GetMessage(ctx, m.ID); got.Status != domain.MsgSent {
		t.Fatalf("a delayed delivery made it %s", got.Status)
	}
}
