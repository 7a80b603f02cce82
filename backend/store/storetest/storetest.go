// Package storetest opens a shop database for tests: a fresh file in the
// test's temporary folder (never a bare :memory: with a pool), a quiet log,
// closed when the test ends.
package storetest

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/store"
)

// Option adjusts how Open opens the store.
type Option func(*config)

type config struct {
	path   string
	opt    store.Options
	noShop bool
}

// ShopName is the name a test shop has unless NoShop: a real shop is named
// before it sends (an email of a shop without a name is held back).
const ShopName = "Ann's Pottery"

// NoShop opens the shop as a new one, that the seller has not named yet.
func NoShop() Option { return func(c *config) { c.noShop = true } }

// At pins the store's clock to t.
func At(t time.Time) Option {
	return func(c *config) { c.opt.Clock = clock.Fixed{T: t} }
}

// Clock gives the store clk.
func Clock(clk clock.Clock) Option { return func(c *config) { c.opt.Clock = clk } }

// Path opens the file at path instead of a new one in t.TempDir().
func Path(path string) Option { return func(c *config) { c.path = path } }

// Log gives the store log instead of a quiet one.
func Log(log *slog.Logger) Option { return func(c *config) { c.opt.Log = log } }

// Open opens (creating and migrating) a shop database for tb, failing the
// test if it cannot, and closes it at the test's end. Without options the
// file is shop.db in tb.TempDir(), the clock is the system's, and the shop
// is named (ShopName).
func Open(tb testing.TB, opts ...Option) *store.Store {
	tb.Helper()
	c := config{opt: store.Options{Log: slog.New(slog.DiscardHandler)}}
	for _, o := range opts {
		o(&c)
	}
	if c.path == "" {
		c.path = filepath.Join(tb.TempDir(), "shop.db")
	}
	st, err := store.Open(context.Background(), c.path, c.opt)
	if err != nil {
		tb.Fatalf("open store: %v", err)
	}
	tb.Cleanup(func() { st.Close() })
	if !c.noShop {
		// Only when it has none yet: a test that reopens its shop keeps its own.
		if cur, err := st.Setting(context.Background(), domain.SettingShopName, ""); err != nil || cur == "" {
			if err := st.SetSetting(context.Background(), domain.SettingShopName, ShopName); err != nil {
				tb.Fatalf("name the test shop: %v", err)
			}
		}
	}
	return st
}

// Order is a paid one-line order (two MUG-1 at total/2) for email, created
// two hours before now and paid an hour before: the store tests' sample.
func Order(name string, total int64, email string, now time.Time) domain.Order {
	paid := now.Add(-time.Hour)
	return domain.Order{
		Source: domain.SourceShopify, ExternalID: name, Name: name, Email: email,
		FinancialStatus: domain.FinancialPaid, Currency: "EUR", Total: total, Subtotal: total,
		CreatedAt: now.Add(-2 * time.Hour), PaidAt: &paid,
		Lines: []domain.LineItem{{SKU: "MUG-1", Name: "Mug", Quantity: 2, Price: total / 2}},
	}
}

// SalesHistory is a sales history: one paid order a day, each of lines, on
// each of the days days before now (orders s001, s002 ...).
func SalesHistory(now time.Time, days int, currency string, lines ...domain.LineItem) []domain.Order {
	out := make([]domain.Order, 0, days)
	for d := 1; d <= days; d++ {
		ext := fmt.Sprintf("s%03d", d)
		out = append(out, domain.Order{Source: domain.SourceManual, ExternalID: ext, Name: "#" + strings.ToUpper(ext),
			Currency: currency, FinancialStatus: domain.FinancialPaid, CreatedAt: now.AddDate(0, 0, -d), Lines: lines})
	}
	return out
}

// PrepareAll prepares each of a concern's named queries (store.QueryNames
// of its embedded files, looked up with its q) against st's migrated schema,
// so a typo or a renamed column fails a test rather than a seller's screen,
// and returns how many there were.
func PrepareAll(tb testing.TB, st *store.Store, names []string, q func(string) string) int {
	tb.Helper()
	for _, name := range names {
		stmt, err := st.SQL().Prepare(q(name))
		if err != nil {
			tb.Errorf("%s: %v", name, err)
			continue
		}
		stmt.Close()
	}
	return len(names)
}

// Exec runs a statement a test sets its shop up with, failing the test if
// it cannot.
func Exec(tb testing.TB, st *store.Store, query string, args ...any) {
	tb.Helper()
	if _, err := st.SQL().ExecContext(context.Background(), query, args...); err != nil {
		tb.Fatalf("%s: %v", query, err)
	}
}

// Count answers a query for one number (a COUNT(*)), failing the test if it
// cannot.
func Count(tb testing.TB, st *store.Store, query string, args ...any) int {
	tb.Helper()
	var n int
	if err := st.SQL().QueryRowContext(context.Background(), query, args...).Scan(&n); err != nil {
		tb.Fatalf("%s: %v", query, err)
	}
	return n
}
