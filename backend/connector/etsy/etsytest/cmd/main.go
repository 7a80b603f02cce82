// Command cmd runs the stand-in Etsy on 127.0.0.1 for the end-to-end tests
// (and a seller's dry run): it loads receipts and listings from files
// shaped as Etsy's list answers, prints {"url", "keystring", "sharedSecret",
// "refreshToken"} as one line of JSON, and serves until its standard input closes or it is
// killed. Its sign-in page agrees at once, so "Sign in with Etsy" against
// it needs no browser.
//
//	go run ./backend/connector/etsy/etsytest/cmd -receipts backend/connector/etsy/testdata/getShopReceipts.json \
//	    -listings backend/connector/etsy/testdata/getListingsByShop.json
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"shopclerk/backend/connector/etsy/etsytest"
)

func main() {
	receipts := flag.String("receipts", "", "a getShopReceipts answer to serve")
	listings := flag.String("listings", "", "a getListingsByShop answer (with inventory) to serve")
	copies := flag.Int("copies", 0, "benchmarks: serve the receipts this many more times, with other ids")
	flag.Parse()
	srv := etsytest.New()
	defer srv.Close()
	srv.Copies = *copies
	for list, file := range map[string]string{"receipts": *receipts, "listings": *listings} {
		if file == "" {
			continue
		}
		data, err := os.ReadFile(file)
		if err == nil {
			err = srv.PutJSON(list, data)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "stand-in Etsy:", err)
			os.Exit(1)
		}
	}
	json.NewEncoder(os.Stdout).Encode(map[string]string{"url": srv.URL, "keystring": srv.Keystring, "sharedSecret": srv.SharedSecret,
		"refreshToken": srv.RefreshToken()})
	io.Copy(io.Discard, os.Stdin) // until the test closes our input
}
