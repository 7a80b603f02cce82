package mail

import (
	"context"
	"strings"
	"time"

	"shopclerk/backend/domain"
)

// Where the provider does not file sent mail itself, Shopclerk appends a
// copy of each sent message to the Sent folder. The copies owed are a
// durable queue in the store (outboxdb.DueCopies): a claim marks the copy
// due, so it survives a crash at any point and is filed by the next run,
// which starts with them; each copy is marked 'appending' before its
// APPEND, so a crash between the APPEND and its record makes the next run
// look for it first instead of filing it twice.

// copyBatch is how many copies one mailbox session files.
const copyBatch = 100

// copyPoll is how often a run looks for copies to file while it sends.
const copyPoll = time.Second

// FileSentCopies files every Sent copy that is due and returns how many it
// appended. It stops at the first error; what is left stays due.
func (o *Outbox) FileSentCopies(ctx context.Context) (int, error) {
	if o.mailbox == nil {
		return 0, nil
	}
	total := 0
	for {
		n, more, err := o.fileCopies(ctx)
		total += n
		if err != nil || !more {
			return total, err
		}
	}
}

// fileCopies files one batch of due copies; more says a full batch was due.
// Every copy of the batch leaves the queue or is marked 'appending' (only
// an error leaves one as it was), so calling it again makes progress.
func (o *Outbox) fileCopies(ctx context.Context) (appended int, more bool, err error) {
	due, err := o.store.DueCopies(ctx, copyBatch)
	if err != nil || len(due) == 0 {
		return 0, false, err
	}
	ids := make([]int64, len(due))
	lookFirst := map[int64]bool{}
	for i, d := range due {
		ids[i] = d.ID
		lookFirst[d.ID] = d.LookFirst
	}
	msgs, err := o.store.MessagesByID(ctx, ids)
	if err != nil {
		return 0, false, err
	}
	var look []string
	for _, m := range msgs {
		if lookFirst[m.ID] {
			look = append(look, m.MessageID)
		}
	}
	present := map[string]bool{}
	if len(look) > 0 {
		if present, err = o.mailbox.FindMessageIDs(ctx, look, false); err != nil {
			return 0, false, err
		}
	}
	// Records outlive a cancelled run: a copy filed must be marked filed.
	wctx := context.WithoutCancel(ctx)
	listed := map[int64]bool{}
	var done, toFile []int64
	var raws [][]byte
	for _, m := range msgs {
		listed[m.ID] = true
		if present[m.MessageID] {
			done = append(done, m.ID)
			continue
		}
		c, err := Compose(o.sentAccount(m), m, *firstTime(m.SentAt, &m.CreatedAt))
		if err != nil {
			o.log.Warn("a Sent copy cannot be rebuilt; not filed", "id", m.ID, "err", err)
			done = append(done, m.ID)
			continue
		}
		toFile = append(toFile, m.ID)
		raws = append(raws, c.Raw)
	}
	for _, id := range ids {
		if !listed[id] {
			done = append(done, id) // gone from the outbox: nothing to file
		}
	}
	if err := o.store.CopiesFiled(wctx, done); err != nil {
		return 0, false, err
	}
	if len(toFile) == 0 {
		return 0, len(due) == copyBatch, nil
	}
	if err := o.store.CopiesAppending(wctx, toFile); err != nil {
		return 0, false, err
	}
	if err := o.mailbox.AppendSent(ctx, raws); err != nil {
		return 0, false, err
	}
	if err := o.store.CopiesFiled(wctx, toFile); err != nil {
		return 0, false, err
	}
	return len(toFile), len(due) == copyBatch, nil
}

// sentAccount is the account as the message went out, for its copy: in
// test mode to the test address, which it names as delivered-to.
func (o *Outbox) sentAccount(m domain.OutboxMessage) Account {
	a := o.account
	if m.DeliveredTo != "" {
		a.TestMode = !sameAddress(m.DeliveredTo, m.ToAddr)
		if a.TestMode {
			a.TestAddress = m.DeliveredTo
		}
	}
	return a
}

// copyFiler files Sent copies beside a run: those a stopped run left, then
// those of the messages this run sends, and a last time when the run ends.
type copyFiler struct {
	o    *Outbox
	stop chan struct{}
	done chan struct{}
	n    int
	err  error
}

// startFiling starts the run's filer (one that does nothing without a
// mailbox).
func (o *Outbox) startFiling(ctx context.Context) *copyFiler {
	cf := &copyFiler{o: o, stop: make(chan struct{}), done: make(chan struct{})}
	if o.mailbox == nil {
		close(cf.done)
		return cf
	}
	go cf.run(ctx)
	return cf
}

func (cf *copyFiler) run(ctx context.Context) {
	defer close(cf.done)
	tick := time.NewTicker(copyPoll)
	defer tick.Stop()
	for {
		n, err := cf.o.FileSentCopies(ctx)
		cf.n += n
		if err != nil {
			// The mailbox failed: the rest waits for the next run rather than
			// for more timeouts in this one.
			cf.err = err
			return
		}
		select {
		case <-cf.stop:
			// The run ended: one last pass for its last messages.
			n, err := cf.o.FileSentCopies(ctx)
			cf.n, cf.err = cf.n+n, err
			return
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// finish waits for the filer's last pass and reports how many copies it
// filed, and why it stopped early, if it did.
func (cf *copyFiler) finish() (int, string) {
	close(cf.stop)
	<-cf.done
	if cf.err != nil {
		return cf.n, strings.TrimSpace(ExplainIMAP(cf.err, cf.o.account).Error())
	}
	return cf.n, ""
}
