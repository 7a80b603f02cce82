package customersdb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"strings"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store"
	"shopclerk/backend/store/customersdb/internal/queries"
)

// Stats are the figures of the customer page's header.
type Stats struct {
	FirstOrderAt *time.Time
	OpenOrders   int
	Refunded     int64
	Carts        int
	Coupons      int
	EmailsOut    int
	EmailsIn     int
	ErasedAt     *time.Time
}

// CustomerID finds a customer by email; ok is false when there is none.
func (s *DB) CustomerID(ctx context.Context, email string) (id int64, ok bool, err error) {
	id, err = s.gen().CustomerIDByEmail(ctx, store.NormEmail(email))
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not look the customer up")
	}
	return id, true, nil
}

// Stats counts what the page's header shows about customer id with email.
func (s *DB) Stats(ctx context.Context, id int64, email string) (Stats, error) {
	r, err := s.gen().CustomerStats(ctx, queries.CustomerStatsParams{CustomerID: nullID(id), ToAddr: store.NormEmail(email)})
	if err != nil {
		return Stats{}, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the customer's figures")
	}
	st := Stats{OpenOrders: int(r.OpenOrders), Refunded: r.Refunded, Carts: int(r.Carts), Coupons: int(r.Coupons),
		EmailsOut: int(r.EmailsOut), EmailsIn: int(r.EmailsIn)}
	if r.FirstOrderAt != 0 {
		t := time.Unix(r.FirstOrderAt, 0).UTC()
		st.FirstOrderAt = &t
	}
	if at, err := s.gen().ErasureOf(ctx, nullID(id)); err == nil {
		t := time.Unix(at, 0).UTC()
		st.ErasedAt = &t
	} else if !errors.Is(err, sql.ErrNoRows) {
		return st, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the customer's figures")
	}
	return st, nil
}

// OpenOrders names up to 20 of the customer's open orders, newest first.
func (s *DB) OpenOrders(ctx context.Context, id int64) ([]string, error) {
	names, err := s.gen().OpenOrderNames(ctx, nullID(id))
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the customer's orders")
	}
	return names, nil
}

// AddressUse is an address the customer's orders used, and when last.
type AddressUse struct {
	Address  domain.Address
	Billing  bool
	Shipping bool
	LastUsed time.Time
	Orders   int
}

// Addresses lists the distinct addresses of the customer's last 200 orders,
// most recently used first.
func (s *DB) Addresses(ctx context.Context, id int64) ([]AddressUse, error) {
	rows, err := s.gen().RecentAddresses(ctx, nullID(id))
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the customer's addresses")
	}
	var out []AddressUse
	index := map[string]int{}
	add := func(raw string, at int64, billing bool) {
		var a domain.Address
		if json.Unmarshal([]byte(raw), &a) != nil || strings.TrimSpace(a.Address1+a.City+a.Zip+a.Country) == "" {
			return
		}
		key := strings.ToLower(strings.Join([]string{a.Name, a.Address1, a.Address2, a.Zip, a.City, a.Country}, "|"))
		i, ok := index[key]
		if !ok {
			i = len(out)
			index[key] = i
			out = append(out, AddressUse{Address: a, LastUsed: time.Unix(at, 0).UTC()})
		}
		u := &out[i]
		u.Orders++
		if billing {
			u.Billing = true
		} else {
			u.Shipping = true
		}
	}
	for _, r := range rows {
		add(r.ShippingAddress, r.CreatedAt, false)
		add(r.Billing, r.CreatedAt, true)
	}
	return out, nil
}

// ConsentFacts is what the data holds about a customer's email consent.
type ConsentFacts struct {
	// Events are consent given/withdrawn as the automations saw them change
	// (at the import or sync that changed them), newest first.
	Events []ConsentEvent
	// Suppressed is set when the address is on the suppression list.
	Suppressed *domain.Suppression
	// LatestOrder is the customer's latest order, whose checkout carries an
	// opt-in box; empty without orders.
	LatestOrder        string
	LatestOrderAt      time.Time
	LatestOrderConsent bool
	// SMS is the store's SMS marketing consent (SMSKnown: the data says
	// anything: a yes, or a date of a change), SMSAt its date if given.
	SMS, SMSKnown bool
	SMSAt         *time.Time
}

// ConsentEvent is one change of consent.
type ConsentEvent struct {
	Given bool
	At    time.Time
}

