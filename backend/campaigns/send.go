package campaigns

import (
	"context"
	"crypto/rand"
	"fmt"
	"strings"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/email"
	"shopclerk/backend/rules"
	"shopclerk/backend/store/campaignsdb"
)

// who is a recipient as an email shows them.
type who struct {
	Email, FirstName, LastName, Country, Currency string
}

func whoOf(c *domain.Customer) who {
	return who{Email: c.Email, FirstName: c.FirstName, LastName: c.LastName, Country: c.Country, Currency: c.TotalSpent.Currency}
}

// template is the version's email template: the chosen template with the
// version's subject and, when written, its own content.
func (c *checked) template(variant string) email.Template {
	var t email.Template
	if c.spec.Template != "" {
		t, _ = c.renderer.Lookup(c.spec.Template)
	}
	t.Subject = c.spec.SubjectA
	body := c.spec.BodyA
	if variant == "B" {
		if c.spec.SubjectB != "" {
			t.Subject = c.spec.SubjectB
		}
		if c.spec.BodyB != "" {
			body = c.spec.BodyB
		}
	}
	if strings.TrimSpace(body) != "" {
		t.HTML, t.Text = body, "" // a plain-text version of another body would not match it
	}
	if t.Name == "" {
		t.Name = "campaign"
	}
	return t
}

// render renders the version for one recipient; code is their coupon's.
func (c *checked) render(cust *domain.Customer, variant, code string) (email.Rendered, error) {
	return c.renderFor(whoOf(cust), variant, code)
}

func (c *checked) renderFor(w who, variant, code string) (email.Rendered, error) {
	d := email.Data{Shop: c.set.Shop, Vars: map[string]string{},
		Customer: email.Customer{FirstName: w.FirstName, LastName: w.LastName, Email: w.Email, Country: w.Country}}
	if d.Customer.FirstName == "" {
		d.Customer.FirstName = "there" // "Hi there," reads better than "Hi ,"
	}
	if cp := c.spec.Coupon; cp != nil {
		cur := w.Currency
		if cur == "" {
			cur = c.set.Currency
		}
		d.Coupon = email.Coupon{Code: code, Description: email.CouponDescription(cp.PercentOff, cp.AmountOff, cur, cp.FreeShipping)}
		if cp.ValidDays > 0 {
			d.Coupon.ExpiresOn = c.expiry(c.now).In(c.set.Location).Format("2 January 2006")
		}
	}
	if d.Shop.Name == "" {
		return email.Rendered{}, domain.Errorf(domain.CodeInvalid, "%s", email.NoShopName)
	}
	return c.renderer.Render(c.template(variant), d)
}

func (c *checked) expiry(now time.Time) time.Time {
	return now.Add(time.Duration(c.spec.Coupon.ValidDays) * 24 * time.Hour)
}

// Send starts a draft (its sample, or everyone without a test, goes into
// the outbox) or, when a test's time has come, chooses the winner and
// queues the rest. More recipients than the shop's confirmation setting
// need confirm. Sending again is safe: what is queued stays queued once.
func (s *Service) Send(ctx context.Context, id int64, confirm bool) (Campaign, error) {
	row, err := s.db.Get(ctx, id)
	if err != nil {
		return Campaign{}, err
	}
	switch row.Status {
	case campaignsdb.StatusDraft:
		if err := s.start(ctx, row, confirm); err != nil {
			return Campaign{}, err
		}
	case campaignsdb.StatusTesting:
		if row.DecideAt != nil && !s.clk.Now().Before(*row.DecideAt) {
			if err := s.decide(ctx, row); err != nil {
				return Campaign{}, err
			}
		}
	case campaignsdb.StatusCancelled:
		return Campaign{}, domain.Errorf(domain.CodeConflict, "campaign %d was cancelled", id)
	}
	return s.Get(ctx, id)
}

// Advance chooses the winners that are due (the schedule and the window
// call it); it returns the campaigns it moved on.
func (s *Service) Advance(ctx context.Context) ([]int64, error) {
	ids, err := s.db.Due(ctx, s.clk.Now())
	if err != nil {
		return nil, err
	}
	var done []int64
	for _, id := range ids {
		row, err := s.db.Get(ctx, id)
		if err != nil {
			return done, err
		}
		if err := s.decide(ctx, row); err != nil {
			return done, err
		}
		done = append(done, id)
	}
	return done, nil
}

