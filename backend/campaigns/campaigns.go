// Package campaigns sends one-off marketing emails to a segment (issue 17):
// now or at a time in the shop's zone, with a coupon per recipient if the
// seller wants one, and optionally an A/B test of two subjects or two
// contents on a sample whose winner, chosen after some hours by coupon
// redemptions or replies, goes to the rest.
//
// Everything goes through the outbox the flows use: consent and the
// suppression list decide who is in the audience (and the outbox checks
// both again right before each send), quiet hours move the sending time,
// the weekly cap leaves out who had enough this week. Starting a campaign
// freezes its audience (one row per customer: the sample and the rest
// never overlap) and queues the sample's emails in one transaction;
// choosing the winner queues the rest's in another. A process killed while
// planning leaves nothing half-written; one killed while sending is the
// outbox's business (invariant 3), and planning again finds every queued
// recipient done.
package campaigns

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/customers"
	"shopclerk/backend/domain"
	"shopclerk/backend/email"
	"shopclerk/backend/rules"
	"shopclerk/backend/store/campaignsdb"
)

// Decide rules: what picks the winner of an A/B test.
type DecideBy string

const (
	ByRedemptions DecideBy = "redemptions" // the campaign's codes found in orders
	ByReplies     DecideBy = "replies"     // replies the inbox matched to the emails
)

// Defaults for a test the seller did not tune.
const (
	DefaultSamplePct   = 20
	DefaultDecideAfter = 4 * time.Hour
)

// Audiences is what the campaigns need of the customers: the segments and
// their members (customers.Service).
type Audiences interface {
	SegmentChoices(ctx context.Context) ([]customers.SegmentChoice, error)
	ResolveSegment(ctx context.Context, keyOrName string) (customers.SegmentChoice, error)
	EachInSegments(ctx context.Context, keys []string, fn func(c domain.Customer, in []bool) error) error
}

var _ Audiences = (*customers.Service)(nil)

// Options plug the app's implementations in.
type Options struct {
	// Settings are the shop-wide rules the flows obey (quiet hours, the
	// weekly cap, confirmation above N recipients, the shop's identity).
	Settings func(ctx context.Context) rules.Settings
	// Renderer gives the email templates as saved now (mail.Templates).
	Renderer func(ctx context.Context) (email.Renderer, error)
	// MessageID makes the Message-IDs, as for the flows' emails.
	MessageID func(ctx context.Context) func(now time.Time) string
	Log       *slog.Logger
}

// Service runs the campaigns of one shop.
type Service struct {
	db  *campaignsdb.DB
	aud Audiences
	clk clock.Clock
	opt Options
	// rendered is a test's failpoint: called after each email a plan
	// renders, inside the planning transaction (the kill test).
	rendered func()
}

// New builds the service.
func New(db *campaignsdb.DB, aud Audiences, clk clock.Clock, opt Options) *Service {
	if opt.Log == nil {
		opt.Log = slog.Default()
	}
	if opt.Renderer == nil {
		opt.Renderer = func(context.Context) (email.Renderer, error) { return email.Fallback{}, nil }
	}
	return &Service{db: db, aud: aud, clk: clk, opt: opt}
}

// CouponSpec is the coupon each recipient gets (one code each).
type CouponSpec struct {
	PercentOff   int   `json:"percentOff"`
	AmountOff    int64 `json:"amountOff"` // minor units of the customer's currency
	FreeShipping bool  `json:"freeShipping"`
	ValidDays    int   `json:"validDays"` // 0: no expiry
}

// Spec is a campaign as the seller writes it.
type Spec struct {
	Name     string `json:"name"`
	Segment  string `json:"segment"`  // a key or a name (SegmentChoices)
	Template string `json:"template"` // an email template's name; "" with BodyA
	SubjectA string `json:"subjectA"`
	SubjectB string `json:"subjectB"` // set: test two subjects
	BodyA    string `json:"bodyA"`    // HTML; "" : the template's
	BodyB    string `json:"bodyB"`    // set: test two contents
	// SendAt is a local time in the shop's zone ("2026-12-08 09:00" or
	// "2026-12-08T09:00"), or RFC 3339; "" sends when started.
	SendAt             string      `json:"sendAt"`
	Coupon             *CouponSpec `json:"coupon"`
	SamplePct          int         `json:"samplePct"`
	DecideAfterMinutes int         `json:"decideAfterMinutes"`
	DecideBy           DecideBy    `json:"decideBy"`
}

// IsTest tells whether the spec is an A/B test.
func (s Spec) IsTest() bool {
	return strings.TrimSpace(s.SubjectB) != "" || strings.TrimSpace(s.BodyB) != ""
}

// Campaign is a campaign with its progress, as the screen and the CLI show
// it.
type Campaign struct {
	ID          int64          `json:"id"`
	Name        string         `json:"name"`
	Segment     string         `json:"segment"`
	SegmentName string         `json:"segmentName"`
	Template    string         `json:"template"`
	SubjectA    string         `json:"subjectA"`
	SubjectB    string         `json:"subjectB"`
	Test        string         `json:"test"` // "", subject or content
	Coupon      *CouponSpec    `json:"coupon"`
	SamplePct   int            `json:"samplePct"`
	DecideAfter string         `json:"decideAfter"` // "4h0m0s"
	DecideBy    DecideBy       `json:"decideBy"`
	SendAt      *time.Time     `json:"sendAt"`
	Status      string         `json:"status"` // draft, scheduled, testing, sending, sent, cancelled
	Audience    int            `json:"audience"`
	Skipped     map[string]int `json:"skipped"`
	SampleAt    *time.Time     `json:"sampleAt"`
	DecideAt    *time.Time     `json:"decideAt"`
	Winner      string         `json:"winner"`
	Decision    string         `json:"decision"`
	CreatedAt   time.Time      `json:"createdAt"`
	Variants    []Variant      `json:"variants"`
	Currency    string         `json:"currency"` // of the variants' revenue: the shop's
	// Progress per part: the sample's halves and the rest.
	Parts []Part `json:"parts"`
}

// Variant is what one version did, sample and rest together.
type Variant struct {
	Name     string `json:"name"` // A or B
	Subject  string `json:"subject"`
	Sent     int    `json:"sent"`
	Queued   int    `json:"queued"`
	Redeemed int    `json:"redeemed"`
	Revenue  int64  `json:"revenue"` // minor units of the shop's currency
	Replied  int    `json:"replied"`
}

// Part is one group's progress: the sample's A and B, or the rest.
type Part struct {
	Group      string `json:"group"` // A, B or rest
	Recipients int    `json:"recipients"`
	Queued     int    `json:"queued"`
	Sent       int    `json:"sent"`
	Failed     int    `json:"failed"`
}
