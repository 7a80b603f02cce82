package rules

import (
	"testing"

	"shopclerk/backend/domain"
)

// TestRecheckEndsAQueuedReminder: an abandoned-cart reminder queued by a
// run is checked again right before it goes: a purchase, a reply, an
// unsubscribe, sold-out items or another flow's stop since then stop it,
// with the reason; otherwise it goes. (The outbox asks; mail's
// TestQueuedReminderNotSentAfterThePurchase is the whole way.)
func TestRecheckEndsAQueuedReminder(t *testing.T) {
	type exit struct {
		name string
		do   func(s *shop)
		want string // the reason; "" when the email still goes
	}
	cases := []exit{
		{"nothing happened", func(*shop) {}, ""},
		{"stopped by another flow", func(s *shop) {
			m := queued(s)
			if err := s.st.StopCustomerSequences(s.ctx, *m.CustomerID, t0.Add(hour), "order cancelled", "stop-1"); err != nil {
				s.t.Fatal(err)
			}
		}, "not sent: another flow stopped this customer's sequences"},
	}
	for _, x := range sequenceExits {
		cases = append(cases, exit{x.name, x.do, "not sent: " + exitWords(x.why)})
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := cartShop(t, true)
			s.runAll(t0)
			tc.do(s)
			why, err := NewRecheck(s.e).StopReason(s.ctx, queued(s), t0.Add(3*hour))
			if err != nil || why != tc.want {
				t.Fatalf("reason %q (%v), want %q", why, err, tc.want)
			}
		})
	}
}

// TestRecheckLeavesOtherEmailsAlone: an email no flow queued goes as it
// was queued.
func TestRecheckLeavesOtherEmailsAlone(t *testing.T) {
	s, _ := cartShop(t, true)
	r := NewRecheck(s.e)
	for _, msg := range []domain.OutboxMessage{{ID: 99, LedgerKey: ""}, {ID: 98, LedgerKey: "po:7"}} {
		if why, err := r.StopReason(s.ctx, msg, t0); why != "" || err != nil {
			t.Fatalf("%+v: %q %v", msg, why, err)
		}
	}
}

// queued is the one email the runs queued.
func queued(s *shop) domain.OutboxMessage {
	s.t.Helper()
	msgs, err := s.st.ListMessages(s.ctx, domain.MsgQueued, 10, 0)
	if err != nil || len(msgs) != 1 {
		s.t.Fatalf("queued: %v %v", msgs, err)
	}
	return msgs[0]
}
