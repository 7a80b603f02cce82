package rules

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/rules/flow"
)

// Recheck is the outbox's question right before an automation's email
// goes out (it implements mail.SendCheck): must the email still go? The
// plan checked the flow's exits when it queued the email, but the email
// may wait in the outbox while the customer buys, replies or unsubscribes,
// or the cart's items sell out. Recheck runs the plan's own exit check
// (exitReason) again on the facts as they are now.
type Recheck struct {
	e  *Engine
	mu sync.Mutex
	// flows keeps each flow compiled while its definition is unchanged.
	flows map[int64]*compiled
}

// NewRecheck makes the re-check over the engine's store.
func NewRecheck(e *Engine) *Recheck { return &Recheck{e: e, flows: map[int64]*compiled{}} }

// StopReason says why the queued email m must not go now, or "" when it
// may (and for any email no flow queued, or whose flow is gone).
func (r *Recheck) StopReason(ctx context.Context, m domain.OutboxMessage, now time.Time) (string, error) {
	if m.LedgerKey == "" {
		return "", nil
	}
	l, ok, err := r.e.st.LedgerEntry(ctx, m.LedgerKey)
	if err != nil || !ok {
		return "", err
	}
	c, err := r.flow(ctx, l.RuleID)
	var n *node
	if c != nil {
		n = c.nodes[l.Step]
	}
	if err != nil || n == nil {
		return "", err // a flow deleted, broken or edited since: the plan's word stands
	}
	start := l.DueAt.Add(-n.offset)
	o := occurrenceOf(l, m.ToAddr, start.Add(-c.def.Trigger.Shift()))
	sub, err := r.e.loadSubject(ctx, newFactCache(), o, start, now, c.def.Trigger.Type)
	if err != nil {
		return "", err
	}
	if sub == nil {
		return "not sent: the customer, order or cart it is about is no longer in the shop", nil
	}
	// The sequence has begun (this step was planned), so withdrawn consent
	// counts as unsubscribing, as for any later step.
	why, err := r.e.exitReason(ctx, &planState{stops: map[int64]time.Time{}}, c, sub, true)
	if err != nil || why == "" {
		return "", err
	}
	return "not sent: " + exitWords(why), nil
}

// flow is the flow with that id, compiled; nil when it is gone or no longer
// compiles.
func (r *Recheck) flow(ctx context.Context, id int64) (*compiled, error) {
	row, err := r.e.st.GetRule(ctx, id)
	if domain.CodeOf(err) == domain.CodeNotFound {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if c, ok := r.flows[id]; ok && c.row.UpdatedAt.Equal(row.UpdatedAt) && c.row.Definition == row.Definition {
		return c, nil
	}
	c, err := compileFlow(row)
	if err != nil {
		return nil, nil
	}
	r.flows[id] = c
	return c, nil
}

// occurrenceOf rebuilds what the exit check needs of the occurrence a
// ledger entry belongs to: who it is for (the entry's subject, else the
// email's recipient), the order, cart or shipment its key names, and when
// it happened.
func occurrenceOf(l domain.LedgerEntry, email string, at time.Time) domain.RuleOccurrence {
	o := domain.RuleOccurrence{Occurrence: l.Occurrence, Subject: l.Subject, Email: email, At: at}
	if id, ok := strings.CutPrefix(l.Subject, "customer:"); ok {
		o.CustomerID, _ = strconv.ParseInt(id, 10, 64)
	} else if addr, ok := strings.CutPrefix(l.Subject, "email:"); ok {
		o.Email = addr
	}
	kind, rest, _ := strings.Cut(l.Occurrence, ":")
	ref, _, _ := strings.Cut(rest, ":")
	id, _ := strconv.ParseInt(ref, 10, 64)
	switch kind {
	case "order":
		o.OrderID = id
	case "cart":
		o.CartID = id
	case "shipment":
		o.ShipmentID = id
	}
	return o
}

// exitWords says an exit reason the way the outbox shows it.
func exitWords(why string) string {
	switch flow.Exit(why) {
	case flow.ExitBought:
		return "the customer has ordered since (this flow stops when they buy)"
	case flow.ExitReplied:
		return "the customer has replied since (this flow stops when they reply)"
	case flow.ExitUnsubscribed:
		return "the customer has unsubscribed"
	case flow.ExitOutOfStock:
		return "everything in the cart has sold out"
	}
	if why == whyStopped {
		return "another flow stopped this customer's sequences"
	}
	return why
}
