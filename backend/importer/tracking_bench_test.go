package importer

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/storetest"
)

// BenchmarkTrackingImport100k imports a 100,000-line tracking file (order
// number, tracking number, carrier, ship date) onto a shop of 100,000
// orders, beside the import of those orders from a Shopify export of as
// many rows (make bench: scripts/bench/tracking.sh).
func BenchmarkTrackingImport100k(b *testing.B) {
	n := 100_000
	if v, err := strconv.Atoi(os.Getenv("TRACKING_BENCH_ROWS")); err == nil && v > 0 {
		n = v // a quicker run for profiling
	}
	dir := b.TempDir()
	orders, tracking := filepath.Join(dir, "orders_export.csv"), filepath.Join(dir, "shipments.csv")
	writeLines(b, orders, "Name,Email,Financial Status,Paid at,Currency,Subtotal,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku",
		n, func(i int) string {
			return fmt.Sprintf("#%d,buyer%d@example.com,paid,2026-02-01 10:00:00 +0000,USD,20.00,20.00,2026-02-01 09:00:00 +0000,1,Mug,20.00,MUG-%d", 1000+i, i%20000, i%500)
		})
	writeLines(b, tracking, "Order #,Ship Date,Carrier,Service,Tracking #", n, func(i int) string {
		return fmt.Sprintf("%d,2026-02-02,USPS,Priority Mail,%s", 1000+i, impb(i))
	})
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		st := importdb.New(storetest.Open(b, storetest.At(time.Date(2026, 2, 10, 9, 0, 0, 0, time.UTC))))
		start := time.Now()
		res, err := Import(ctx, st, []FileSpec{{Path: orders}}, nil)
		if err != nil || res.RejectedWhole() || res.Files[0].Counts.Created != n {
			b.Fatalf("orders: %v %+v", err, res.Files)
		}
		ordersTook := time.Since(start)
		start = time.Now()
		res, err = Import(ctx, st, []FileSpec{{Path: tracking}}, nil)
		if err != nil || res.RejectedWhole() || res.Files[0].Counts.Created != n || len(res.Files[0].Warnings) != 0 {
			b.Fatalf("tracking: %v %+v", err, res.Files[0].Counts)
		}
		trackingTook := time.Since(start)
		b.ReportMetric(trackingTook.Seconds(), "tracking_s")
		b.ReportMetric(ordersTook.Seconds(), "orders_s")
		b.ReportMetric(float64(n)/trackingTook.Seconds(), "tracking_rows/s")
		st.Close()
	}
}

func writeLines(b testing.TB, path, header string, n int, line func(i int) string) {
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, header)
	for i := 0; i < n; i++ {
		fmt.Fprintln(w, line(i))
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
}

// impb is the i-th USPS Intelligent Mail package barcode number with its
// GS1 mod 10 check digit.
func impb(i int) string {
	body := "9405511" + fmt.Sprintf("%014d", i)
	s, w := 0, 3
	for k := len(body) - 1; k >= 0; k-- {
		s += int(body[k]-'0') * w
		w = 4 - w
	}
	return body + strconv.Itoa((10-s%10)%10)
}
