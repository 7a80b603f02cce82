package customersdb

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store"
)

// Coupon is a coupon issued to the customer.
type Coupon struct {
	Code string `json:"code"`
	domain.CouponValue
	IssuedAt  time.Time  `json:"issuedAt"`
	ExpiresAt *time.Time `json:"expiresAt"`
	UsedAt    *time.Time `json:"usedAt"`
}

// SentEmail is a message the outbox holds for the customer.
type SentEmail struct {
	Kind      string     `json:"kind"`
	To        string     `json:"to"`
	Subject   string     `json:"subject"`
	Text      string     `json:"text"`
	Status    string     `json:"status"`
	Template  string     `json:"template"`
	CreatedAt time.Time  `json:"createdAt"`
	SentAt    *time.Time `json:"sentAt"`
}

// ReceivedEmail is a message the inbox read from the customer.
type ReceivedEmail struct {
	Kind       string    `json:"kind"`
	From       string    `json:"from"`
	Subject    string    `json:"subject"`
	Detail     string    `json:"detail"`
	ReceivedAt time.Time `json:"receivedAt"`
}

// TagChange is a tag the seller added or removed.
type TagChange struct {
	Tag   string    `json:"tag"`
	Added bool      `json:"added"`
	At    time.Time `json:"at"`
}

// Records are the rows about one customer beyond their own: what an export
// carries.
type Records struct {
	Orders     []domain.Order
	Shipments  []domain.Shipment
	Carts      []domain.Cart
	Coupons    []Coupon
	Emails     []SentEmail
	Received   []ReceivedEmail
	TagChanges []TagChange
}

// Records reads every row about customer id with email, oldest first.
func (s *DB) Records(ctx context.Context, id int64, email string) (Records, error) {
	var r Records
	email = store.NormEmail(email)
	args := []any{id, email}
	byID := map[int64]int{}
	steps := []struct {
		name string
		args []any
		fn   func(*sql.Rows) error
	}{
		{"ExportOrders", args, func(rows *sql.Rows) error {
			var o domain.Order
			var tags, billing, shipping string
			var created int64
			var paid, fulfilled, cancelled sql.NullInt64
			if err := rows.Scan(&o.ID, &o.Source, &o.ExternalID, &o.Name, &o.Email, &o.FinancialStatus, &o.FulfillmentStatus,
				&o.Currency, &o.Subtotal, &o.Shipping, &o.Taxes, &o.Discount, &o.Total, &o.Refunded, &o.DiscountCode,
				&o.ShippingMethod, &o.PaymentMethod, &o.RiskLevel, &o.AcceptsMarketing, &tags, &o.Note, &billing, &shipping,
				&created, &paid, &fulfilled, &cancelled); err != nil {
				return err
			}
			o.Tags = domain.SplitTags(tags)
			json.Unmarshal([]byte(billing), &o.Billing)
			json.Unmarshal([]byte(shipping), &o.ShippingAddress)
			o.CreatedAt = time.Unix(created, 0).UTC()
			o.PaidAt, o.FulfilledAt, o.CancelledAt = store.FromUnix(paid), store.FromUnix(fulfilled), store.FromUnix(cancelled)
			o.Lines = []domain.LineItem{}
			byID[o.ID] = len(r.Orders)
			r.Orders = append(r.Orders, o)
			return nil
		}},
		{"ExportLines", args, func(rows *sql.Rows) error {
			var oid int64
			var l domain.LineItem
			if err := rows.Scan(&oid, &l.Position, &l.SKU, &l.Name, &l.Vendor, &l.Quantity, &l.Price, &l.CompareAtPrice, &l.Discount); err != nil {
				return err
			}
			if i, ok := byID[oid]; ok {
				r.Orders[i].Lines = append(r.Orders[i].Lines, l)
			}
			return nil
		}},
		{"ExportShipments", args, func(rows *sql.Rows) error {
			var sh domain.Shipment
			var shipped, updated int64
			var delivered sql.NullInt64
			if err := rows.Scan(&sh.ID, &sh.OrderID, &sh.Carrier, &sh.TrackingNumber, &sh.TrackingURL, &sh.Status, &shipped, &delivered, &updated); err != nil {
				return err
			}
			sh.ShippedAt, sh.UpdatedAt, sh.DeliveredAt = time.Unix(shipped, 0).UTC(), time.Unix(updated, 0).UTC(), store.FromUnix(delivered)
			r.Shipments = append(r.Shipments, sh)
			return nil
		}},
		{"ExportCarts", args, func(rows *sql.Rows) error {
			var c domain.Cart
			var created, updated int64
			var recovered sql.NullInt64
			if err := rows.Scan(&c.ID, &c.Source, &c.ExternalID, &c.Email, &c.Currency, &c.Total, &c.RecoveryURL, &created, &updated, &recovered); err != nil {
				return err
			}
			c.CreatedAt, c.UpdatedAt, c.RecoveredAt = time.Unix(created, 0).UTC(), time.Unix(updated, 0).UTC(), store.FromUnix(recovered)
			r.Carts = append(r.Carts, c)
			return nil
		}},
		{"ExportCoupons", args[:1], func(rows *sql.Rows) error {
			var c Coupon
			var issued int64
			var expires, used sql.NullInt64
			if err := rows.Scan(&c.Code, &c.PercentOff, &c.AmountOff, &c.Currency, &c.FreeShipping, &issued, &expires, &used); err != nil {
				return err
			}
			c.IssuedAt, c.ExpiresAt, c.UsedAt = time.Unix(issued, 0).UTC(), store.FromUnix(expires), store.FromUnix(used)
			r.Coupons = append(r.Coupons, c)
			return nil
		}},
		{"ExportMessages", args, func(rows *sql.Rows) error {
			var m SentEmail
			var created int64
			var sent sql.NullInt64
			if err := rows.Scan(&m.Kind, &m.To, &m.Subject, &m.Text, &m.Status, &m.Template, &created, &sent); err != nil {
				return err
			}
			m.CreatedAt, m.SentAt = time.Unix(created, 0).UTC(), store.FromUnix(sent)
			r.Emails = append(r.Emails, m)
			return nil
		}},
		{"ExportInbox", args, func(rows *sql.Rows) error {
			var m ReceivedEmail
			var at int64
			if err := rows.Scan(&m.Kind, &m.From, &m.Subject, &m.Detail, &at); err != nil {
				return err
			}
			m.ReceivedAt = time.Unix(at, 0).UTC()
			r.Received = append(r.Received, m)
			return nil
		}},
		{"ExportTagChanges", args[:1], func(rows *sql.Rows) error {
			var t TagChange
			var at int64
			if err := rows.Scan(&t.Tag, &t.Added, &at); err != nil {
				return err
			}
			t.At = time.Unix(at, 0).UTC()
			r.TagChanges = append(r.TagChanges, t)
			return nil
		}},
	}
	for _, st := range steps {
		if err := s.scan(ctx, st.name, st.args, st.fn); err != nil {
			return r, err
		}
	}
	return r, nil
}

