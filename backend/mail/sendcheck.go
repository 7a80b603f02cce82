package mail

import (
	"context"
	"time"

	"shopclerk/backend/domain"
)

// SendCheck is asked, right before an automation's email goes out, whether
// it must still go: the customer may have bought, replied or unsubscribed,
// or the items sold out, since the plan queued it. The rules package
// implements it (rules.Recheck); the outbox asks it about each claimed
// message that carries a ledger key, beside suppressions and consent.
type SendCheck interface {
	// StopReason says why m must not go now ("" when it may), in words
	// the outbox shows the seller.
	StopReason(ctx context.Context, m domain.OutboxMessage, now time.Time) (string, error)
}

// WithSendCheck has the outbox ask c before each automation email (nil:
// nothing is asked) and returns it.
func (o *Outbox) WithSendCheck(c SendCheck) *Outbox {
	o.check = c
	return o
}

// flowEnded asks the SendCheck whether an automation's email must not go.
func (o *Outbox) flowEnded(ctx context.Context, m domain.OutboxMessage, now time.Time) (ended bool, why string, err error) {
	if o.check == nil || m.LedgerKey == "" {
		return false, "", nil
	}
	why, err = o.check.StopReason(ctx, m, now)
	return why != "", why, err
}
