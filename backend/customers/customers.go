// Package customers is the seller's view of one customer and of groups of
// them. The customer page puts everything the shop knows about a person in
// one place: profile, addresses, consent (as far as the data tells when and
// where it was given or withdrawn), lifetime value, tags (the automations'
// marked as such) and notes, RFM scores, and one paged timeline of orders,
// carts, coupons, emails sent and received, tag and consent changes and
// segment moves.
//
// Segments are of two kinds. Ready-made RFM segments (champions, loyal,
// potential, new, at risk, can't lose, hibernating, lost) come from scoring
// each customer's recency, frequency and monetary value in quintiles over a
// window the seller chooses; the scores are recomputed after each import and
// kept monthly, so the Segments screen shows how customers moved since last
// month. The seller's own segments are conditions over the customer written
// with the flows' condition builder and compiled by the flows' compiler
// (backend/rules), never a second one.
//
// Privacy: a customer's data exports as JSON and as a readable PDF; an
// erasure anonymises their orders (kept for the accounts), deletes the rest
// and keeps only hashes of the keys an import could bring them back by.
package customers

import (
	"context"
	"log/slog"
	"strings"
	"sync"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/store/customersdb"
)

// Service answers the customer page, the Segments screen and the privacy
// requests of one shop.
type Service struct {
	db  *customersdb.DB
	clk clock.Clock
	log *slog.Logger
	// scoring serialises RFM runs: an import's and the seller's at the same
	// time would each replace the other's scores.
	scoring sync.Mutex
	// HoldQueue queues a released hold's store write (see Release); nil
	// until the store write-back writes holds.
	HoldQueue HoldQueue
}

// New builds the service over a shop.
func New(db *customersdb.DB, clk clock.Clock, log *slog.Logger) *Service {
	if clk == nil {
		clk = clock.System{}
	}
	if log == nil {
		log = slog.Default()
	}
	return &Service{db: db, clk: clk, log: log}
}

// Page is everything the customer page shows, with the timeline's first
// page.
type Page struct {
	Customer  domain.Customer    `json:"customer"`
	ErasedAt  *time.Time         `json:"erasedAt"`
	Lifetime  Lifetime           `json:"lifetime"`
	Addresses []Address          `json:"addresses"`
	Consent   []Consent          `json:"consent"`
	Tags      []Tag              `json:"tags"`
	Notes     []customersdb.Note `json:"notes"`
	RFM       *Scores            `json:"rfm"`
	Segments  []string           `json:"segments"` // the seller's segments the customer is in
	Timeline  TimelinePage       `json:"timeline"`
}

// Lifetime is the customer's value to the shop.
type Lifetime struct {
	Orders       int          `json:"orders"` // not cancelled
	Spent        domain.Money `json:"spent"`  // net of refunds
	Refunded     int64        `json:"refunded"`
	AverageOrder int64        `json:"averageOrder"`
	FirstOrderAt *time.Time   `json:"firstOrderAt"`
	LastOrderAt  *time.Time   `json:"lastOrderAt"`
	OpenOrders   int          `json:"openOrders"`
	Carts        int          `json:"carts"`
	Coupons      int          `json:"coupons"`
	EmailsSent   int          `json:"emailsSent"`
	EmailsIn     int          `json:"emailsReceived"`
}

// Address is one address the customer's orders used.
type Address struct {
	domain.Address
	Billing  bool      `json:"billing"`
	Shipping bool      `json:"shipping"`
	LastUsed time.Time `json:"lastUsed"`
	Orders   int       `json:"orders"`
}

// Tag is one of the customer's tags and who set it.
type Tag struct {
	Name       string     `json:"name"`
	Automation bool       `json:"automation"` // set by a flow
	Rule       string     `json:"rule"`       // that flow's name
	At         *time.Time `json:"at"`         // when it was added, where known
}