// Erased is what an erasure changed.
type Erased struct {
	Orders   int64 `json:"orders"`   // kept, anonymised
	Carts    int64 `json:"carts"`    // kept, anonymised
	Emails   int64 `json:"emails"`   // deleted, sent and received
	Notes    int64 `json:"notes"`    // deleted
	Tasks    int64 `json:"tasks"`    // deleted
	KeysKept int   `json:"keysKept"` // hashes that keep imports from adding them back
}

// eraseStep is one statement of an erasure; count, when set, adds up the
// rows it changed.
type eraseStep struct {
	name  string
	args  []any
	count *int64
}

// Erase anonymises customer id (email is theirs, lower case) in one
// transaction: their orders and carts stay without the person, the emails
// to and from them, their notes, tag history, scores, tasks and
// suppression go, and keyHashes are kept so imports leave them out. The
// customer row stays, emptied (see EraseCustomer).
func (s *DB) Erase(ctx context.Context, id int64, email string, keyHashes []string) (Erased, error) {
	var out Erased
	email = store.NormEmail(email)
	both, one := []any{id, email}, []any{id}
	err := s.InTx(ctx, func(tx *sql.Tx) error {
		now := s.Now()
		for _, h := range keyHashes {
			if _, err := tx.ExecContext(ctx, q("EraseKey"), h, id, now); err != nil {
				return err
			}
		}
		steps := []eraseStep{
			{"EraseOrders", both, &out.Orders},
			{"EraseCarts", both, &out.Carts},
			{"EraseInboxLinks", both, nil},
			{"EraseMessages", both, &out.Emails},
			{"EraseInbox", both, &out.Emails},
			{"EraseTasks", one, &out.Tasks},
			{"EraseNotes", one, &out.Notes},
			{"EraseTagChanges", one, nil},
			{"EraseScores", one, nil},
			{"EraseMonths", one, nil},
			{"EraseCustomer", one, nil},
		}
		if email != "" {
			steps = append(steps, eraseStep{"EraseSuppression", []any{email}, nil}, eraseStep{"EraseSignals", []any{email}, nil},
				eraseStep{"EraseRejects", []any{email}, nil})
		}
		for _, st := range steps {
			res, err := tx.ExecContext(ctx, q(st.name), st.args...)
			if err != nil {
				return err
			}
			if st.count != nil {
				n, _ := res.RowsAffected()
				*st.count += n
			}
		}
		return nil
	})
	if err != nil {
		return Erased{}, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not erase the customer; nothing was changed")
	}
	out.KeysKept = len(keyHashes)
	return out, nil
}
