package importer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"shopclerk/backend/domain"
)

// TestNewerExportUpdates: a later export of the same orders (refund, status
// change) updates them and creates nothing.
func TestNewerExportUpdates(t *testing.T) {
	st := openStore(t)
	orig := readReal(t, cadOrders)
	first := importOne(t, st, FileSpec{Path: writeTemp(t, "orders.csv", orig)})
	recs := records(t, orig)
	fin := colIndex(t, recs[0], "Financial Status")
	ref := colIndex(t, recs[0], "Refunded Amount")
	newer := rewrite(t, recs, ',', false, func(row, col int, s string) string {
		if row == 1 && col == fin {
			return "refunded"
		}
		if row == 1 && col == ref {
			return "220.06"
		}
		return s
	})
	second := importOne(t, st, FileSpec{Path: writeTemp(t, "orders (1).csv", newer)})
	if second.Counts.Created != 0 || second.Counts.Updated != 1 || second.Counts.Unchanged != 19 {
		t.Errorf("first %+v, newer export %+v: want exactly one order updated", first.Counts, second.Counts)
	}
	hist, err := st.ImportBatches(context.Background(), 10, 0, false)
	if err != nil || len(hist) != 2 || hist[0].FileName != "orders (1).csv" || hist[0].FileHash == hist[1].FileHash || len(hist[0].FileHash) != 64 {
		t.Errorf("history %+v, %v", hist, err)
	}
	// A CSV file is hashed as it is read: the same sha256 as the whole file's.
	if sum := sha256.Sum256(newer); len(hist) == 2 && (hist[0].FileHash != hex.EncodeToString(sum[:]) || second.Hash != hist[0].FileHash) {
		t.Errorf("file hash %s (result %s), want the file's sha256 %x", hist[0].FileHash, second.Hash, sum)
	}
}

// TestEtsyOrdersAndItems: Etsy's two files describe one order; importing
// both, in either order, keeps the totals of one and the items of the other.
func TestEtsyOrdersAndItems(t *testing.T) {
	ordersCSV := "Sale Date,Order ID,Buyer User ID,Full Name,First Name,Last Name,Number of Items,Payment Method,Date Shipped,Street 1,Street 2,Ship City,Ship State,Ship Zipcode,Ship Country,Currency,Order Value,Coupon Code,Coupon Details,Discount Amount,Shipping Discount,Shipping,Sales Tax,Order Total,Status,Card Processing Fees,Order Net,Adjusted Order Total,Adjusted Card Processing Fees,Adjusted Net Order Amount,Buyer,Order Type,Payment Type,InPerson Discount,InPerson Location,SKU\n" +
		"09/03/26,3001,buyer77,Ana Lima,Ana,Lima,2,Etsy Payments,09/05/26,1 Rua A,,Lisboa,,1100-001,Portugal,EUR,30.00,AUTUMN,10% off,3.00,0,4.50,0,31.50,Completed,1.00,30.50,31.50,1.00,30.50,ana,online,online_cc,,,\"MUG-1,POT-2\"\n"
	itemsCSV := "Sale Date,Item Name,Buyer,Quantity,Price,Coupon Code,Coupon Details,Discount Amount,Shipping Discount,Order Shipping,Order Sales Tax,Item Total,Currency,Transaction ID,Listing ID,Date Paid,Date Shipped,Ship Name,Ship Address1,Ship Address2,Ship City,Ship State,Ship Zipcode,Ship Country,Order ID,Variations,Order Type,Listings Type,Payment Type,InPerson Discount,InPerson Location,VAT Paid by Buyer,SKU\n" +
		"09/03/26,Mug,ana,1,10.00,AUTUMN,,1.00,0,4.50,0,10.00,EUR,t1,l1,09/03/26,09/05/26,Ana Lima,1 Rua A,,Lisboa,,1100-001,Portugal,3001,Colour: Blue,online,listing,online_cc,,,0,MUG-1\n" +
		"09/13/26,Other,bo,1,5.00,,,0,0,0,0,5.00,EUR,t9,l9,09/13/26,,Bo,x,,y,,z,Portugal,3002,,online,listing,online_cc,,,0,POT-9\n" +
		"09/03/26,Pot,ana,1,20.00,AUTUMN,,2.00,0,4.50,0,20.00,EUR,t2,l2,09/03/26,09/05/26,Ana Lima,1 Rua A,,Lisboa,,1100-001,Portugal,3001,,online,listing,online_cc,,,0,POT-2\n"
	for _, order := range [][2]string{{"orders", "items"}, {"items", "orders"}} {
		t.Run(strings.Join(order[:], " then "), func(t *testing.T) {
			st := openStore(t)
			files := map[string]string{"orders": ordersCSV, "items": itemsCSV}
			for _, kind := range order {
				fr := importOne(t, st, FileSpec{Path: writeTemp(t, "EtsySold"+kind+".csv", []byte(files[kind]))})
				if fr.Error != "" || fr.Counts.Rejected != 0 {
					t.Fatalf("%s: %+v", kind, fr)
				}
				want := map[string]PresetName{"orders": PresetEtsyOrders, "items": PresetEtsyItems}[kind]
				if fr.Preset != want {
					t.Fatalf("%s detected as %s", kind, fr.Preset)
				}
			}
			var got domain.Order
			st.WriteBatch(context.Background(), storeMeta("probe"), writeOpts(), func(w *writer) error {
				o, ok, err := w.StoredOrder(domain.SourceEtsy, "3001")
				if !ok || err != nil {
					t.Fatalf("order 3001 not stored: %v", err)
				}
				got = o
				return errProbe
			})
			if got.Total != 3150 || len(got.Lines) != 2 || got.Lines[1].SKU != "POT-2" || got.CreatedAt.Format("2006-01-02") != "2026-09-03" {
				t.Errorf("merged order: total %d lines %+v created %s", got.Total, got.Lines, got.CreatedAt)
			}
		})
	}
}
