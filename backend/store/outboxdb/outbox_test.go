package outboxdb

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/storetest"
)

var testNow = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

func openOutboxStore(t *testing.T) *DB {
	return New(storetest.Open(t, storetest.At(testNow)))
}

func TestOutboxLifecycle(t *testing.T) {
	ctx := context.Background()
	s := openOutboxStore(t)
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	m := &domain.OutboxMessage{MessageID: "<a@shop.test>", Kind: domain.KindTransactional, ToAddr: "a@customer.test",
		Subject: "Hi", Text: "x", LedgerKey: "rule/1/o1/0"}
	id, created, err := s.EnqueueMessage(ctx, m)
	if err != nil || !created {
		t.Fatal(id, created, err)
	}
	// The same planned action enqueues nothing new.
	m2 := *m
	m2.MessageID = "<b@shop.test>"
	id2, created, err := s.EnqueueMessage(ctx, &m2)
	if err != nil || created || id2 != id {
		t.Fatalf("ledger dedupe: id=%d created=%v err=%v", id2, created, err)
	}
	got, ok, err := s.ClaimNext(ctx, now)
	if err != nil || !ok || got.ID != id || got.Status != domain.MsgSending || got.Attempts != 1 {
		t.Fatalf("claim: %+v %v %v", got, ok, err)
	}
	if _, ok, _ := s.ClaimNext(ctx, now); ok {
		t.Fatal("a sending message was claimed twice")
	}
	// A crash leaves it sending; recovery makes it in_doubt.
	if r, err := s.RecoverSending(ctx); err != nil || r.InDoubt != 1 {
		t.Fatal(r, err)
	}
	err = s.TransitionMessage(ctx, id, domain.Transition{From: domain.MsgSending, To: domain.MsgSent, At: now})
	if domain.CodeOf(err) != domain.CodeConflict {
		t.Fatalf("transition from the wrong state: %v", err)
	}
	if err := s.TransitionMessage(ctx, id, domain.Transition{From: domain.MsgInDoubt, To: domain.MsgSent, At: now, ServerReply: "250 ok"}); err != nil {
		t.Fatal(err)
	}
	got, _ = s.GetMessage(ctx, id)
	if got.Status != domain.MsgSent || got.SentAt == nil || got.ServerReply != "250 ok" {
		t.Fatalf("%+v", got)
	}
	if n, _ := s.CountSentSince(ctx, now); n != 1 {
		t.Fatalf("sent since: %d", n)
	}
	if mid, ok, _ := s.MessageByMessageID(ctx, "a@shop.test"); !ok || mid != id {
		t.Fatal("lookup by Message-ID without brackets failed")
	}
	counts, _ := s.CountMessagesByStatus(ctx)
	if counts[domain.MsgSent] != 1 {
		t.Fatal(counts)
	}
}

func TestDeferredWaitsForItsTime(t *testing.T) {
	ctx := context.Background()
	s := openOutboxStore(t)
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	id, _, _ := s.EnqueueMessage(ctx, &domain.OutboxMessage{MessageID: "<d@x>", Kind: domain.KindTransactional, ToAddr: "d@x.test", Subject: "s"})
	s.ClaimNext(ctx, now)
	later := now.Add(5 * time.Minute)
	if err := s.TransitionMessage(ctx, id, domain.Transition{From: domain.MsgSending, To: domain.MsgDeferred, NextAttempt: &later, Reason: "421"}); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.ClaimNext(ctx, now.Add(time.Minute)); ok {
		t.Fatal("deferred message claimed before its time")
	}
	if m, ok, _ := s.ClaimNext(ctx, later); !ok || m.Attempts != 2 {
		t.Fatalf("deferred message not claimed when due: %+v", m)
	}
}

func TestSuppressionKeepsFirstReason(t *testing.T) {
	ctx := context.Background()
	s := openOutboxStore(t)
	if added, err := s.Suppress(ctx, " Bob@Customer.test", domain.SuppressUnsubscribed, "link"); err != nil || !added {
		t.Fatal(added, err)
	}
	if added, _ := s.Suppress(ctx, "bob@customer.test", domain.SuppressHardBounce, "550"); added {
		t.Fatal("second reason replaced the first")
	}
	sp, ok, _ := s.Suppressed(ctx, "BOB@customer.test")
	if !ok || sp.Reason != domain.SuppressUnsubscribed {
		t.Fatalf("%+v %v", sp, ok)
	}
	if _, err := s.Suppress(ctx, "not-an-address", domain.SuppressManual, ""); domain.CodeOf(err) != domain.CodeInvalid {
		t.Fatal("accepted a non-address")
	}
	list, _ := s.ListSuppressions(ctx, 10, 0)
	if len(list) != 1 {
		t.Fatal(list)
	}
}