// Consent reads the consent facts of customer id with email.
func (s *DB) Consent(ctx context.Context, id int64, email string) (ConsentFacts, error) {
	fail := func(err error) (ConsentFacts, error) {
		return ConsentFacts{}, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the customer's consent")
	}
	var f ConsentFacts
	evs, err := s.gen().ConsentEvents(ctx, nullID(id))
	if err != nil {
		return fail(err)
	}
	for _, e := range evs {
		f.Events = append(f.Events, ConsentEvent{Given: e.Trigger == string(domain.TriggerConsentGiven), At: time.Unix(e.At, 0).UTC()})
	}
	if email = store.NormEmail(email); email != "" {
		sp, err := s.gen().SuppressionOf(ctx, email)
		if err == nil {
			f.Suppressed = &domain.Suppression{Email: email, Reason: domain.SuppressionReason(sp.Reason), Detail: sp.Detail, At: time.Unix(sp.At, 0).UTC()}
		} else if !errors.Is(err, sql.ErrNoRows) {
			return fail(err)
		}
	}
	var smsAt sql.NullInt64
	switch err := s.SQL().QueryRowContext(ctx, q("CustomerSMSConsent"), id).Scan(&f.SMS, &smsAt); {
	case err == nil:
		f.SMSAt, f.SMSKnown = store.FromUnix(smsAt), f.SMS || smsAt.Valid
	case !errors.Is(err, sql.ErrNoRows):
		return fail(err)
	}
	o, err := s.gen().LatestOrderConsent(ctx, nullID(id))
	if err == nil {
		f.LatestOrder, f.LatestOrderConsent, f.LatestOrderAt = o.Name, o.AcceptsMarketing != 0, time.Unix(o.CreatedAt, 0).UTC()
	} else if !errors.Is(err, sql.ErrNoRows) {
		return fail(err)
	}
	return f, nil
}

// TagOrigin says who last set a tag: an automation (with its flow) or the
// seller.
type TagOrigin struct {
	Automation bool
	Rule       string
	At         time.Time
}

// TagOrigins tells, for each tag an automation or the seller added, who
// added it last: the key is the tag in lower case.
func (s *DB) TagOrigins(ctx context.Context, id int64) (map[string]TagOrigin, error) {
	fail := func(err error) (map[string]TagOrigin, error) {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the customer's tags")
	}
	out := map[string]TagOrigin{}
	auto, err := s.gen().AutomationTags(ctx, "customer:"+strconv.FormatInt(id, 10))
	if err != nil {
		return fail(err)
	}
	for _, r := range auto {
		tag, ok := strings.CutPrefix(r.Result, "tagged ")
		if !ok {
			continue // an untagging: the tag is gone, or the seller added it back
		}
		key := strings.ToLower(strings.TrimSpace(tag))
		if o, seen := out[key]; !seen || r.At > o.At.Unix() {
			out[key] = TagOrigin{Automation: true, Rule: r.RuleName, At: time.Unix(r.At, 0).UTC()}
		}
	}
	mine, err := s.gen().LastTagChanges(ctx, id)
	if err != nil {
		return fail(err)
	}
	for _, r := range mine {
		key := strings.ToLower(r.Tag)
		if o, seen := out[key]; r.Added == 1 && (!seen || r.At >= o.At.Unix()) {
			out[key] = TagOrigin{At: time.Unix(r.At, 0).UTC()}
		}
	}
	return out, nil
}

// TimelineRow is one item of the timeline as stored; the customers package
// words it.
type TimelineRow struct {
	Kind     int
	At       int64
	ID       int64
	Title    string
	Detail   string
	Amount   int64
	Currency string
	Who      string
}

// Cursor is the position after the last item of a page.
type Cursor struct {
	At   int64
	Kind int
	ID   int64
}

// Start is the cursor of the first page: above every item.
var Start = Cursor{At: math.MaxInt64, Kind: math.MaxInt32, ID: math.MaxInt64}

// Timeline reads up to limit items after cursor, newest first.
func (s *DB) Timeline(ctx context.Context, id int64, email string, after Cursor, limit int) ([]TimelineRow, error) {
	rows, err := s.SQL().QueryContext(ctx, q("Timeline"), id, store.NormEmail(email), after.At, after.Kind, after.ID, limit)
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the customer's timeline")
	}
	defer rows.Close()
	var out []TimelineRow
	for rows.Next() {
		var r TimelineRow
		if err := rows.Scan(&r.Kind, &r.At, &r.ID, &r.Title, &r.Detail, &r.Amount, &r.Currency, &r.Who); err != nil {
			return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the customer's timeline")
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the customer's timeline")
	}
	return out, nil
}

func nullID(id int64) sql.NullInt64 { return sql.NullInt64{Int64: id, Valid: id != 0} }
