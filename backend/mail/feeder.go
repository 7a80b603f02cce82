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
//   - the feeder claims the next message (marking it 'sending', committed),
//     checks the suppression list and consent, and renders it;
//   - Run's goroutine sends it and hands the outcome back as a move.
//
// The feeder writes the moves it was handed in the same transaction as its
// next claim (group commit). So a message's 'sending' mark is durable before
// its DATA goes out, while its 'sent' mark may lag a few messages: a crash
// before that commit leaves the message in 'sending', which Recover turns
// into 'in_doubt' and resolves by Message-ID in the Sent folder, exactly as
// a crash between DATA and the server's reply. Only the feeder writes to the
// outbox during a run, so the two never wait on each other's locks.

// maxMoveLag bounds how many outcomes wait unrecorded while the feeder has
// nothing to claim (a crash leaves at most these few to look up).
const maxMoveLag = 32

// ClaimBatch is how many messages one commit marks 'sending' on accounts
// where a message left 'sending' by a crash can be proven unsent: the
// provider files sent mail itself (Gmail, Outlook, Microsoft 365) or the
// account asks for a confirm copy, and a mailbox (IMAP) is set up to look.
// A crash then leaves up to this many never-transmitted messages in_doubt;
// the Sent-folder lookup on the next start finds them missing and queues
// them again. Everywhere else a missing message proves nothing and each
// in-doubt message goes to the seller, so those accounts claim one message
// per commit: at most the one on the wire is ever in doubt.
const ClaimBatch = 16

// claimBatch is this outbox's claim size (see ClaimBatch).
func (o *Outbox) claimBatch() int {
	if o.mailbox != nil && (o.account.ProviderFilesSent || o.account.ConfirmCopy) {
		return ClaimBatch
	}
	return 1
}

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
	o     *Outbox
	b     *store.OutboxBatch
	max   int
	items chan claimed           // closed when nothing more will be claimed
	moves chan store.MessageMove // outcomes, in order
	stop  chan struct{}
	done  chan struct{}
	err   error // a database failure; read after done
	once  sync.Once
	batch int // messages claimed per commit
}

func (o *Outbox) startFeeder(ctx context.Context, b *store.OutboxBatch, max int) *feeder {
	f := &feeder{o: o, b: b, max: max, items: make(chan claimed), moves: make(chan store.MessageMove, 2*maxMoveLag),
		stop: make(chan struct{}), done: make(chan struct{}), batch: o.claimBatch()}
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
			if len(pending) > 0 {
				apply(0)
			}
			return
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
		it.c, it.compErr = compose(f.o.account, m, now, false)
	}
	return it
}
