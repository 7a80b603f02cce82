package shopify_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"shopclerk/backend/connector"
	"shopclerk/backend/connector/shopify"
	"shopclerk/backend/connector/shopify/shopifytest"
	"shopclerk/backend/domain"
	"shopclerk/backend/importer"
	"shopclerk/backend/store/connectordb"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/storetest"
)

// benchCopies makes the fixture's 20 orders (and the export's 64 rows)
// into copies*20 orders, named "#1058-k", for the API and the CSV alike.
const benchCopies = 250

// BenchmarkSyncBesideCSVImport syncs 5,000 orders from the stand-in (one
// bulk operation) into an empty shop, and imports the same 5,000 orders from the
// orders export into another, in the same run: orders/s for each.
//
//	go test -run '^$' -bench SyncBesideCSVImport -benchtime 1x ./backend/connector/shopify/
func BenchmarkSyncBesideCSVImport(b *testing.B) {
	raw, err := os.ReadFile("testdata/orders_2025-04_CAD.json")
	if err != nil {
		b.Fatal(err)
	}
	var base []map[string]any
	json.Unmarshal(raw, &base)
	srv := shopifytest.New()
	defer srv.Close()
	srv.PutJSON("orders", raw)
	srv.Copies = benchCopies // served renamed #NAME-k, as WriteExportCopies names them
	csvPath := filepath.Join(b.TempDir(), "orders.csv")
	if err := shopifytest.WriteExportCopies(cadExport, csvPath, benchCopies); err != nil {
		b.Fatal(err)
	}
	n := float64(benchCopies * len(base))
	for i := 0; i < b.N; i++ {
		st := storetest.Open(b, storetest.At(now))
		db := connectordb.New(st)
		cs, _ := db.AddStore(context.Background(), domain.ConnectedStore{Name: fmt.Sprint("s", i), Kind: domain.StoreShopify, URL: srv.URL, Auth: domain.AuthToken})
		c, _ := shopify.New(shopify.Config{URL: srv.URL, Auth: domain.AuthToken, Token: srv.Token, ClientOptions: connector.ClientOptions{PageSize: 250}})
		start := time.Now()
		res, err := (&connector.Syncer{DB: db}).Sync(context.Background(), cs, c, false)
		if err != nil || res.Counts.Created < int(n) {
			b.Fatalf("sync: %v %+v", err, res.Counts)
		}
		syncSecs := time.Since(start).Seconds()

		st2 := storetest.Open(b, storetest.At(now))
		start = time.Now()
		imp, err := importer.Import(context.Background(), importdb.New(st2), []importer.FileSpec{{Path: csvPath}}, nil)
		if err != nil || imp.Files[0].Counts.Created < int(n) {
			b.Fatalf("import: %v %+v", err, imp.Files[0].Counts)
		}
		importSecs := time.Since(start).Seconds()
		b.ReportMetric(n/syncSecs, "sync-orders/s")
		b.ReportMetric(n/importSecs, "csv-orders/s")
	}
}

func mustJSON(v any) []byte { b, _ := json.Marshal(v); return b }
