package rules

import (
	"strings"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/importdb"
)

// TestRecheckEndsAQueuedReminder: an abandoned-cart reminder queued by a
// run is checked again right before it goes: a purchase, a reply, an
// unsubscribe, sold-out items or another flow's stop since then stop it,
// with the reason; otherwise it goes. (The outbox asks; mail's
// TestQueuedReminderNotSentAfterThePurchase is the whole way.)
func TestRecheckEndsAQueuedReminder(t *testing.T) {
	cases := []struct {
		name string
		do   func(s *shop)
		want string // in the reason; "" when the email still goes
	}{
		{"nothing happened", func(*shop) {}, ""},
		{"bought", func(s *shop) {
			carl := cust("carl@example.com", "Carl", "NL", true)
			s.write(func(w *importdb.Writer) error {
				return w.UpsertOrder(order("2001", carl.Email, 2400, t0.Add(hour)), &carl)
			})
		}, "ordered since"},
		{"replied", func(s *shop) {
			if err := s.st.RecordReply(s.ctx, "Carl@Example.com", t0.Add(hour)); err != nil {
				s.t.Fatal(err)
			}
		}, "replied"},
		{"unsubscribed", func(s *shop) {
			if _, err := s.st.Suppress(s.ctx, "carl@example.com", domain.SuppressUnsubscribed, "link"); err != nil {
				s.t.Fatal(err)
			}
		}, "unsubscribed"},
		{"items sold out", func(s *shop) {
			s.write(func(w *importdb.Writer) error { return stock(w, "MUG-1", 0) })
		}, "sold out"},
		{"stopped by another flow", func(s *shop) {
			m := queued(s)
			if err := s.st.StopCustomerSequences(s.ctx, *m.CustomerID, t0.Add(hour), "order cancelled", "stop-1"); err != nil {
				s.t.Fatal(err)
			}
		}, "another flow stopped"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := cartShop(t, true)
			s.runAll(t0)
			tc.do(s)
			why, err := NewRecheck(s.e).StopReason(s.ctx, queued(s), t0.Add(2*hour))
			if err != nil {
				t.Fatal(err)
			}
			if (tc.want == "") != (why == "") || !strings.Contains(why, tc.want) {
				t.Fatalf("reason %q, want one with %q", why, tc.want)
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
