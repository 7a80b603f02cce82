package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"time"

	"shopclerk/backend/demo"
	"shopclerk/backend/domain"
	"shopclerk/backend/store"
	"shopclerk/backend/store/importdb"
)

// demoResult is what `shopclerk demo --json` prints.
type demoResult struct {
	demo.Summary
	DB      string  `json:"db,omitempty"`
	CSV     string  `json:"csv,omitempty"`
	Seconds float64 `json:"seconds"`
}

func init() {
	registerCommand(Command{
		Name:    "demo",
		Summary: "create the demo shop: demo --size s|m|l [--seed N] [--csv DIR]",
		NoStore: true, // the command opens the store itself, to refuse a shop that has data
		Run:     runDemo,
	})
}

func runDemo(ctx context.Context, env *CLIEnv, args []string) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	size := fs.String("size", "s", "s (1k orders), m (100k) or l (1M)")
	seed := fs.Uint64("seed", demo.DefaultSeed, "random seed; the same seed and --now give the same shop")
	csvDir := fs.String("csv", "", "also write Shopify-format CSV exports into this folder")
	if err := parseFlags(fs, args, env.Out); err != nil {
		return domain.Wrap(err, domain.CodeInvalid, "demo: "+err.Error()+" (usage: shopclerk demo --size s|m|l [--db PATH] [--seed N] [--csv DIR])")
	}
	sz, err := demo.ParseSize(*size)
	if err != nil {
		return err
	}
	// --csv without an explicit --db writes only the files: the seller's own
	// shop database is never filled with demo data by surprise.
	dbPath := env.DBPath
	if def, _ := store.DefaultPath(); *csvDir != "" && dbPath == def {
		dbPath = ""
	}
	// The generation allocates short-lived records by the million while the
	// live heap stays small (~100 MB on the l shop): collecting less often
	// saves CPU the store needs. The soft limit stops the heap from growing
	// to five times the live data, which was half of the l shop's peak memory.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(320 << 20))
	start := time.Now()
	res := demoResult{DB: dbPath, CSV: *csvDir}
	if dbPath == "" {
		res.Summary, err = demo.WriteShopifyCSV(ctx, *csvDir, env.Clock, sz, *seed, nil)
	} else {
		st, err2 := store.Open(ctx, dbPath, store.Options{Clock: env.Clock, Log: env.Log})
		if err2 != nil {
			return err2
		}
		defer st.Close()
		res.Summary, err = demo.GenerateTo(ctx, importdb.New(st), *csvDir, env.Clock, sz, *seed, nil)
		if domain.CodeOf(err) == demo.ErrNotEmpty {
			return domain.Wrap(err, domain.CodeConflict, err.Error()+" Give a new file with --db, for example --db demo-shop.db.")
		}
	}
	if err != nil {
		return err
	}
	res.Seconds = time.Since(start).Seconds()
	env.Print(res, func(w io.Writer) {
		s := res.Summary
		fmt.Fprintf(w, "Demo shop (size %s, seed %d, now %s) in %.1f s\n", s.Size, s.Seed, s.Now, res.Seconds)
		fmt.Fprintf(w, "  %d orders (%d line items, %d today), %d customers, %d products, %d suppliers\n",
			s.Orders, s.LineItems, s.TodayOrders, s.Customers, s.Products, s.Suppliers)
		fmt.Fprintf(w, "  %d carts (%d recovered), %d shipments, %d stock levels (%d low)\n",
			s.Carts, s.RecoveredCarts, s.Shipments, s.StockLevels, s.LowStock)
		if res.DB != "" {
			fmt.Fprintf(w, "  database: %s\n", res.DB)
		}
		if res.CSV != "" {
			fmt.Fprintf(w, "  Shopify CSV exports: %s\n", res.CSV)
		}
	})
	return nil
}
