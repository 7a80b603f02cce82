// Command cmd runs the stand-in WooCommerce store on 127.0.0.1 for the
// sync benchmark (scripts/bench/sync.sh): it serves the orders of a JSON
// file shaped as the REST API v3's orders list, -copies times over, prints
// {"url","key","secret"} as one line of JSON, and serves until its standard
// input closes or it is killed.
//
//	go run ./backend/connector/woocommerce/woocommercetest/cmd -orders backend/connector/woocommerce/testdata/wc_v3_orders_list_example.json -copies 50000
package main

import (
	"encoding/json"
	"flag"
	"io"
	"os"

	"shopclerk/backend/connector/standin"
	"shopclerk/backend/connector/woocommerce/woocommercetest"
)

func main() {
	orders := flag.String("orders", "", "a JSON array of REST API v3 orders to serve")
	copies := flag.Int("copies", 1, "serve the orders this many times over (copy k: id + k × 1,000,000, buyer c<k>.EMAIL)")
	flag.Parse()
	srv := woocommercetest.New()
	defer srv.Close()
	srv.Copies = *copies
	standin.ServeFile(srv.PutJSON, "orders", *orders)
	json.NewEncoder(os.Stdout).Encode(map[string]string{"url": srv.URL, "key": srv.Key, "secret": srv.Secret})
	io.Copy(io.Discard, os.Stdin) // until the caller closes our input
}
