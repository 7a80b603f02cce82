package mail

import (
	"context"
	"sync"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/outboxdb"
)

// The send loop is a pipeline of two goroutines so the database work for
// the next message overlaps the SMTP exchange of the current one:
//
//   - the feeder claims the next messages (marking them 'sending', one
//     commit per ClaimBatch), checks the suppression list and consent, and
//     renders each;
//   - Run's goroutine sends it, writing the message's id to the send
//     journal right before its final dot, and hands the outcome back as
//     a move.
//
// The feeder writes the moves it was handed in the same transaction as its
// next claim (group commit). So a message's 'sending' mark and its journal
// line are durable before its final dot goes out, while its 'sent' mark may
// lag a batch or two: a crash before that commit leaves the message in
// 'sending', and Recover marks it sent from the journal's acceptance line,
// or, when that line was lost with the process, in doubt, resolved by
// Message-ID in the Sent folder exactly as a crash between DATA and the
// server's reply. Only the feeder writes to the outbox during a run, so
// the two never wait on each other's locks.

// maxMoveLag bounds how many outcomes wait unrecorded while the feeder has
// nothing more to claim (a crash leaves at most these few for Recover to
// settle from the send journal).
const maxMoveLag = 32

// ClaimBatch is how many messages one commit marks 'sending'. A crash can
// leave all of them 'sending'; the send journal (outboxdb.SendJournal), written
// right before each message's final dot goes out, tells recovery which of
// them may have reached the server (in doubt) and which never left (queued
// again), so batching the claims puts no extra message in doubt.
const ClaimBatch = 16

// claimed is one message the feeder claimed, ready for the sender.
type claimed struct {
	m       domain.OutboxMessage
	now     time.Time
	c       *Composed // nil when skip or composeErr
	skip    bool      // must not be sent (suppressed, no consent, its flow ended): why says so
	why     string
	compErr error // the message cannot be built: it fails
	err     error // the suppression check failed: the run stops

	// wait: held back for now by the outbox's Hold or the quiet hours,
	// and why; until is when to try again (zero: HoldRetry from now).
	wait  string
	until time.Time
}

// The two goroutines hand each other whole batches, not single messages:
// a goroutine woken once per batch instead of once per message costs the
// run far less than the work itself.
type feeder struct {
	o   *Outbox
	b   *outboxdb.OutboxBatch
	max int
	// quiet are the shop's quiet hours, read once per run: marketing mail
	// claimed inside them waits for their end.
	quiet domain.QuietHours
	// items holds one prepared batch, so the feeder claims and renders the
	// next batch while the sender works through the previous one.
	items chan []claimed              // closed when nothing more will be claimed
	moves chan []outboxdb.MessageMove // outcomes, in order
	stop  chan struct{}
	done  chan struct{}
	err   error // a database failure; read after done
	once  sync.Once

	// The sender's side, used only by the sending goroutine.
	cur []claimed              // the rest of the batch being sent
	out []outboxdb.MessageMove // outcomes not yet handed to the feeder
}

func (o *Outbox) startFeeder(ctx context.Context, b *outboxdb.OutboxBatch, max int) *feeder {
	f := &feeder{o: o, b: b, max: max, quiet: o.QuietHours(ctx), items: make(chan []claimed, 1), moves: make(chan []outboxdb.MessageMove, 4),
		stop: make(chan struct{}), done: make(chan struct{})}
	go f.run(ctx)
	return f
}

// next is the sender's next prepared message; ok is false when the feeder
// has nothing more. Between batches it hands the outcomes so far over.
func (f *feeder) next() (claimed, bool) {
	if len(f.cur) == 0 {
		f.handOver()
		batch, ok := <-f.items
		if !ok {
			return claimed{}, false
		}
		f.cur = batch
	}
	it := f.cur[0]
	f.cur = f.cur[1:]
	return it, true
}

// move notes an outcome; the feeder records it with its next commit.
func (f *feeder) move(m domain.OutboxMessage, t domain.Transition) {
	t.From = domain.MsgSending
	f.out = append(f.out, outboxdb.MessageMove{ID: m.ID, T: t})
}

func (f *feeder) handOver() {
	if len(f.out) > 0 {
		f.moves <- f.out
		f.out = nil
	}
}

// finish gives back what the sender took and did not send, stops the
// feeder (which gives back what it prepared and the sender never took) and
// records every outcome before returning. Only the sender calls it; calling
// it again only returns the same error (Run also defers it, for a
// panicking callback).
func (f *feeder) finish() error {
	f.once.Do(func() {
		for _, it := range f.cur {
			f.out = append(f.out, unclaimMove(it.m.ID))
		}
		f.cur = nil
		f.handOver()
		close(f.stop)
		<-f.done
	})
	return f.err
}

