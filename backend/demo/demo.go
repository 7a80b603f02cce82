// Package demo generates a deterministic, realistic demo shop: suppliers,
// products with seasonal, trending and intermittent demand, repeat customers,
// two years of multi-item orders with refunds and cancellations, shipments in
// every carrier status, abandoned carts (some recovered), and stock levels
// with a few SKUs below their reorder point. The same size, seed and pinned
// clock always give the same shop, so screenshots, benchmarks and the other
// engineers' tests can rely on it.
//
// One generator feeds two sinks: the store (Generate, through the batch
// Writer) and Shopify-format CSV exports (WriteShopifyCSV), so an import of
// the CSV files reproduces the demo shop.
package demo

import (
	"context"
	"fmt"
	"strings"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/store/importdb"
)

// Size is the demo shop's scale.
type Size string

const (
	SizeS Size = "s" // about 1k orders: the app's "try the demo shop", end-to-end tests
	SizeM Size = "m" // about 100k orders
	SizeL Size = "l" // about 1M orders, 100k customers, 20k SKUs: benchmarks
)

// DefaultSeed is the seed used when none is given.
const DefaultSeed uint64 = 20260301

// ShopCurrency is the demo shop's one currency; addresses span several countries.
const ShopCurrency = "EUR"

// ShopTimeZone is stored as the shop's time zone so "today" means Berlin's day.
const ShopTimeZone = "Europe/Berlin"

// ShopWebsite is the demo shop's web address; its carts' recovery links
// are on it.
const ShopWebsite = "https://lindenandoak.example.com"

// Shop is who the demo shop is (Settings > Shop): a plausible home-goods
// shop in Berlin, so every email, footer and purchase order looks as a
// real shop's would.
var Shop = domain.ShopIdentity{
	Name: "Linden & Oak", LegalName: "Linden & Oak Home GmbH",
	Address:         "Kastanienallee 12\n10435 Berlin\nGermany",
	DeliveryAddress: "Warehouse, Gate B\nGewerbehof 4\n12681 Berlin\nGermany",
	Email:           "hello@lindenandoak.example.com", Phone: "+49 30 5550 1234", Website: ShopWebsite,
	Currency: ShopCurrency, TimeZone: ShopTimeZone, Language: "en", VATNumber: "DE298765431",
}

// params are the knobs of one size.
type params struct {
	orders      int
	customers   int // including newsletter sign-ups who never ordered
	skus        int
	suppliers   int
	historyDays int // full days of order history before today
	windowDays  int // shipments and abandoned carts are kept for this many recent days
}

func paramsFor(s Size) (params, error) {
	switch s {
	case SizeS:
		return params{orders: 1000, customers: 400, skus: 120, suppliers: 6, historyDays: 730, windowDays: 60}, nil
	case SizeM:
		return params{orders: 100_000, customers: 20_000, skus: 3000, suppliers: 25, historyDays: 730, windowDays: 60}, nil
	case SizeL:
		return params{orders: 1_000_000, customers: 100_000, skus: 20_000, suppliers: 80, historyDays: 730, windowDays: 45}, nil
	}
	return params{}, domain.Errorf(domain.CodeInvalid, "the demo shop size %q is not one of s, m, l", string(s))
}

// ParseSize reads a size given on the command line or by the UI.
func ParseSize(s string) (Size, error) {
	sz := Size(strings.ToLower(strings.TrimSpace(s)))
	_, err := paramsFor(sz)
	return sz, err
}

// Summary is what a generation produced. Checksum is a hash over the
// generated content, equal for equal size, seed and clock.
type Summary struct {
	Size           Size   `json:"size"`
	Seed           uint64 `json:"seed"`
	Now            string `json:"now"`
	Orders         int    `json:"orders"`
	LineItems      int    `json:"lineItems"`
	Customers      int    `json:"customers"`
	Products       int    `json:"products"`
	Suppliers      int    `json:"suppliers"`
	Carts          int    `json:"carts"`
	RecoveredCarts int    `json:"recoveredCarts"`
	Shipments      int    `json:"shipments"`
	StockLevels    int    `json:"stockLevels"`
	LowStock       int    `json:"lowStock"`
	TodayOrders    int    `json:"todayOrders"`
	FirstOrder     string `json:"firstOrder"`
	LastOrder      string `json:"lastOrder"`
	Checksum       string `json:"checksum"`
}

