package couponsdb

import (
	"context"
	"database/sql"
	"time"

	"shopclerk/backend/domain"
)

// EventKind is what an attribution row proves.
type EventKind string

const (
	EventSent      EventKind = "sent"
	EventRedeemed  EventKind = "redeemed"  // by the coupon's own customer
	EventShared    EventKind = "shared"    // by someone else
	EventRecovered EventKind = "recovered" // a cart's customer ordered after a reminder
)

// Event is one row attribution counts: At is when the email went out (sent)
// or the order was placed (the others); Step is the flow's email step it is
// put down to (-1: none); Ref is the cart for recovered rows, whose pairs
// the caller narrows to one per cart (first order, last reminder before
// it, ReminderAt).
type Event struct {
	Kind       EventKind
	FlowID     int64
	CampaignID int64
	Step       int
	At         time.Time
	Amount     domain.Money
	Ref        int64
	ReminderAt time.Time
}

// AttributionEvents streams the rows behind attribution since a time.
func (s *DB) AttributionEvents(ctx context.Context, since time.Time, f domain.AttributionFilter, recovery time.Duration, fn func(Event)) error {
	args := []any{since.Unix(), f.FlowID, f.CampaignID, int64(recovery / time.Second)}
	read := func(name string, scan func(*sql.Rows) (Event, error)) error {
		rows, err := s.SQL().QueryContext(ctx, q(name), args...)
		if err != nil {
			return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not count what the flows earned")
		}
		defer rows.Close()
		for rows.Next() {
			e, err := scan(rows)
			if err != nil {
				return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not count what the flows earned")
			}
			fn(e)
		}
		return rows.Err()
	}
	if err := read("AttributionSent", func(r *sql.Rows) (Event, error) {
		e := Event{Kind: EventSent}
		var at int64
		err := r.Scan(&e.FlowID, &e.Step, &at)
		e.At = time.Unix(at, 0).UTC()
		return e, err
	}); err != nil {
		return err
	}
	if err := read("AttributionRedeemed", func(r *sql.Rows) (Event, error) {
		e := Event{Kind: EventRedeemed}
		var at int64
		var shared bool
		err := r.Scan(&e.FlowID, &e.CampaignID, &shared, &e.Step, &at, &e.Amount.Amount, &e.Amount.Currency)
		if shared {
			e.Kind = EventShared
		}
		e.At = time.Unix(at, 0).UTC()
		return e, err
	}); err != nil {
		return err
	}
	return read("AttributionRecovered", func(r *sql.Rows) (Event, error) {
		e := Event{Kind: EventRecovered}
		var sent, at int64
		err := r.Scan(&e.FlowID, &e.Step, &sent, &e.Ref, &at, &e.Amount.Amount, &e.Amount.Currency)
		e.At, e.ReminderAt = time.Unix(at, 0).UTC(), time.Unix(sent, 0).UTC()
		return e, err
	})
}

// FlowStep is one step of a flow as attribution names it.
type FlowStep struct {
	FlowID   int64
	FlowName string
	Step     int // -1: the flow has no steps
	Action   string
	Template string
	Subject  string
}

// FlowSteps lists the flows' steps (one flow's with flowID set).
func (s *DB) FlowSteps(ctx context.Context, flowID int64) ([]FlowStep, error) {
	rows, err := s.SQL().QueryContext(ctx, q("AttributionFlows"), flowID)
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the flows")
	}
	defer rows.Close()
	var out []FlowStep
	for rows.Next() {
		var f FlowStep
		if err := rows.Scan(&f.FlowID, &f.FlowName, &f.Step, &f.Action, &f.Template, &f.Subject); err != nil {
			return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the flows")
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// CampaignNames gives the campaigns' names by id (one campaign's with
// campaignID set); a deleted campaign is not among them.
func (s *DB) CampaignNames(ctx context.Context, campaignID int64) (map[int64]string, error) {
	rows, err := s.SQL().QueryContext(ctx, q("AttributionCampaigns"), campaignID)
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the campaigns")
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the campaigns")
		}
		out[id] = name
	}
	return out, rows.Err()
}
