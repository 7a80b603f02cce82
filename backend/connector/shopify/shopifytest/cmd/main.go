// Command cmd runs the stand-in Shopify store on 127.0.0.1 for the end-to-end
// tests (and a seller's dry run): it loads the orders of a JSON file shaped
// as the Admin API's order nodes, adds one order of its own (#9001, so a test
// can find what only the sync brought; -empty serves none), prints {"url","token"} as one line
// of JSON, and serves until its standard input closes or it is killed.
//
//	go run ./backend/connector/shopify/shopifytest/cmd -orders backend/connector/shopify/testdata/orders_2025-04_CAD.json
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"shopclerk/backend/connector/shopify/shopifytest"
)

func main() {
	orders := flag.String("orders", "", "a JSON array of Admin API order nodes to serve")
	empty := flag.Bool("empty", false, "serve no order at all (not even #9001)")
	flag.Parse()
	srv := shopifytest.New()
	defer srv.Close()
	if *orders != "" {
		data, err := os.ReadFile(*orders)
		if err == nil {
			err = srv.PutJSON("orders", data)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "stand-in store:", err)
			os.Exit(1)
		}
	}
	if !*empty {
		srv.Put("orders", shopifytest.SampleOrder("9001", "standin.buyer@example.com", "2026-02-27T15:30:00Z"))
	}
	json.NewEncoder(os.Stdout).Encode(map[string]string{"url": srv.URL, "token": srv.Token})
	io.Copy(io.Discard, os.Stdin) // until the test closes our input
}