// Progress reports done out of total orders generated.
type Progress func(done, total int)

// ErrNotEmpty is the code of the refusal to fill a database that already
// holds a shop: the demo must never mix with a seller's real data.
const ErrNotEmpty = domain.CodeConflict

// Generate fills an empty shop database with the demo shop. It refuses a
// database that already has orders or customers. Generation runs on one
// goroutine while the store inserts on another; cancelling ctx rolls back
// everything written.
func Generate(ctx context.Context, st *importdb.DB, clk clock.Clock, size Size, seed uint64, progress Progress) (Summary, error) {
	return generate(ctx, st, "", clk, size, seed, progress)
}

// WriteShopifyCSV writes the demo shop as Shopify exports into dir:
// orders_export.csv (79 columns, one row per line item), customers_export.csv,
// products_export.csv, inventory_export.csv and checkouts_export.csv. The data is the
// same Generate writes to the store for the same size, seed and clock.
func WriteShopifyCSV(ctx context.Context, dir string, clk clock.Clock, size Size, seed uint64, progress Progress) (Summary, error) {
	return generate(ctx, nil, dir, clk, size, seed, progress)
}

// GenerateTo writes the demo shop to the store (when st is not nil) and to
// CSV files in csvDir (when not empty) from one generation pass.
func GenerateTo(ctx context.Context, st *importdb.DB, csvDir string, clk clock.Clock, size Size, seed uint64, progress Progress) (Summary, error) {
	return generate(ctx, st, csvDir, clk, size, seed, progress)
}

func generate(ctx context.Context, st *importdb.DB, csvDir string, clk clock.Clock, size Size, seed uint64, progress Progress) (Summary, error) {
	p, err := paramsFor(size)
	if err != nil {
		return Summary{}, err
	}
	if clk == nil {
		clk = clock.System{}
	}
	now := clk.Now().UTC().Truncate(time.Second)
	if st != nil {
		if err := checkEmpty(ctx, st); err != nil {
			return Summary{}, err
		}
	}
	var sinks []sink
	var csvSink *csvSink
	if csvDir != "" {
		if csvSink, err = newCSVSink(csvDir); err != nil {
			return Summary{}, err
		}
		sinks = append(sinks, csvSink)
	}
	g := newGenerator(p, seed, now)
	g.sum.Size, g.sum.Seed, g.sum.Now = size, seed, now.Format(time.RFC3339)
	if st == nil {
		err = g.run(ctx, multiSink(sinks), progress)
		if cerr := csvSink.close(); err == nil {
			err = cerr
		}
		return g.sum, err
	}
	meta := domain.BatchMeta{FileName: fmt.Sprintf("demo-%s-seed-%d", size, seed), FileHash: fmt.Sprintf("demo:%s:%d:%d", size, seed, now.Unix()),
		Preset: "demo", Kind: "demo"}
	err = writeStore(ctx, st, meta, g, sinks, progress)
	if csvSink != nil {
		if cerr := csvSink.close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return Summary{}, err
	}
	// A seller who described the shop on the welcome screen keeps it.
	if cur, err := st.Shop(ctx); err != nil || !cur.Configured() {
		if _, err := st.SetShop(ctx, Shop); err != nil {
			return g.sum, err
		}
	}
	return g.sum, nil
}

// checkEmpty refuses a database that already holds a shop.
func checkEmpty(ctx context.Context, st *importdb.DB) error {
	orders, err := st.ListOrders(ctx, domain.PageRequest{Limit: 1})
	if err != nil {
		return err
	}
	customers, err := st.ListCustomers(ctx, domain.PageRequest{Limit: 1})
	if err != nil {
		return err
	}
	if orders.Total > 0 || customers.Total > 0 {
		return domain.Errorf(ErrNotEmpty, "%s already holds a shop (%d orders, %d customers). The demo shop is only created in an empty database, so nothing was changed.",
			st.Path(), orders.Total, customers.Total)
	}
	return nil
}
