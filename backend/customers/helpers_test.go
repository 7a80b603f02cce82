package customers

import (
	"context"
	"flag"
	"log/slog"
	"strconv"
	"testing"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/store"
	"shopclerk/backend/store/customersdb"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/storetest"
)

var update = flag.Bool("update", false, "rewrite the golden files")

var testNow = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

type fixture struct {
	t   *testing.T
	ctx context.Context
	st  *store.Store
	db  *customersdb.DB
	svc *Service
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	st := storetest.Open(t, storetest.At(testNow))
	db := customersdb.New(st)
	return &fixture{t: t, ctx: context.Background(), st: st, db: db,
		svc: New(db, clock.Fixed{T: testNow}, slog.New(slog.DiscardHandler))}
}

// write imports what fn writes as one batch.
func (f *fixture) write(fn func(w *importdb.Writer) error) {
	f.t.Helper()
	_, _, err := importdb.New(f.st).WriteBatch(f.ctx, domain.BatchMeta{FileName: "t.csv", Preset: "test", Kind: "orders"}, importdb.WriteOptions{}, fn)
	if err != nil {
		f.t.Fatal(err)
	}
}

func (f *fixture) id(email string) int64 {
	f.t.Helper()
	id, ok, err := f.db.CustomerID(f.ctx, email)
	if err != nil || !ok {
		f.t.Fatalf("customer %s: %v %v", email, ok, err)
	}
	return id
}

// order is a one-line order of total cents placed daysAgo days before
// testNow, paid and (unless open) fulfilled.
func order(name, email string, total int64, daysAgo int, open bool) domain.Order {
	at := testNow.AddDate(0, 0, -daysAgo)
	o := domain.Order{Source: domain.SourceShopify, ExternalID: name, Name: name, Email: email,
		FinancialStatus: domain.FinancialPaid, FulfillmentStatus: domain.FulfillmentFulfilled, Currency: "EUR",
		Total: total, Subtotal: total, CreatedAt: at, PaidAt: &at,
		Billing:         domain.Address{Name: "Ann Lee", Address1: "Hauptstr. 1", City: "Berlin", Zip: "10115", Country: "DE", Province: "BE"},
		ShippingAddress: domain.Address{Name: "Ann Lee", Address1: "Hauptstr. 1", City: "Berlin", Zip: "10115", Country: "DE", Province: "BE"},
		Lines:           []domain.LineItem{{SKU: "MUG-1", Name: "Mug", Quantity: 1, Price: total}}}
	if open {
		o.FulfillmentStatus = domain.FulfillmentUnfulfilled
	}
	return o
}

func customer(email, first string) *domain.Customer {
	return &domain.Customer{Source: domain.SourceShopify, Email: email, FirstName: first, LastName: "Lee", Country: "DE", City: "Berlin"}
}

// annShop is Ann with three orders (one cancelled, one open), tags, a
// cart, a coupon, an email each way, an automation's tag and consent given
// at sign-up; and Bob with one order.
func annShop(t *testing.T) (*fixture, int64) {
	f := newFixture(t)
	consent := testNow.AddDate(-1, 0, 0)
	f.write(func(w *importdb.Writer) error {
		ann := customer("ann@example.com", "Ann")
		ann.AcceptsMarketing, ann.ConsentAt, ann.Tags = true, &consent, []string{"vip", "newsletter"}
		if _, err := w.UpsertCustomer(*ann, importdb.CustomerAuthoritative); err != nil {
			return err
		}
		cancelled := order("#1002", "ann@example.com", 3000, 20, false)
		at := cancelled.CreatedAt.Add(time.Hour)
		cancelled.CancelledAt = &at
		for _, o := range []domain.Order{order("#1001", "ann@example.com", 5000, 40, false), cancelled, order("#1003", "ann@example.com", 7000, 2, true)} {
			if err := w.UpsertOrder(o, customer("ann@example.com", "Ann")); err != nil {
				return err
			}
		}
		if err := w.UpsertOrder(order("#2001", "bob@example.com", 1000, 100, false), customer("bob@example.com", "Bob")); err != nil {
			return err
		}
		return w.UpsertCart(domain.Cart{Source: domain.SourceShopify, ExternalID: "c1", Email: "ann@example.com", Currency: "EUR", Total: 4200,
			CreatedAt: testNow.AddDate(0, 0, -5), UpdatedAt: testNow.AddDate(0, 0, -5)}, customer("ann@example.com", "Ann"))
	})
	ann := f.id("ann@example.com")
	day := func(n int) int64 { return testNow.AddDate(0, 0, -n).Unix() }
	storetest.Exec(f.t, f.st, `INSERT INTO rules (id, name, enabled, definition, created_at, updated_at) VALUES (7, 'VIP tagger', 1, '{}', 0, 0)`)
	storetest.Exec(f.t, f.st, `INSERT INTO rule_ledger (key, rule_id, subject, occurrence, step, status, due_at, done_at, result)
		VALUES ('7/customer:1/x/0', 7, ?, 'x', 0, 'done', ?, ?, 'tagged vip')`, "customer:"+itoa(ann), day(10), day(10))
	storetest.Exec(f.t, f.st, `INSERT INTO coupons (code, customer_id, percent_off, issued_at, ledger_key) VALUES ('WELCOME-7Q', ?, 10, ?, '7/customer:1/x/0')`, ann, day(9))
	storetest.Exec(f.t, f.st, `INSERT INTO messages (message_id, kind, to_addr, subject, text, status, customer_id, created_at, sent_at)
		VALUES ('<m1@shop>', 'transactional', 'Ann@Example.com', 'Your order #1003', 'Thanks', 'sent', NULL, ?, ?)`, day(2), day(2))
	storetest.Exec(f.t, f.st, `INSERT INTO inbox_items (mailbox, uidvalidity, uid, kind, from_addr, subject, received_at, processed_at)
		VALUES ('INBOX', 1, 5, 'reply', 'ANN@example.com', 'Re: Your order #1003', ?, ?)`, day(1), day(1))
	return f, ann
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