// Page reads customer id's page with the first timeline page. A shop never
// scored (made before segments existed, or by the demo command) is scored
// first, once.
func (s *Service) Page(ctx context.Context, id int64) (Page, error) {
	c, err := s.db.CustomerByID(ctx, id)
	if err != nil {
		return Page{}, err
	}
	if err := s.ensureScored(ctx); err != nil {
		return Page{}, err
	}
	p := Page{Customer: c, Addresses: []Address{}, Tags: []Tag{}, Segments: []string{}}
	st, err := s.db.Stats(ctx, id, c.Email)
	if err != nil {
		return p, err
	}
	p.ErasedAt = st.ErasedAt
	p.Lifetime = Lifetime{Orders: c.OrdersCount, Spent: c.TotalSpent, Refunded: st.Refunded, FirstOrderAt: st.FirstOrderAt,
		LastOrderAt: c.LastOrderAt, OpenOrders: st.OpenOrders, Carts: st.Carts, Coupons: st.Coupons, EmailsSent: st.EmailsOut, EmailsIn: st.EmailsIn}
	if c.OrdersCount > 0 {
		p.Lifetime.AverageOrder = c.TotalSpent.Amount / int64(c.OrdersCount)
	}
	addrs, err := s.db.Addresses(ctx, id)
	if err != nil {
		return p, err
	}
	for _, a := range addrs {
		p.Addresses = append(p.Addresses, Address{Address: a.Address, Billing: a.Billing, Shipping: a.Shipping, LastUsed: a.LastUsed, Orders: a.Orders})
	}
	facts, err := s.db.Consent(ctx, id, c.Email)
	if err != nil {
		return p, err
	}
	p.Consent = consentOf(c, facts)
	if p.Tags, err = s.tags(ctx, c); err != nil {
		return p, err
	}
	if p.Notes, err = s.db.Notes(ctx, id); err != nil {
		return p, err
	}
	if p.RFM, err = s.customerScores(ctx, id); err != nil {
		return p, err
	}
	if p.Segments, err = s.memberOf(ctx, c, p.RFM); err != nil {
		return p, err
	}
	p.Timeline, err = s.timeline(ctx, c, p.RFM, customersdb.Start, defaultPageSize)
	return p, err
}

// CustomerByEmail finds a customer by email, for the headless commands.
func (s *Service) CustomerByEmail(ctx context.Context, email string) (domain.Customer, error) {
	id, ok, err := s.db.CustomerID(ctx, email)
	if err != nil {
		return domain.Customer{}, err
	}
	if !ok {
		return domain.Customer{}, domain.Errorf(domain.CodeNotFound, "No customer has the email %s.", strings.TrimSpace(email))
	}
	return s.db.CustomerByID(ctx, id)
}

func (s *Service) tags(ctx context.Context, c domain.Customer) ([]Tag, error) {
	origins, err := s.db.TagOrigins(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	out := []Tag{}
	for _, t := range c.Tags {
		tag := Tag{Name: t}
		if o, ok := origins[strings.ToLower(t)]; ok {
			at := o.At
			tag.Automation, tag.Rule, tag.At = o.Automation, o.Rule, &at
		}
		out = append(out, tag)
	}
	return out, nil
}

// maxTagLen bounds a tag typed on the customer page; stores cap theirs
// lower (Shopify at 255 characters), and a tag is a word or two.
const maxTagLen = 100

// SetTag adds a tag to (or, with add false, removes it from) customer id
// and returns their tags.
func (s *Service) SetTag(ctx context.Context, id int64, tag string, add bool) ([]Tag, error) {
	tag = strings.TrimSpace(tag)
	switch {
	case tag == "":
		return nil, domain.Errorf(domain.CodeInvalid, "Type a tag first.")
	case strings.Contains(tag, ","):
		return nil, domain.Errorf(domain.CodeInvalid, "A tag cannot contain a comma: tags are stored comma-separated, as the stores export them. Add each tag on its own.")
	case len([]rune(tag)) > maxTagLen:
		return nil, domain.Errorf(domain.CodeInvalid, "A tag can be at most %d characters long.", maxTagLen)
	}
	if err := s.notErased(ctx, id); err != nil {
		return nil, err
	}
	if _, _, err := s.db.SetTag(ctx, id, tag, add); err != nil {
		return nil, err
	}
	c, err := s.db.CustomerByID(ctx, id)
	if err != nil {
		return nil, err
	}
	return s.tags(ctx, c)
}

// maxNoteLen bounds a note: the page shows notes whole.
const maxNoteLen = 5000

// AddNote stores the seller's note on customer id.
func (s *Service) AddNote(ctx context.Context, id int64, body string) (customersdb.Note, error) {
	body = strings.TrimSpace(body)
	if body == "" {
		return customersdb.Note{}, domain.Errorf(domain.CodeInvalid, "The note is empty.")
	}
	if len([]rune(body)) > maxNoteLen {
		return customersdb.Note{}, domain.Errorf(domain.CodeInvalid, "A note can be at most %d characters long.", maxNoteLen)
	}
	if err := s.notErased(ctx, id); err != nil {
		return customersdb.Note{}, err
	}
	return s.db.AddNote(ctx, id, body)
}

// DeleteNote removes one of customer id's notes.
func (s *Service) DeleteNote(ctx context.Context, id, noteID int64) error {
	return s.db.DeleteNote(ctx, id, noteID)
}

// notErased refuses changes to a customer that does not exist or was
// erased: an erased customer's row holds nothing, and must keep holding
// nothing.
func (s *Service) notErased(ctx context.Context, id int64) error {
	c, err := s.db.CustomerByID(ctx, id)
	if err != nil {
		return err
	}
	if c.Source == SourceErased {
		return domain.Errorf(domain.CodeConflict, "This customer was erased; nothing can be added to them.")
	}
	return nil
}

// SourceErased is the source of the emptied row an erasure leaves.
const SourceErased domain.Source = "erased"
