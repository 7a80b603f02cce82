package mail

import (
	"context"
	"sync"
	"time"

	"shopclerk/backend/store"
)

// The send loop is a pipeline of two goroutines so the database work for
// the next message overlaps the SMTP exchange of the current one:
//
//   - the feeder claims the next messages (marking them 'sending', one
//     commit per ClaimBatch), checks the suppression list and consent, and
//     renders each;
//   - Run's goroutine writes the message's id to the send journal, sends it
//     and hands the outcome back as a move.
//
// The feeder writes the moves it was handed in the same transaction as its
// next claim (group commit). So a message's 'sending' mark and its journal
// line are durable before its content goes out, while its 'sent' mark may
// lag a few messages: a crash before that commit leaves the message in
// 'sending' and in the journal, which Recover turns into 'in_doubt' and
// resolves by Message-ID in the Sent folder, exactly as a crash between
// DATA and the server's reply. Only the feeder writes to the
// outbox during a run, so the two never wait on each other's locks.

// maxMoveLag bounds how many outcomes wait unrecorded while the feeder has
// nothing to claim (a crash leaves at most these few to look up).
const maxMoveLag = 32

// ClaimBatch is how many messages one commit marks 'sending'. A crash can
// leave all of them 'sending'; the send journal (store.SendJournal), written
// right before each message's content goes out, tells recovery which of
// them may have reached the server (in doubt) and which never left (queued
// again), so batching the claims puts no extra message in doubt.
const ClaimBatch = 16

// claimed is one message the feeder claimed, ready for the sender.
type claimed struct {
	m       store.OutboxMessage
	now     time.Time
	c       *Composed // nil when skip or composeErr
	skip    bool      // must not be sent (suppressed, no consent): why says so
	why     string
	compErr error // the message cannot be built: it fails
	err     error // the suppression check failed: the run stops
}

type feeder struct {
	o   *Outbox
	b   *store.OutboxBatch
	max int
	// items is buffered by a claim batch, so the feeder claims and renders
	// the next batch while the sender works through the previous one.
	items chan claimed           // closed when nothing more will be claimed
	moves chan store.MessageMove // outcomes, in order
	stop  chan struct{}
	done  chan struct{}
	err   error // a database failure; read after done
	once  sync.Once
	batch int // messages claimed per commit
}

func (o *Outbox) startFeeder(ctx context.Context, b *store.OutboxBatch, max int) *feeder {
	f := &feeder{o: o, b: b, max: max, items: make(chan claimed, ClaimBatch), moves: make(chan store.MessageMove, 2*maxMoveLag),
		stop: make(chan struct{}), done: make(chan struct{}), batch: ClaimBatch}
	go f.run(ctx)
	return f
}

// move hands an outcome to the feeder, which records it with its next commit.
func (f *feeder) move(m store.OutboxMessage, t store.Transition) {
	t.From = store.MsgSending
	f.moves <- store.MessageMove{ID: m.ID, T: t}
}

// finish stops the feeder, gives back what it claimed and the sender never
// took, and records every outcome before returning. Calling it again only
// returns the same error (Run also defers it, for a panicking callback).
func (f *feeder) finish() error {
	f.once.Do(func() {
		close(f.stop)
		<-f.done
	})
	return f.err
}

func (f *feeder) run(ctx context.Context) {
	defer close(f.done)
	// Writes outlive a cancelled run: an outcome must be recorded even when
	// the seller pressed stop.
	wctx := context.WithoutCancel(ctx)
	var pending []store.MessageMove
	var queue []store.Claimed // claimed (committed), not yet prepared
	var claimedAt time.Time
	var held *claimed
	n := 0
	open := true
	apply := func(claim int) []store.Claimed {
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
			case mv := <-f.moves:
				pending = append(pending, mv)
			default:
				return
			}
		}
	}
	unclaim := func(id int64) {
		pending = append(pending, store.MessageMove{ID: id,
			T: store.Transition{From: store.MsgSending, To: store.MsgQueued, Unclaim: true}})
	}
	for {
		if held == nil && open {
			if ctx.Err() != nil || f.err != nil || (len(queue) == 0 && n >= f.max) {
				open = false
				close(f.items)
			} else if len(queue) == 0 {
				drain()
				claimedAt = f.o.clock.Now()
				if queue = apply(min(f.batch, f.max-n)); len(queue) == 0 {
					open = false
					close(f.items)
				}
				n += len(queue)
			}
			if open {
				held = f.prepare(wctx, queue[0], claimedAt)
				queue = queue[1:]
			}
		}
		var out chan claimed
		var next claimed
		if held != nil {
			out, next = f.items, *held
		}
		select {
		case out <- next:
			held = nil
		case mv := <-f.moves:
			pending = append(pending, mv)
			if len(pending) >= maxMoveLag {
				apply(0)
			}
		case <-f.stop:
			drain()
			if held != nil {
				unclaim(held.m.ID)
			}
			for _, c := range queue {
				unclaim(c.Msg.ID)
			}
			for _, it := range f.prepared() {
				unclaim(it.m.ID)
			}
			if len(pending) > 0 {
				apply(0)
			}
			return
		}
	}
}

// prepared takes what the feeder prepared and the sender never took out
// of the items buffer (the sender has stopped taking).
func (f *feeder) prepared() []claimed {
	var its []claimed
	for {
		select {
		case it, ok := <-f.items:
			if !ok {
				return its
			}
			its = append(its, it)
		default:
			return its
		}
	}
}

// prepare is the check right before sending and the rendering, done while
// the sender is busy with the previous message.
func (f *feeder) prepare(ctx context.Context, c store.Claimed, now time.Time) *claimed {
	m := c.Msg
	it := &claimed{m: m, now: now}
	skip, why, err := f.o.mustNotSend(ctx, f.b, c)
	switch {
	case err != nil:
		it.err = err
	case skip:
		it.skip, it.why = true, why
	default:
		// Rendered here, off the sender's path: the sender only copies
		// the bytes onto the wire.
		it.c, it.compErr = compose(f.o.account, m, now, true)
	}
	return it
}
