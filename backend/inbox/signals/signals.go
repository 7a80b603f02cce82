// Package signals feeds what the inbox learns back into the automations:
// a reply, an unsubscribe, a bounce. It implements inbox.Events by writing
// to the store, where the rules engine reads replies and stopped sequences
// on its next plan; it never imports rules. It sits above inbox (it names
// inbox's types) and below app, which hands it to the inbox; it used to be
// rules/signals, the one arrow in the graph that ran back up from rules to
// inbox (which imports mail).
package signals

import (
	"context"
	"fmt"
	"strings"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/inbox"
	"shopclerk/backend/store/rulesdb"
)

// Events records inbox signals where the rules engine reads them.
//   - A reply is recorded by address: every flow that exits on a reply (the
//     cart and win-back sequences) ends before its next step, and the
//     ending is written to the ledger by the next run. Flows that do not
//     exit on replies (an order confirmation) are left alone, as the seller
//     set them.
//   - A suppressed address (unsubscribe, hard bounce, complaint) stops every
//     running sequence of its customer, whatever the flow: nothing more may
//     go to it. Sequences that start later, for a new order, are not stopped.
type Events struct {
	st    *rulesdb.DB
	clock clock.Clock
}

var _ inbox.Events = (*Events)(nil)

// New builds the inbox events over the shop's store.
func New(st *rulesdb.DB, clk clock.Clock) *Events { return &Events{st: st, clock: clk} }

// CustomerReplied records the reply.
func (e *Events) CustomerReplied(ctx context.Context, ev inbox.ReplyEvent) error {
	if strings.TrimSpace(ev.Email) == "" {
		return nil
	}
	return e.st.RecordReply(ctx, ev.Email, ev.At)
}

// AddressSuppressed records the signal and stops the customer's running
// sequences. The stop is keyed by address and reason, so the inbox may
// report the same suppression twice.
func (e *Events) AddressSuppressed(ctx context.Context, email string, reason domain.SuppressionReason) error {
	email = strings.ToLower(strings.TrimSpace(email))
	if email == "" {
		return nil
	}
	now := e.clock.Now()
	if err := e.st.RecordSignal(ctx, email, "suppressed", now); err != nil {
		return err
	}
	c, ok, err := e.st.CustomerByEmail(ctx, email)
	if err != nil || !ok {
		return err
	}
	return e.st.StopCustomerSequences(ctx, c.ID, now, string(reason), fmt.Sprintf("inbox/%s/%s", reason, email))
}
