package mail

import (
	"bytes"
	"context"
	"errors"
	"net"
	"net/mail"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/mail/mailtest"
)

// copiesOf counts the copies of each message in the Sent folder.
func (m *memMailbox) copiesOf(t *testing.T) map[string]int {
	t.Helper()
	m.mu.Lock()
	defer m.mu.Unlock()
	out := map[string]int{}
	for _, raw := range m.appended {
		msg, err := mail.ReadMessage(bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		out[msg.Header.Get("Message-Id")]++
	}
	return out
}

// exactlyOneCopy fails unless each of ids has exactly one copy in Sent.
func (r *rig) exactlyOneCopy(t *testing.T, ids []int64) {
	t.Helper()
	copies := r.box.copiesOf(t)
	for _, id := range ids {
		if n := copies[status(t, r.st, id).MessageID]; n != 1 {
			t.Fatalf("message %d has %d copies in Sent", id, n)
		}
	}
	if len(r.box.appended) != len(ids) {
		t.Fatalf("%d copies appended for %d messages", len(r.box.appended), len(ids))
	}
}

// TestSentCopiesCatchUpAtTheNextStart: copies a run could not file (here
// the mailbox was down; a kill does the same) are filed by the next run,
// even one with nothing to send. Before the fix they were filed only at
// the end of a run that sent something.
func TestSentCopiesCatchUpAtTheNextStart(t *testing.T) {
	r := newRig(t, mailtest.SMTPOptions{}, nil)
	ids := r.enqueue(t, 3, domain.KindTransactional)
	r.box.fail = &net.OpError{Op: "dial", Err: errors.New("connection refused")}
	res := r.run(t)
	if res.Sent != 3 || res.FiledCopies != 0 || res.FileError == "" {
		t.Fatalf("%+v", res)
	}
	r.box.fail = nil
	res = r.run(t)
	if res.Done != 0 || res.FiledCopies != 3 || res.FileError != "" {
		t.Fatalf("the next run: %+v", res)
	}
	r.exactlyOneCopy(t, ids)
	if res := r.run(t); res.FiledCopies != 0 {
		t.Fatalf("filed again: %+v", res)
	}
}

// TestSentCopiesAreNotCappedPerRun: every sent message of a run gets its
// copy (before the fix a run filed at most 200).
func TestSentCopiesAreNotCappedPerRun(t *testing.T) {
	r := newRig(t, mailtest.SMTPOptions{}, nil)
	ids := r.enqueue(t, 2*copyBatch+30, domain.KindTransactional)
	res, err := r.outbox().Run(context.Background(), RunOptions{Max: len(ids)})
	if err != nil || res.Sent != len(ids) || res.FiledCopies != len(ids) {
		t.Fatalf("%+v %v", res, err)
	}
	r.exactlyOneCopy(t, ids)
}

// TestSentCopyLookedForAfterAStopMidAppend: a copy whose APPEND may have
// begun when Shopclerk stopped is looked for first: filed once whether or
// not the APPEND had reached the mailbox.
func TestSentCopyLookedForAfterAStopMidAppend(t *testing.T) {
	ctx := context.Background()
	r := newRig(t, mailtest.SMTPOptions{}, nil)
	ids := r.enqueue(t, 2, domain.KindTransactional)
	r.box.fail = &net.OpError{Op: "dial", Err: errors.New("connection refused")}
	r.run(t)
	r.box.fail = nil
	// Both copies were being appended; the first reached the mailbox.
	if err := r.st.CopiesAppending(ctx, ids); err != nil {
		t.Fatal(err)
	}
	first := status(t, r.st, ids[0])
	c, err := Compose(r.acct, first, *first.SentAt)
	if err != nil {
		t.Fatal(err)
	}
	r.box.AppendSent(ctx, [][]byte{c.Raw})
	if n, err := r.outbox().FileSentCopies(ctx); n != 1 || err != nil {
		t.Fatalf("filed %d: %v", n, err)
	}
	r.exactlyOneCopy(t, ids)
	for _, id := range ids {
		if !status(t, r.st, id).Filed {
			t.Fatalf("message %d not marked filed", id)
		}
	}
}

// TestNoSentCopyWhereTheProviderFilesThem: a copy is owed only when the
// account the message went with needed one, whatever it says later.
func TestNoSentCopyWhereTheProviderFilesThem(t *testing.T) {
	r := newRig(t, mailtest.SMTPOptions{}, func(a *Account) { a.ProviderFilesSent = true })
	r.enqueue(t, 2, domain.KindTransactional)
	r.run(t)
	r.acct.ProviderFilesSent = false
	if res := r.run(t); res.FiledCopies != 0 || len(r.box.appended) != 0 {
		t.Fatalf("copies filed for a provider that files them: %+v", res)
	}
}
