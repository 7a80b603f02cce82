package customers

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/customersdb"
)

// Export is everything the shop holds about one customer, for a data
// access request: what the customer page shows, and every row about them.
type Export struct {
	ExportedAt     time.Time                   `json:"exportedAt"`
	Shop           string                      `json:"shop"`
	Customer       domain.Customer             `json:"customer"`
	Lifetime       Lifetime                    `json:"lifetime"`
	Consent        []Consent                   `json:"consent"`
	Tags           []Tag                       `json:"tags"`
	TagChanges     []customersdb.TagChange     `json:"tagChanges"`
	Notes          []customersdb.Note          `json:"notes"`
	Addresses      []Address                   `json:"addresses"`
	RFM            *Scores                     `json:"rfm"`
	Segments       []string                    `json:"segments"`
	Orders         []domain.Order              `json:"orders"`
	Shipments      []domain.Shipment           `json:"shipments"`
	Carts          []domain.Cart               `json:"carts"`
	Coupons        []customersdb.Coupon        `json:"coupons"`
	EmailsSent     []customersdb.SentEmail     `json:"emailsSent"`
	EmailsReceived []customersdb.ReceivedEmail `json:"emailsReceived"`
}

// Export gathers everything about customer id.
func (s *Service) Export(ctx context.Context, id int64) (Export, error) {
	p, err := s.Page(ctx, id)
	if err != nil {
		return Export{}, err
	}
	rec, err := s.db.Records(ctx, id, p.Customer.Email)
	if err != nil {
		return Export{}, err
	}
	shop, _ := s.db.Setting(ctx, domain.SettingShopName, "")
	e := Export{ExportedAt: s.clk.Now().UTC().Truncate(time.Second), Shop: shop, Customer: p.Customer, Lifetime: p.Lifetime,
		Consent: p.Consent, Tags: p.Tags, TagChanges: nonNil(rec.TagChanges), Notes: nonNil(p.Notes), Addresses: p.Addresses,
		RFM: p.RFM, Segments: p.Segments, Orders: nonNil(rec.Orders), Shipments: nonNil(rec.Shipments), Carts: nonNil(rec.Carts),
		Coupons: nonNil(rec.Coupons), EmailsSent: nonNil(rec.Emails), EmailsReceived: nonNil(rec.Received)}
	return e, nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// JSON is the export as indented JSON.
func (e Export) JSON() ([]byte, error) {
	b, err := json.MarshalIndent(e, "", "  ")
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not write the export")
	}
	return append(b, '\n'), nil
}

// FileName is a name for the export's files without extension:
// "customer-ann-example-com-2026-03-01".
func (e Export) FileName() string {
	who := e.Customer.Email
	if who == "" {
		who = fmt.Sprint(e.Customer.ID)
	}
	var b strings.Builder
	for _, r := range strings.ToLower(who) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	return "customer-" + strings.Trim(b.String(), "-") + "-" + e.ExportedAt.Format("2006-01-02")
}

// EraseCheck is what an erasure of a customer would do, for the question
// asked before it.
type EraseCheck struct {
	Customer   domain.Customer `json:"customer"`
	OpenOrders []string        `json:"openOrders"` // names, up to 20
	Orders     int             `json:"orders"`
	Emails     int             `json:"emails"`
	Carts      int             `json:"carts"`
}

// CheckErase says what erasing customer id would touch. An erased customer
// is refused: there is nothing left to erase.
func (s *Service) CheckErase(ctx context.Context, id int64) (EraseCheck, error) {
	c, err := s.db.CustomerByID(ctx, id)
	if err != nil {
		return EraseCheck{}, err
	}
	if c.Source == SourceErased {
		return EraseCheck{}, domain.Errorf(domain.CodeConflict, "This customer was erased already.")
	}
	st, err := s.db.Stats(ctx, id, c.Email)
	if err != nil {
		return EraseCheck{}, err
	}
	open, err := s.db.OpenOrders(ctx, id)
	if err != nil {
		return EraseCheck{}, err
	}
	return EraseCheck{Customer: c, OpenOrders: nonNil(open), Orders: c.OrdersCount, Emails: st.EmailsOut + st.EmailsIn, Carts: st.Carts}, nil
}

// Erased is what an erasure did.
type Erased struct {
	customersdb.Erased
	ID int64 `json:"id"`
}

// ErrOpenOrders is the code of the refusal to erase someone with open
// orders before the seller confirmed.
const ErrOpenOrders = domain.CodeConflict

// Erase anonymises customer id: their orders and carts stay for the
// accounts without the person, everything else about them goes, and
// hashes of their email and store id are kept so the next import does not
// add them back. A customer with open orders (not yet shipped or paid) is
// erased only with confirmOpen: their orders would lose the address they
// ship to.
func (s *Service) Erase(ctx context.Context, id int64, confirmOpen bool) (Erased, error) {
	chk, err := s.CheckErase(ctx, id)
	if err != nil {
		return Erased{}, err
	}
	if n := len(chk.OpenOrders); n > 0 && !confirmOpen {
		return Erased{}, domain.Errorf(ErrOpenOrders,
			"%s has %s not yet shipped or paid (%s). Erasing keeps those orders without a name or address, so you could no longer ship them. Confirm to erase anyway.",
			who(chk.Customer), plural(n, "open order", "open orders"), strings.Join(chk.OpenOrders, ", "))
	}
	c := chk.Customer
	res, err := s.db.Erase(ctx, id, c.Email, domain.ErasureKeys(c.Email, c.Source, c.ExternalID))
	if err != nil {
		return Erased{}, err
	}
	s.log.Info("customer erased", "id", id, "orders", res.Orders, "emails", res.Emails)
	return Erased{Erased: res, ID: id}, nil
}

// who names a customer in a message.
func who(c domain.Customer) string {
	if n := strings.TrimSpace(c.FirstName + " " + c.LastName); n != "" {
		return n
	}
	if c.Email != "" {
		return c.Email
	}
	return fmt.Sprintf("Customer %d", c.ID)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// Bytes is the export in a format the seller chose: "json" or "pdf".
func (e Export) Bytes(format string) ([]byte, error) {
	switch format {
	case "json":
		return e.JSON()
	case "pdf":
		return e.PDF()
	}
	return nil, domain.Errorf(domain.CodeInvalid, "an export is json or pdf, not %q", format)
}
