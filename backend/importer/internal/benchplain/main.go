// Command benchplain supports scripts/bench/import.sh: the "plain Go +
// modernc import of orders and line items in one transaction" the import
// issue compares the shell against. It reads a Shopify orders export with
// encoding/csv on one goroutine and, on another, inserts each order and its
// lines with prepared one-row statements into tables with the importer's
// columns and only the unique order key for an index, nothing else (no customers, products,
// discount codes, row hashes, events, re-import checks). It prints the
// seconds the load took.
package main

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite"
)

const schema = `
CREATE TABLE orders (
    id INTEGER PRIMARY KEY, source TEXT NOT NULL, external_id TEXT NOT NULL, name TEXT NOT NULL,
    email TEXT NOT NULL, financial_status TEXT NOT NULL, fulfillment_status TEXT NOT NULL,
    currency TEXT NOT NULL, subtotal INTEGER NOT NULL, shipping INTEGER NOT NULL, taxes INTEGER NOT NULL,
    discount INTEGER NOT NULL, total INTEGER NOT NULL, refunded INTEGER NOT NULL, discount_code TEXT NOT NULL,
    shipping_method TEXT NOT NULL, payment_method TEXT NOT NULL, risk_level TEXT NOT NULL,
    accepts_marketing INTEGER NOT NULL, tags TEXT NOT NULL, note TEXT NOT NULL, billing TEXT NOT NULL,
    shipping_address TEXT NOT NULL, created_at INTEGER NOT NULL, paid_at INTEGER, fulfilled_at INTEGER,
    cancelled_at INTEGER, UNIQUE (source, external_id)) STRICT;
CREATE TABLE line_items (
    order_id INTEGER NOT NULL, position INTEGER NOT NULL, sku TEXT NOT NULL, name TEXT NOT NULL,
    vendor TEXT NOT NULL, quantity INTEGER NOT NULL, price INTEGER NOT NULL, compare_at_price INTEGER NOT NULL,
    discount INTEGER NOT NULL, requires_shipping INTEGER NOT NULL, fulfillment_status TEXT NOT NULL,
    PRIMARY KEY (order_id, position)) STRICT, WITHOUT ROWID;`

type order struct {
	head  []any
	lines [][]any
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: benchplain orders.csv OUT.db")
		os.Exit(2)
	}
	start := time.Now()
	if err := load(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "benchplain:", err)
		os.Exit(1)
	}
	fmt.Printf("%.2f\n", time.Since(start).Seconds())
}

func load(in, out string) error {
	ctx := context.Background()
	db, err := sql.Open("sqlite", "file:"+out+"?_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(ctx, schema); err != nil {
		return err
	}
	orders := make(chan []order, 2)
	parsed := make(chan error, 1)
	go func() {
		defer close(orders)
		parsed <- parse(in, orders)
	}()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	insOrder, err := tx.PrepareContext(ctx, `INSERT INTO orders VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return err
	}
	insLine, err := tx.PrepareContext(ctx, `INSERT INTO line_items VALUES (?,?,?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return err
	}
	var id int64
	for batch := range orders {
		for _, o := range batch {
			id++
			o.head[0] = id
			if _, err := insOrder.ExecContext(ctx, o.head...); err != nil {
				return err
			}
			for _, l := range o.lines {
				l[0] = id
				if _, err := insLine.ExecContext(ctx, l...); err != nil {
					return err
				}
			}
		}
	}
	if err := <-parsed; err != nil {
		return err
	}
	return tx.Commit()
}

// parse groups the export's rows into orders (one row per line item, the
// order's fields on its first row), in batches of 256.
func parse(in string, out chan<- []order) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReaderSize(f, 1<<20))
	header, err := r.Read()
	if err != nil {
		return err
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimPrefix(h, "\ufeff")] = i
	}
	for _, need := range []string{"Name", "Email", "Created at", "Lineitem sku", "Total"} {
		if _, ok := col[need]; !ok {
			return errors.New("not a Shopify orders export: no " + need + " column")
		}
	}
	var batch []order
	var cur *order
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		get := func(name string) string {
			if i, ok := col[name]; ok && i < len(rec) {
				return rec[i]
			}
			return ""
		}
		if cur == nil || get("Name") != cur.head[3] {
			if len(batch) == 256 {
				out <- batch
				batch = nil
			}
			batch = append(batch, order{head: []any{nil, "shopify", get("Id"), get("Name"), get("Email"),
				get("Financial Status"), get("Fulfillment Status"), get("Currency"), cents(get("Subtotal")),
				cents(get("Shipping")), cents(get("Taxes")), cents(get("Discount Amount")), cents(get("Total")),
				cents(get("Refunded Amount")), get("Discount Code"), get("Shipping Method"), get("Payment Method"),
				get("Risk Level"), boolInt(get("Accepts Marketing") == "yes"), get("Tags"), get("Notes"),
				get("Billing Name") + "\n" + get("Billing Address1") + "\n" + get("Billing City") + "\n" + get("Billing Zip") + "\n" + get("Billing Country"),
				get("Shipping Name") + "\n" + get("Shipping Address1") + "\n" + get("Shipping City") + "\n" + get("Shipping Zip") + "\n" + get("Shipping Country"),
				unix(get("Created at")), unix(get("Paid at")), unix(get("Fulfilled at")), unix(get("Cancelled at"))}})
			cur = &batch[len(batch)-1]
		}
		cur.lines = append(cur.lines, []any{nil, int64(len(cur.lines) + 1), get("Lineitem sku"), get("Lineitem name"),
			get("Vendor"), cents(get("Lineitem quantity")) / 100, cents(get("Lineitem price")),
			cents(get("Lineitem compare at price")), cents(get("Lineitem discount")),
			boolInt(get("Lineitem requires shipping") == "true"), get("Lineitem fulfillment status")})
	}
	if len(batch) > 0 {
		out <- batch
	}
	return nil
}

func cents(s string) int64 {
	f, _ := strconv.ParseFloat(s, 64)
	return int64(f*100 + 0.5)
}

func unix(s string) any {
	t, err := time.Parse("2006-01-02 15:04:05 -0700", s)
	if err != nil {
		return nil
	}
	return t.Unix()
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}