func TestInboxStateAndItems(t *testing.T) {
	ctx := context.Background()
	s := openOutboxStore(t)
	if _, ok, _ := s.GetInboxState(ctx, "INBOX"); ok {
		t.Fatal("state before first sync")
	}
	s.SetInboxState(ctx, "INBOX", InboxState{UIDValidity: 7, LastUID: 42})
	st, ok, _ := s.GetInboxState(ctx, "INBOX")
	if !ok || st.UIDValidity != 7 || st.LastUID != 42 {
		t.Fatal(st)
	}
	it := domain.InboxItem{Mailbox: "INBOX", UIDValidity: 7, UID: 3, Kind: domain.InboxReply, ReceivedAt: time.Unix(1, 0)}
	if first, _ := s.RecordInboxItem(ctx, it); !first {
		t.Fatal("first record")
	}
	if again, _ := s.RecordInboxItem(ctx, it); again {
		t.Fatal("same message processed twice")
	}
	a, _ := s.CreateTaskOnce(ctx, "reply/1", "Reply", "", nil, nil)
	b, _ := s.CreateTaskOnce(ctx, "reply/1", "Reply", "", nil, nil)
	if a == 0 || a != b {
		t.Fatal("task created twice", a, b)
	}
}

// The send loop's own connection carries the pragmas of every pooled one:
// WAL with synchronous=NORMAL, so a claim's commit writes the WAL without
// an fsync.
func TestOutboxBatchConnectionPragmas(t *testing.T) {
	ctx := context.Background()
	s := openOutboxStore(t)
	b, err := s.BeginOutboxBatch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var mode string
	var sync int
	if err := b.conn.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		t.Fatal(err)
	}
	if err := b.conn.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&sync); err != nil {
		t.Fatal(err)
	}
	if mode != "wal" || sync != 1 {
		t.Fatalf("journal_mode %q, synchronous %d; want wal, 1 (NORMAL)", mode, sync)
	}
}

// A message without extra headers or attachments reads back with none.
func TestMessageWithoutHeadersOrAttachmentsReadsBack(t *testing.T) {
	ctx := context.Background()
	s := openOutboxStore(t)
	with := &domain.OutboxMessage{MessageID: "<h@shop.test>", Kind: domain.KindTransactional, ToAddr: "h@customer.test", Subject: "x", Text: "x",
		Headers: map[string]string{"In-Reply-To": "<a@b>"}, Attachments: []domain.Attachment{{Name: "po.xlsx", Data: []byte("x")}}}
	bare := &domain.OutboxMessage{MessageID: "<n@shop.test>", Kind: domain.KindTransactional, ToAddr: "n@customer.test", Subject: "x", Text: "x"}
	for _, m := range []*domain.OutboxMessage{with, bare} {
		id, _, err := s.EnqueueMessage(ctx, m)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.GetMessage(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Headers) != len(m.Headers) || len(got.Attachments) != len(m.Attachments) {
			t.Fatalf("%s: headers %v, %d attachments", m.MessageID, got.Headers, len(got.Attachments))
		}
	}
}

// Recovery splits 'sending' messages by the send journal: accepted ones
// are sent, ones whose content went out are in doubt, the rest never left
// (queued again, the attempt given back). A torn last line counts for
// nothing, and the journal is gone afterwards.
func TestRecoverSendingByJournal(t *testing.T) {
	ctx := context.Background()
	s := openOutboxStore(t)
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	var ids []int64
	for i := range 4 {
		id, _, err := s.EnqueueMessage(ctx, &domain.OutboxMessage{Kind: domain.KindTransactional, MessageID: fmt.Sprintf("<%d@shop.test>", i),
			ToAddr: fmt.Sprintf("c%d@customer.test", i), Subject: "Hi", Text: "Hi"})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
		if _, ok, err := s.ClaimNext(ctx, now); !ok || err != nil {
			t.Fatal(ok, err)
		}
	}
	j, err := s.OpenSendJournal()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids[:2] {
		if err := j.OnWire(id); err != nil {
			t.Fatal(err)
		}
	}
	j.Accepted(ids[0], now, "test@seller.test")
	j.Close()
	f, _ := os.OpenFile(journalPath(s.Path()), os.O_WRONLY|os.O_APPEND, 0)
	f.WriteString("\n\nw ") // blank lines and a torn line
	f.Close()
	r, err := s.RecoverSending(ctx)
	if err != nil || r != (Recovered{Sent: 1, InDoubt: 1, Requeued: 2}) {
		t.Fatalf("%+v, %v", r, err)
	}
	for i, want := range []domain.MessageStatus{domain.MsgSent, domain.MsgInDoubt, domain.MsgQueued, domain.MsgQueued} {
		m, _ := s.GetMessage(ctx, ids[i])
		attempts := 1
		if want == domain.MsgQueued {
			attempts = 0
		}
		if m.Status != want || m.Attempts != attempts {
			t.Fatalf("message %d: %s after %d attempts, want %s", i, m.Status, m.Attempts, want)
		}
		if want == domain.MsgSent && (m.SentAt == nil || !m.SentAt.Equal(now) || m.DeliveredTo != "test@seller.test") {
			t.Fatalf("accepted message: %+v", m)
		}
	}
	if _, err := os.Stat(journalPath(s.Path())); !os.IsNotExist(err) {
		t.Fatalf("the journal is still there: %v", err)
	}
	// Without a journal (a crash of a version before it) every 'sending'
	// message is in doubt.
	if _, ok, _ := s.ClaimNext(ctx, now); !ok {
		t.Fatal("claim")
	}
	if r, err := s.RecoverSending(ctx); err != nil || r != (Recovered{InDoubt: 1}) {
		t.Fatalf("without a journal: %+v, %v", r, err)
	}
}
