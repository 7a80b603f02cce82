package mail

import (
	"context"
	"errors"
	"time"

	"shopclerk/backend/domain"
)

// Recover runs before each send run: of the messages a previous run left
// in 'sending', those the send journal says the server accepted are marked
// sent, those whose content it says went out become 'in_doubt' and the
// rest are queued again (see store.RecoverSending); then ResolveInDoubt
// checks the in-doubt ones.
func (o *Outbox) Recover(ctx context.Context) (ResolveResult, error) {
	rec, err := o.store.RecoverSending(ctx)
	if err != nil {
		return ResolveResult{}, err
	}
	res, err := o.ResolveInDoubt(ctx)
	res.NeverSent, res.JournalSent, res.Interrupted = rec.Requeued, rec.Sent, rec.InDoubt
	return res, err
}

// ResolveResult tells what the in-doubt check decided.
type ResolveResult struct {
	JournalSent  int    `json:"journalSent"`  // accepted by the server just before a stop: marked sent
	NeverSent    int    `json:"neverSent"`    // interrupted before its final dot: queued again
	Interrupted  int    `json:"interrupted"`  // interrupted between its final dot and the reply: in doubt, looked up below
	FoundSent    int    `json:"foundSent"`    // in the mailbox: marked sent, never resent
	ProvenUnsent int    `json:"provenUnsent"` // provably not delivered: queued again
	SellerDecide int    `json:"sellerDecide"` // left for the seller
	Error        string `json:"error"`        // why the mailbox could not be checked
}

// ResolveInDoubt looks up each in-doubt message by Message-ID in the Sent
// folder, and in INBOX when a copy went to the seller. Found means sent.
// Missing means unsent only when one of the proofs the message carried
// (Proof) would have put it there and the grace time has passed; anything
// else is left for the seller, with the reason.
func (o *Outbox) ResolveInDoubt(ctx context.Context) (ResolveResult, error) {
	var res ResolveResult
	msgs, err := o.store.MessagesWithStatus(ctx, domain.MsgInDoubt, 500)
	if err != nil || len(msgs) == 0 {
		return res, err
	}
	ids := make([]int64, len(msgs))
	for i, m := range msgs {
		ids[i] = m.ID
	}
	recorded, err := o.store.Proofs(ctx, ids)
	if err != nil {
		return res, err
	}
	proofs := make(map[int64]map[Proof]bool, len(msgs))
	inbox := false
	for _, m := range msgs {
		proofs[m.ID] = parseProofs(recorded[m.ID])
		inbox = inbox || proofs[m.ID][ProofInbox]
	}
	var found map[string]bool
	if o.mailbox == nil {
		err = ErrNoMailbox
	} else {
		mids := make([]string, len(msgs))
		for i, m := range msgs {
			mids[i] = m.MessageID
		}
		found, err = o.mailbox.FindMessageIDs(ctx, mids, inbox)
	}
	if err != nil {
		reason := "Shopclerk could not check your mailbox (" + ExplainIMAP(err, o.account).Error() + "), so it cannot tell whether this message went out. Mark it as sent, or send it again."
		if errors.Is(err, ErrNoMailbox) {
			reason = "No mailbox (IMAP) is set up, so Shopclerk cannot tell whether this message went out. Mark it as sent, or send it again."
		}
		for _, m := range msgs {
			o.store.TransitionMessage(ctx, m.ID, domain.Transition{From: domain.MsgInDoubt, To: domain.MsgInDoubt, Reason: reason})
		}
		res.SellerDecide = len(msgs)
		res.Error = reason
		return res, nil
	}
	now := o.clock.Now()
	for _, m := range msgs {
		provable := len(proofs[m.ID]) > 0
		switch {
		case found[m.MessageID]:
			err = o.store.TransitionMessage(ctx, m.ID, domain.Transition{From: domain.MsgInDoubt, To: domain.MsgSent,
				At: *firstTime(m.SendingAt, &now), ServerReply: "found in your mailbox"})
			if err == nil {
				// Perhaps found in INBOX only: a Sent copy still due is
				// looked for before it is filed.
				err = o.store.CopyLookFirst(ctx, m.ID)
			}
			res.FoundSent++
		case provable && m.SendingAt != nil && now.Sub(*m.SendingAt) >= InDoubtGrace:
			err = o.store.TransitionMessage(ctx, m.ID, domain.Transition{From: domain.MsgInDoubt, To: domain.MsgQueued,
				Reason: "not in your Sent folder, so it did not go out; queued again"})
			res.ProvenUnsent++
		case provable:
			res.SellerDecide++ // too soon to tell: checked again on the next run
		default:
			err = o.store.TransitionMessage(ctx, m.ID, domain.Transition{From: domain.MsgInDoubt, To: domain.MsgInDoubt,
				Reason: "not found in your mailbox, but when it was sent nothing would have put a copy there (your provider does not file sent mail itself, and no confirm copy went to you), so that proves nothing. Check with the customer or your provider, then mark it as sent or send it again."})
			res.SellerDecide++
		}
		if err != nil && domain.CodeOf(err) != domain.CodeConflict {
			return res, err
		}
	}
	return res, nil
}

func firstTime(ts ...*timePtr) *timePtr {
	for _, t := range ts {
		if t != nil {
			return t
		}
	}
	return nil
}

// Retry queues a failed or deferred message again, now.
func (o *Outbox) Retry(ctx context.Context, id int64) error {
	return o.sellerMove(ctx, id, domain.MsgQueued, "queued again by you", domain.MsgFailed, domain.MsgDeferred)
}

// Cancel stops a message that has not gone out.
func (o *Outbox) Cancel(ctx context.Context, id int64) error {
	return o.sellerMove(ctx, id, domain.MsgCancelled, "cancelled by you",
		domain.MsgQueued, domain.MsgDeferred, domain.MsgDraft, domain.MsgInDoubt, domain.MsgFailed)
}

// Approve queues a draft (a reply the inbox prepared) for sending.
func (o *Outbox) Approve(ctx context.Context, id int64) error {
	return o.sellerMove(ctx, id, domain.MsgQueued, "", domain.MsgDraft)
}

// DecideInDoubt records the seller's decision on an in-doubt message:
// wasSent marks it sent, otherwise it is queued to go again.
func (o *Outbox) DecideInDoubt(ctx context.Context, id int64, wasSent bool) error {
	if wasSent {
		now := o.clock.Now()
		return o.store.TransitionMessage(ctx, id, domain.Transition{From: domain.MsgInDoubt, To: domain.MsgSent, At: now, ServerReply: "marked as sent by you"})
	}
	return o.sellerMove(ctx, id, domain.MsgQueued, "you chose to send it again", domain.MsgInDoubt)
}

func (o *Outbox) sellerMove(ctx context.Context, id int64, to domain.MessageStatus, reason string, from ...domain.MessageStatus) error {
	for _, f := range from {
		err := o.store.TransitionMessage(ctx, id, domain.Transition{From: f, To: to, Reason: reason})
		if err == nil || domain.CodeOf(err) != domain.CodeConflict {
			return err
		}
	}
	m, err := o.store.GetMessage(ctx, id)
	if err != nil {
		return err
	}
	return domain.Errorf(domain.CodeConflict, "this message is %s, so that is not possible now", m.Status)
}

type timePtr = time.Time