func unclaimMove(id int64) outboxdb.MessageMove {
	return outboxdb.MessageMove{ID: id, T: domain.Transition{From: domain.MsgSending, To: domain.MsgQueued, Unclaim: true}}
}

func (f *feeder) run(ctx context.Context) {
	defer close(f.done)
	// Writes outlive a cancelled run: an outcome must be recorded even when
	// the seller pressed stop.
	wctx := context.WithoutCancel(ctx)
	var pending []outboxdb.MessageMove
	var held []claimed // prepared, not yet taken by the sender
	n := 0
	open := true
	apply := func(claim int) []outboxdb.Claimed {
		ms, errs, err := f.b.Apply(wctx, pending, claim, f.o.clock.Now())
		if err != nil {
			f.err = err // pending is kept and tried again at the end
			return nil
		}
		for i, e := range errs {
			if e != nil {
				f.o.log.Error("outbox transition failed", "id", pending[i].ID, "to", pending[i].T.To, "err", e)
			}
		}
		pending = pending[:0]
		return ms
	}
	drain := func() {
		for {
			select {
			case mvs := <-f.moves:
				pending = append(pending, mvs...)
			default:
				return
			}
		}
	}
	for {
		if held == nil && open {
			var batch []outboxdb.Claimed
			if ctx.Err() == nil && f.err == nil && n < f.max {
				drain()
				now := f.o.clock.Now()
				batch = apply(min(ClaimBatch, f.max-n))
				n += len(batch)
				for _, c := range batch {
					held = append(held, *f.prepare(wctx, c, now))
				}
			}
			if len(batch) == 0 {
				open = false
				close(f.items)
			}
		}
		var out chan []claimed
		if held != nil {
			out = f.items
		}
		select {
		case out <- held:
			held = nil
		case mvs := <-f.moves:
			pending = append(pending, mvs...)
			if !open && len(pending) >= maxMoveLag {
				apply(0) // nothing more to claim: record without waiting for the end
			}
		case <-f.stop:
			drain()
			for _, it := range held {
				pending = append(pending, unclaimMove(it.m.ID))
			}
			for _, batch := range f.prepared() {
				for _, it := range batch {
					pending = append(pending, unclaimMove(it.m.ID))
				}
			}
			if len(pending) > 0 {
				apply(0)
			}
			return
		}
	}
}

// prepared takes the batch the feeder prepared and the sender never took
// out of items (the sender has stopped taking).
func (f *feeder) prepared() [][]claimed {
	var batches [][]claimed
	for {
		select {
		case b, ok := <-f.items:
			if !ok {
				return batches
			}
			batches = append(batches, b)
		default:
			return batches
		}
	}
}

// prepare is the check right before sending (suppressions, consent and,
// for an automation's email, its flow's exits) and the rendering, done
// while the sender is busy with the previous message.
func (f *feeder) prepare(ctx context.Context, c outboxdb.Claimed, now time.Time) *claimed {
	m := c.Msg
	it := &claimed{m: m, now: now}
	skip, why, err := f.o.mustNotSend(ctx, c)
	if !skip && err == nil {
		skip, why, err = f.o.flowEnded(ctx, m, now)
	}
	switch {
	case err != nil:
		it.err = err
	case skip:
		it.skip, it.why = true, why
	case f.quietNow(it):
	case f.o.hold != nil && f.held(ctx, it):
	default:
		// Rendered here, off the sender's path, so the sender only copies
		// the bytes onto the wire; a message with big attachments is
		// rendered by the sender instead, so the batches waiting in memory
		// stay small.
		it.c, it.compErr = compose(f.o.account, m, now, attachmentBytes(m) <= preRenderMax)
	}
	return it
}

// quietNow holds marketing mail claimed inside the quiet hours until they
// end; order and supplier mail goes at any hour.
func (f *feeder) quietNow(it *claimed) bool {
	if it.m.Kind != domain.KindMarketing {
		return false
	}
	in, end := f.quiet.At(it.now, f.o.loc)
	if in {
		it.wait, it.until = quietReason(end, f.o.loc), end
	}
	return in
}

// held asks the outbox's Hold about the message; true when it waits (or
// the question failed, which stops the run like a failed suppression check).
func (f *feeder) held(ctx context.Context, it *claimed) bool {
	it.wait, it.err = f.o.hold(ctx, it.m)
	return it.wait != "" || it.err != nil
}

// preRenderMax is the most attachment data a message may carry and still be
// rendered ahead by the feeder.
const preRenderMax = 1 << 20
