package campaigns

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/email"
	"shopclerk/backend/rules"
	"shopclerk/backend/store/campaignsdb"
)

// Preview is exactly what a campaign would send: who, how many in each
// part, and the rendered email of each version for one recipient.
type Preview struct {
	Audience Audience `json:"audience"`
	SampleA  int      `json:"sampleA"`
	SampleB  int      `json:"sampleB"`
	Rest     int      `json:"rest"`
	// SendAt is when the first emails go (quiet hours moved it when it
	// says so in SendNote); DecideAt when the winner is chosen.
	SendAt   time.Time  `json:"sendAt"`
	SendNote string     `json:"sendNote"`
	DecideAt *time.Time `json:"decideAt"`
	// Confirm: more recipients than the shop's confirmation setting.
	Confirm     bool  `json:"confirm"`
	ConfirmOver int   `json:"confirmOver"`
	Emails      []Out `json:"emails"`
}

// Out is one version's email as one recipient would get it.
type Out struct {
	Variant string `json:"variant"`
	To      string `json:"to"`
	email.Rendered
}

// checked is a spec made sure of: what Create stores and Preview shows.
type checked struct {
	spec     Spec
	now      time.Time
	sendAt   *time.Time
	after    time.Duration
	by       DecideBy
	pct      int
	coupon   string
	audience Audience
	set      rules.Settings
	renderer email.Renderer
}

// check refuses what cannot be sent, with a message the seller can act on;
// it writes nothing.
func (s *Service) check(ctx context.Context, sp Spec) (*checked, error) {
	now := s.clk.Now()
	c := &checked{spec: sp, set: s.opt.Settings(ctx), now: now}
	sp.SubjectA, sp.SubjectB = strings.TrimSpace(sp.SubjectA), strings.TrimSpace(sp.SubjectB)
	c.spec = sp
	if sp.SubjectA == "" {
		return nil, domain.Errorf(domain.CodeInvalid, "the campaign needs a subject")
	}
	var err error
	if c.renderer, err = s.opt.Renderer(ctx); err != nil {
		return nil, err
	}
	if sp.Template == "" && strings.TrimSpace(sp.BodyA) == "" {
		return nil, domain.Errorf(domain.CodeInvalid, "the campaign needs something to say: choose an email template or write the email")
	}
	if sp.Template != "" {
		if _, ok := c.renderer.Lookup(sp.Template); !ok {
			return nil, domain.Errorf(domain.CodeInvalid, "there is no email template named %q", sp.Template)
		}
	}
	if sp.SendAt != "" {
		t, err := ParseLocal(sp.SendAt, c.set.Location)
		if err != nil {
			return nil, err
		}
		if t.Before(now) {
			return nil, domain.Errorf(domain.CodeInvalid, "%s is in the past (it is %s now in %s): choose a later time, or send now",
				t.In(c.set.Location).Format("2 January 2006 15:04"), now.In(c.set.Location).Format("2 January 15:04"), c.set.Location)
		}
		c.sendAt = &t
	}
	if sp.Coupon != nil {
		cp := *sp.Coupon
		if cp.PercentOff < 0 || cp.PercentOff > 100 || cp.AmountOff < 0 || cp.ValidDays < 0 {
			return nil, domain.Errorf(domain.CodeInvalid, "the coupon's discount must be between 0 and 100 %% or a positive amount")
		}
		if cp.PercentOff == 0 && cp.AmountOff == 0 && !cp.FreeShipping {
			return nil, domain.Errorf(domain.CodeInvalid, "the coupon gives nothing: set a percentage, an amount or free shipping")
		}
		b, _ := json.Marshal(cp)
		c.coupon = string(b)
	}
	if err := c.checkTest(); err != nil {
		return nil, err
	}
	if c.audience, err = s.Audience(ctx, sp.Segment); err != nil {
		return nil, err
	}
	if c.audience.Sendable == 0 {
		return nil, c.audience.refusal()
	}
	if c.pct > 0 {
		n := c.audience.Sendable
		k := sampleSize(n, c.pct)
		if k >= n {
			return nil, domain.Errorf(domain.CodeInvalid, "a sample of %d %% of %s recipients leaves nobody to send the winner to: "+
				"choose a smaller sample, or a larger segment (a test needs at least 3 recipients)", c.pct, count(n))
		}
	}
	// Render once now, so a template mistake shows here, not at sending.
	if _, err := c.render(c.audience.one, "A", "XXXX-XXXX"); err != nil {
		return nil, err
	}
	if c.spec.IsTest() {
		if _, err := c.render(c.audience.one, "B", "XXXX-XXXX"); err != nil {
			return nil, err
		}
	}
	return c, nil
}

func (c *checked) checkTest() error {
	sp := c.spec
	if !sp.IsTest() {
		if sp.SamplePct != 0 {
			return domain.Errorf(domain.CodeInvalid, "a sample is for an A/B test: give a second subject or a second content to test")
		}
		return nil
	}
	c.pct = sp.SamplePct
	if c.pct == 0 {
		c.pct = DefaultSamplePct
	}
	if c.pct < 1 || c.pct > 99 {
		return domain.Errorf(domain.CodeInvalid, "the sample is a share of the recipients between 1 and 99 %%, not %d", sp.SamplePct)
	}
	c.after = time.Duration(sp.DecideAfterMinutes) * time.Minute
	if c.after == 0 {
		c.after = DefaultDecideAfter
	}
	if c.after < 0 || c.after > 30*24*time.Hour {
		return domain.Errorf(domain.CodeInvalid, "the winner is chosen between a minute and 30 days after the sample goes out")
	}
	c.by = sp.DecideBy
	if c.by == "" {
		c.by = ByReplies
		if c.coupon != "" {
			c.by = ByRedemptions
		}
	}
	switch c.by {
	case ByRedemptions:
		if c.coupon == "" {
			return domain.Errorf(domain.CodeInvalid, "choosing the winner by redemptions needs a coupon for each recipient: add one, or choose by replies")
		}
	case ByReplies:
	default:
		return domain.Errorf(domain.CodeInvalid, "the winner is chosen by redemptions or replies, not %q", c.by)
	}
	return nil
}

