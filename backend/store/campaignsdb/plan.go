package campaignsdb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store"
	"shopclerk/backend/store/couponsdb"
)

// Member is one customer of the frozen audience and their group.
type Member struct {
	CustomerID int64
	Group      string
}

// Recipient is what a recipient's email is made from.
type Recipient struct {
	CustomerID int64
	Group      string
	Email      string
	FirstName  string
	LastName   string
	Country    string
	Currency   string
}

// Email is one recipient's rendered email and coupon, ready for the outbox.
type Email struct {
	Variant   string // A or B: what the recipient got
	MessageID string
	ToName    string
	Subject   string
	HTML      string
	Text      string
	Headers   map[string]string
	Template  string
	NotBefore *time.Time // the outbox waits until then; nil: at once
	Coupon    *Coupon
}

// Coupon is a recipient's own code, issued as a flow's is (couponsdb's
// Issuer): from the pool of store-made codes when one was imported, else
// made by NewCode (again after a clash).
type Coupon struct {
	PercentOff   int
	AmountOff    int64
	Currency     string
	FreeShipping bool
	ExpiresAt    *time.Time
	NewCode      func() (string, error)
}

// Render makes a recipient's email; it is called inside the planning
// transaction, after the coupon's code is issued (code is "" without one).
type Render func(r Recipient, code string) (Email, error)

// CouponFor says whether the recipient gets a coupon and what kind.
type CouponFor func(r Recipient) *Coupon

// Start is what starting a campaign writes.
type Start struct {
	Status   Status
	Members  []Member
	SampleAt time.Time
	DecideAt *time.Time
	Skipped  map[string]int
	// Groups are the groups whose emails are queued now (the sample's, or
	// everyone's without a test).
	Groups []string
}

// LedgerPrefix is the outbox's and the coupons' key prefix of a recipient:
// the coupon hold finds a message's coupon under it, as for a flow's.
func LedgerPrefix(campaignID, customerID int64) string {
	return fmt.Sprintf("campaign/%d/%d/", campaignID, customerID)
}

// StartCampaign freezes the audience and queues the first groups' emails,
// all in one transaction: only a draft starts (a second start finds none
// and changes nothing). It returns how many emails were queued.
func (s *DB) StartCampaign(ctx context.Context, id int64, st Start, coupon CouponFor, render Render) (int, error) {
	skipped, _ := json.Marshal(st.Skipped)
	n := 0
	err := s.InTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, q("CampaignStart"), id, string(st.Status), len(st.Members), st.SampleAt.Unix(),
			store.UnixOrNull(st.DecideAt), string(skipped), s.Now())
		if err != nil {
			return err
		}
		if k, _ := res.RowsAffected(); k == 0 {
			return domain.Errorf(domain.CodeConflict, "campaign %d has already started", id)
		}
		ins, err := tx.PrepareContext(ctx, q("RecipientInsert"))
		if err != nil {
			return err
		}
		defer ins.Close()
		for _, m := range st.Members {
			if _, err := ins.ExecContext(ctx, id, m.CustomerID, m.Group); err != nil {
				return err
			}
		}
		n, err = s.queue(ctx, tx, id, st.Groups, coupon, render)
		return err
	})
	return n, wrapPlan(err)
}

// Decide records the winner and queues the rest's emails in one
// transaction; only a campaign still testing is decided.
func (s *DB) Decide(ctx context.Context, id int64, winner, why string, coupon CouponFor, render Render) (int, error) {
	n := 0
	err := s.InTx(ctx, func(tx *sql.Tx) error {
		now := s.Now()
		res, err := tx.ExecContext(ctx, q("CampaignDecided"), id, winner, why, now, now)
		if err != nil {
			return err
		}
		if k, _ := res.RowsAffected(); k == 0 {
			return domain.Errorf(domain.CodeConflict, "campaign %d is not waiting for its winner", id)
		}
		n, err = s.queue(ctx, tx, id, []string{GroupRest}, coupon, render)
		return err
	})
	return n, wrapPlan(err)
}

func wrapPlan(err error) error {
	var de *domain.Error
	if err == nil || errors.As(err, &de) {
		return err
	}
	return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not plan the campaign's emails; nothing was queued")
}

