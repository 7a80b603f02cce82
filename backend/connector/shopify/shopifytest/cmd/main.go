// Command cmd runs the stand-in Shopify store on 127.0.0.1 for the end-to-end
// tests (and a seller's dry run): it loads the orders of a JSON file shaped
// as the Admin API's order nodes, adds one order of its own (#9001, so a test
// can find what only the sync brought; -empty serves none), prints {"url","token"} as one line
// of JSON, and serves until its standard input closes or it is killed.
// Meanwhile it takes tab-separated commands on standard input, one a line,
// and answers each with one line:
//
//	stock<TAB>SKU<TAB>LOCATION<TAB>QTY   stocks SKU at LOCATION (answers ok)
//	quantity<TAB>SKU<TAB>LOCATION        the SKU's available quantity there
//	discounts                            the discount codes made, comma-separated
//
//	go run ./backend/connector/shopify/shopifytest/cmd -orders backend/connector/shopify/testdata/orders_2025-04_CAD.json
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"shopclerk/backend/connector/shopify/shopifytest"
	"shopclerk/backend/connector/standin"
)

func main() {
	orders := flag.String("orders", "", "a JSON array of Admin API order nodes to serve")
	empty := flag.Bool("empty", false, "leave out the order #9001 (with no -orders: serve no order at all)")
	copies := flag.Int("copies", 1, "benchmarks: serve the orders this many times in a bulk read (copy k renamed #NAME-k)")
	exportIn := flag.String("export", "", "benchmarks: an orders export CSV to write -copies times to -export-out, renamed the same way")
	exportOut := flag.String("export-out", "", "where -export writes")
	flag.Parse()
	if *exportIn != "" {
		if err := shopifytest.WriteExportCopies(*exportIn, *exportOut, *copies); err != nil {
			standin.Exit(err)
		}
	}
	srv := shopifytest.New()
	defer srv.Close()
	srv.Copies = *copies
	standin.ServeFile(srv.PutJSON, "orders", *orders)
	if !*empty {
		srv.Put("orders", shopifytest.SampleOrder("9001", "standin.buyer@example.com", "2026-02-27T15:30:00Z"))
	}
	json.NewEncoder(os.Stdout).Encode(map[string]string{"url": srv.URL, "token": srv.Token})
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() { // until the test closes our input
		fmt.Println(command(srv, strings.Split(in.Text(), "\t")))
	}
}

func command(srv *shopifytest.Server, f []string) string {
	switch {
	case len(f) == 4 && f[0] == "stock":
		n, err := strconv.Atoi(f[3])
		if err != nil {
			return "error: " + err.Error()
		}
		srv.PutStock(f[1], f[2], n, time.Now())
		return "ok"
	case len(f) == 3 && f[0] == "quantity":
		return strconv.Itoa(srv.Quantity(f[1], f[2]))
	case len(f) == 1 && f[0] == "discounts":
		var codes []string
		for _, d := range srv.Discounts() {
			codes = append(codes, d.Code)
		}
		return strings.Join(codes, ",")
	}
	return "error: unknown command"
}