func (s *Service) start(ctx context.Context, row campaignsdb.Campaign, confirm bool) error {
	c, err := s.checkRow(ctx, row)
	if err != nil {
		return err
	}
	n := c.audience.Sendable
	if n > c.set.ConfirmOver && !confirm {
		return domain.Errorf(domain.CodeConflict, "this campaign goes to %s people, more than the %s your settings send without asking: confirm to send it",
			count(n), count(c.set.ConfirmOver))
	}
	now := s.clk.Now()
	at, _ := c.firstSend(now)
	st := campaignsdb.Start{Status: campaignsdb.StatusSending, SampleAt: at, Skipped: c.audience.Skipped}
	if c.pct > 0 {
		a, b, rest := split(row.ID, c.audience.ids, sampleSize(n, c.pct))
		st.Members = members(nil, a, campaignsdb.GroupA)
		st.Members = members(st.Members, b, campaignsdb.GroupB)
		st.Members = members(st.Members, rest, campaignsdb.GroupRest)
		st.Groups = []string{campaignsdb.GroupA, campaignsdb.GroupB}
		st.Status = campaignsdb.StatusTesting
		d := at.Add(c.after)
		st.DecideAt = &d
	} else {
		st.Members = members(nil, c.audience.ids, campaignsdb.GroupA)
		st.Groups = []string{campaignsdb.GroupA}
	}
	q, err := s.queuer(ctx, c, row.ID, at, "")
	if err != nil {
		return err
	}
	_, err = s.db.StartCampaign(ctx, row.ID, st, q.coupon, q.render)
	return err
}

func members(out []campaignsdb.Member, ids []int64, group string) []campaignsdb.Member {
	for _, id := range ids {
		out = append(out, campaignsdb.Member{CustomerID: id, Group: group})
	}
	return out
}

// decide chooses the winner from the sample's results and queues the rest.
func (s *Service) decide(ctx context.Context, row campaignsdb.Campaign) error {
	counts, err := s.db.Counts(ctx, row.ID)
	if err != nil {
		return err
	}
	winner, why := Winner(counts, DecideBy(row.DecideBy))
	sp := specOf(row)
	sp.SendAt = ""
	// The rest goes to who was frozen at the start, so the check of the
	// audience is not asked again; the outbox checks consent and the
	// suppression list right before each email.
	c := &checked{spec: sp, set: s.opt.Settings(ctx), coupon: row.Coupon, now: s.clk.Now()}
	if c.renderer, err = s.opt.Renderer(ctx); err != nil {
		return err
	}
	at, _ := c.firstSend(s.clk.Now())
	q, err := s.queuer(ctx, c, row.ID, at, winner)
	if err != nil {
		return err
	}
	_, err = s.db.Decide(ctx, row.ID, winner, why, q.coupon, q.render)
	return err
}

// queuer makes each recipient's coupon and email for the planning
// transaction; winner, when set, is the version everyone gets.
type queuer struct {
	c       *checked
	at      time.Time
	now     time.Time
	winner  string
	msgID   func(time.Time) string
	expires *time.Time
	hook    func()
}

func (s *Service) queuer(ctx context.Context, c *checked, id int64, at time.Time, winner string) (*queuer, error) {
	now := s.clk.Now()
	q := &queuer{c: c, at: at, now: now, winner: winner, hook: s.rendered}
	if s.opt.MessageID != nil {
		q.msgID = s.opt.MessageID(ctx)
	} else {
		q.msgID = func(t time.Time) string {
			var b [8]byte
			rand.Read(b[:])
			return fmt.Sprintf("<campaign.%d.%d.%x@shopclerk.local>", id, t.Unix(), b)
		}
	}
	if c.spec.Coupon != nil && c.spec.Coupon.ValidDays > 0 {
		e := c.expiry(at)
		q.expires = &e
	}
	return q, nil
}

func (q *queuer) coupon(r campaignsdb.Recipient) *campaignsdb.Coupon {
	cp := q.c.spec.Coupon
	if cp == nil {
		return nil
	}
	cur := r.Currency
	if cur == "" {
		cur = q.c.set.Currency
	}
	return &campaignsdb.Coupon{PercentOff: cp.PercentOff, AmountOff: cp.AmountOff, Currency: cur, FreeShipping: cp.FreeShipping,
		ExpiresAt: q.expires, NewCode: rules.NewCouponCode}
}

func (q *queuer) render(r campaignsdb.Recipient, code string) (campaignsdb.Email, error) {
	variant := q.winner
	if variant == "" {
		variant = r.Group
		if variant == campaignsdb.GroupRest {
			variant = "A"
		}
	}
	w := who{Email: r.Email, FirstName: r.FirstName, LastName: r.LastName, Country: r.Country, Currency: r.Currency}
	out, err := q.c.renderFor(w, variant, code)
	if err != nil {
		return campaignsdb.Email{}, err
	}
	e := campaignsdb.Email{Variant: variant, MessageID: q.msgID(q.now), ToName: strings.TrimSpace(r.FirstName + " " + r.LastName),
		Subject: out.Subject, HTML: out.HTML, Text: out.Text, Template: out.Template,
		Headers: map[string]string{"X-Shopclerk-Template": out.Template, "Auto-Submitted": "auto-generated"}}
	if q.at.After(q.now) {
		at := q.at
		e.NotBefore = &at
	}
	if q.hook != nil {
		q.hook()
	}
	return e, nil
}