// ParseLocal reads a time the seller typed, in the shop's zone unless it
// says its own offset.
func ParseLocal(s string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC(), nil
	}
	for _, f := range []string{"2006-01-02 15:04", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02T15:04:05"} {
		if t, err := time.ParseInLocation(f, s, loc); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, domain.Errorf(domain.CodeInvalid, "%q is not a time like 2026-12-08 09:00 (in the shop's zone, %s)", s, loc)
}

// Create checks a campaign and stores it as a draft; nothing is sent until
// Send.
func (s *Service) Create(ctx context.Context, sp Spec) (Campaign, error) {
	c, err := s.check(ctx, sp)
	if err != nil {
		return Campaign{}, err
	}
	name := strings.TrimSpace(sp.Name)
	if name == "" {
		name = c.spec.SubjectA
	}
	row := campaignsdb.Campaign{Name: name, Segment: c.audience.Segment, Template: sp.Template, SubjectA: c.spec.SubjectA,
		SubjectB: c.spec.SubjectB, BodyA: sp.BodyA, BodyB: sp.BodyB, Coupon: c.coupon, SamplePct: c.pct, DecideAfter: c.after,
		DecideBy: string(c.by), SendAt: c.sendAt}
	id, err := s.db.Insert(ctx, row)
	if err != nil {
		return Campaign{}, err
	}
	return s.Get(ctx, id)
}

// PreviewSpec shows what a campaign not yet saved would send.
func (s *Service) PreviewSpec(ctx context.Context, sp Spec) (Preview, error) {
	c, err := s.check(ctx, sp)
	if err != nil {
		return Preview{}, err
	}
	return c.preview(s.clk.Now())
}

// Preview shows what a saved draft would send now.
func (s *Service) Preview(ctx context.Context, id int64) (Preview, error) {
	row, err := s.db.Get(ctx, id)
	if err != nil {
		return Preview{}, err
	}
	c, err := s.checkRow(ctx, row)
	if err != nil {
		return Preview{}, err
	}
	return c.preview(s.clk.Now())
}

// checkRow checks a stored campaign again, as it would go now.
func (s *Service) checkRow(ctx context.Context, row campaignsdb.Campaign) (*checked, error) {
	sp := specOf(row)
	if row.SendAt != nil && row.SendAt.Before(s.clk.Now()) {
		sp.SendAt = "" // its time came: it goes now
	}
	return s.check(ctx, sp)
}

func specOf(row campaignsdb.Campaign) Spec {
	sp := Spec{Name: row.Name, Segment: row.Segment, Template: row.Template, SubjectA: row.SubjectA, SubjectB: row.SubjectB,
		BodyA: row.BodyA, BodyB: row.BodyB, SamplePct: row.SamplePct, DecideAfterMinutes: int(row.DecideAfter / time.Minute),
		DecideBy: DecideBy(row.DecideBy)}
	if row.SendAt != nil {
		sp.SendAt = row.SendAt.UTC().Format(time.RFC3339)
	}
	if row.Coupon != "" {
		var cp CouponSpec
		if json.Unmarshal([]byte(row.Coupon), &cp) == nil {
			sp.Coupon = &cp
		}
	}
	return sp
}

func (c *checked) preview(now time.Time) (Preview, error) {
	p := Preview{Audience: c.audience, ConfirmOver: c.set.ConfirmOver}
	n := c.audience.Sendable
	p.Confirm = n > c.set.ConfirmOver
	p.SendAt, p.SendNote = c.firstSend(now)
	if c.pct > 0 {
		k := sampleSize(n, c.pct)
		p.SampleA, p.SampleB, p.Rest = (k+1)/2, k/2, n-k
		d := p.SendAt.Add(c.after)
		p.DecideAt = &d
	} else {
		p.SampleA = n
	}
	variants := []string{"A"}
	if c.spec.IsTest() {
		variants = append(variants, "B")
	}
	code := ""
	if c.coupon != "" {
		code = "SC-XXXX-XXXX (one code each, made when sent)"
	}
	for _, v := range variants {
		r, err := c.render(c.audience.one, v, code)
		if err != nil {
			return p, err
		}
		p.Emails = append(p.Emails, Out{Variant: v, To: c.audience.one.Email, Rendered: r})
	}
	return p, nil
}

// firstSend is when the first emails go: the chosen time or now, moved past
// the quiet hours.
func (c *checked) firstSend(now time.Time) (time.Time, string) {
	at := now
	if c.sendAt != nil && c.sendAt.After(now) {
		at = *c.sendAt
	}
	if q, end := c.set.Quiet(at); q {
		return end, fmt.Sprintf("moved to %s: the quiet hours (%02d:00-%02d:00) hold marketing email back",
			end.In(c.set.Location).Format("2 January 15:04"), c.set.QuietFrom, c.set.QuietTo)
	}
	return at, ""
}
