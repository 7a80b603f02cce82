package inbox

import (
	"context"
	"fmt"
	"strings"

	"shopclerk/backend/domain"
)

// What a sync made, for "Read new mail" to show and link: the tasks it
// opened for the seller, the addresses it put on the do-not-email list, the
// sent messages a delivery report returned and the reply drafts waiting
// for approval.

// MadeKind is one kind of thing a sync made.
type MadeKind string

const (
	MadeTask        MadeKind = "task"        // a task for the seller (a reply to read, a draft to approve)
	MadeSuppression MadeKind = "suppression" // an address now on the do-not-email list
	MadeBounce      MadeKind = "bounce"      // one of our sent messages came back
	MadeDraft       MadeKind = "draft"       // a reply draft to review and approve ("where is my order?")
)

// Made is one thing a sync made.
type Made struct {
	Kind MadeKind `json:"kind"`
	// TaskID is the task (MadeTask).
	TaskID int64 `json:"taskId"`
	// MessageID is our outbox message it is about: the one a customer
	// answered, the reply draft to approve, or the one that bounced.
	MessageID int64  `json:"messageId"`
	Email     string `json:"email"`
	Title     string `json:"title"`
	Detail    string `json:"detail"`
}

// maxMade bounds Made: a first sync over a month of mail can make
// hundreds; the counts still count them all.
const maxMade = 50

func (r *SyncResult) made(m Made) {
	if len(r.Made) < maxMade {
		r.Made = append(r.Made, m)
	}
}

// markBounced moves our message, sent (or in doubt, which the report now
// settles: it did go out), to bounced with the report's reason. A message
// already bounced (a second report, a re-sync) is left as it is.
func (s *Syncer) markBounced(ctx context.Context, id int64, r DSNRecipient, res *SyncResult) error {
	reason := bounceReason(r)
	for _, from := range []domain.MessageStatus{domain.MsgSent, domain.MsgInDoubt} {
		err := s.store.TransitionMessage(ctx, id, domain.Transition{From: from, To: domain.MsgBounced, Reason: reason})
		if domain.CodeOf(err) == domain.CodeConflict {
			continue
		}
		if err != nil {
			return err
		}
		res.Bounced++
		m, err := s.store.GetMessage(ctx, id)
		if err != nil {
			return err
		}
		res.made(Made{Kind: MadeBounce, MessageID: id, Email: r.Address, Title: m.Subject, Detail: reason})
		return nil
	}
	return nil
}

// bounceReason words a failed recipient of a delivery report for the
// Outbox, with the receiving server's own words.
func bounceReason(r DSNRecipient) string {
	who := r.Address
	if who == "" {
		who = "the recipient"
	}
	why := strings.TrimSpace(strings.Join(strings.Fields(r.Status+" "+r.Diagnostic), " "))
	s := fmt.Sprintf("returned by the receiving server: it could not be delivered to %s", who)
	if why != "" {
		s += " (" + why + ")"
	}
	return excerpt(s)
}

// excerpt shortens s to what a table cell or a list line can show.
func excerpt(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 300 {
		s = string(r[:299]) + "…"
	}
	return s
}