// planStmts are the statements a plan runs once per recipient; coupons
// go through couponsdb's Issuer, as a flow's do.
type planStmts struct{ msg, done *sql.Stmt }

func (p planStmts) close() {
	for _, s := range []*sql.Stmt{p.msg, p.done} {
		if s != nil {
			s.Close()
		}
	}
}

// queue writes the emails (and coupons) of the groups' recipients not yet
// queued, marking each recipient with its message.
func (s *DB) queue(ctx context.Context, tx *sql.Tx, id int64, groups []string, coupon CouponFor, render Render) (int, error) {
	gs, _ := json.Marshal(groups)
	recips, err := recipients(ctx, tx, id, string(gs))
	if err != nil {
		return 0, err
	}
	var p planStmts
	defer p.close()
	for _, x := range []struct {
		st   **sql.Stmt
		name string
	}{{&p.msg, "MessageInsert"}, {&p.done, "RecipientQueued"}} {
		if *x.st, err = tx.PrepareContext(ctx, q(x.name)); err != nil {
			return 0, err
		}
	}
	now := s.Now()
	var issuer *couponsdb.Issuer
	defer func() {
		if issuer != nil {
			issuer.Close()
		}
	}()
	for _, r := range recips {
		prefix := LedgerPrefix(id, r.CustomerID)
		var code string
		var couponID sql.NullInt64
		if c := coupon(r); c != nil {
			if issuer == nil {
				if issuer, err = couponsdb.NewIssuer(ctx, tx, now); err != nil {
					return 0, err
				}
			}
			nc := couponsdb.NewCoupon{CustomerID: r.CustomerID, PercentOff: c.PercentOff, AmountOff: c.AmountOff, Currency: c.Currency,
				FreeShipping: c.FreeShipping, ExpiresAt: c.ExpiresAt, CampaignID: id}
			if code, couponID.Int64, err = issuer.Issue(ctx, prefix+"coupon", nc, c.NewCode); err != nil {
				return 0, err
			}
			couponID.Valid = true
		}
		e, err := render(r, code)
		if err != nil {
			return 0, err
		}
		headers, _ := json.Marshal(e.Headers)
		if e.Headers == nil {
			headers = []byte("{}")
		}
		res, err := p.msg.ExecContext(ctx, e.MessageID, strings.ToLower(r.Email), e.ToName, e.Subject, e.HTML, e.Text, string(headers),
			store.UnixOrNull(e.NotBefore), r.CustomerID, prefix+"email", now, e.Template)
		if err != nil {
			return 0, err
		}
		msgID, _ := res.LastInsertId()
		if _, err := p.done.ExecContext(ctx, id, r.CustomerID, e.Variant, msgID, couponID); err != nil {
			return 0, err
		}
	}
	return len(recips), nil
}

func recipients(ctx context.Context, tx *sql.Tx, id int64, groups string) ([]Recipient, error) {
	rows, err := tx.QueryContext(ctx, q("RecipientsToQueue"), id, groups)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Recipient
	for rows.Next() {
		var r Recipient
		if err := rows.Scan(&r.CustomerID, &r.Group, &r.Email, &r.FirstName, &r.LastName, &r.Country, &r.Currency); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// VariantCount is what one group and variant of a campaign did.
type VariantCount struct {
	Group      string
	Variant    string
	Recipients int
	Queued     int
	Sent       int
	Failed     int
	Redeemed   int
	Revenue    int64
	Replied    int
}

// Counts reads a campaign's progress and results per group and variant.
func (s *DB) Counts(ctx context.Context, id int64) ([]VariantCount, error) {
	var out []VariantCount
	err := s.each(ctx, "VariantCounts", []any{id}, func(r *sql.Rows) error {
		var v VariantCount
		if err := r.Scan(&v.Group, &v.Variant, &v.Recipients, &v.Queued, &v.Sent, &v.Failed, &v.Redeemed, &v.Revenue, &v.Replied); err != nil {
			return err
		}
		out = append(out, v)
		return nil
	})
	return out, err
}
