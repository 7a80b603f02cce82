package importer

import (
	"os"
	"strings"
	"testing"
)

// A Shopify customers export's "Accepts SMS Marketing" column is kept: the
// real 2024 export's header, with its first row and the same row opted in.
func TestShopifyCustomersSMSConsent(t *testing.T) {
	b, err := os.ReadFile(realDir + "/shopify/customers_export_2024_20col_apostrophes.csv")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitN(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n", 3)
	header, row := lines[0], lines[1]
	if !strings.Contains(header, "Accepts SMS Marketing") || !strings.Contains(row, ",no,13175.00,") {
		t.Fatalf("the real file changed: %q / %q", header, row)
	}
	yes := strings.Replace(strings.Replace(row, ",no,13175.00,", ",yes,13175.00,", 1), "'7985351721238", "'7985351721239", 1)
	got, _, err := collect(t, FileSpec{Name: "customers_export.csv", Data: []byte(header + "\n" + row + "\n" + yes + "\n")})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Customer == nil || got[1].Customer == nil {
		t.Fatalf("records: %+v", got)
	}
	if got[0].Customer.AcceptsSMS || !got[1].Customer.AcceptsSMS {
		t.Errorf("SMS consent: %v %v, want false true", got[0].Customer.AcceptsSMS, got[1].Customer.AcceptsSMS)
	}
}
