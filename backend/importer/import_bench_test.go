package importer

import (
	"context"
	"os"
	"runtime"
	"runtime/pprof"
	"testing"
	"time"

	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/storetest"
)

// BenchmarkImportFile imports $IMPORT_BENCH_FILE (a large export, e.g. from
// `shopclerk demo --csv`) into a new shop, for profiling the write path with
// -cpuprofile/-memprofile. Skipped when the variable is unset.
func BenchmarkImportFile(b *testing.B) {
	file := os.Getenv("IMPORT_BENCH_FILE")
	if file == "" {
		b.Skip("set IMPORT_BENCH_FILE to a file to import")
	}
	ctx := context.Background()
	if d, err := time.ParseDuration(os.Getenv("IMPORT_BENCH_HEAP_AFTER")); err == nil {
		// A heap profile in the middle of the import, for the live set.
		time.AfterFunc(d, func() {
			if f, err := os.Create(os.Getenv("IMPORT_BENCH_HEAP")); err == nil {
				pprof.WriteHeapProfile(f)
				f.Close()
			}
		})
	}
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st := importdb.New(storetest.Open(b))
		b.StartTimer()
		res, err := Import(ctx, st, []FileSpec{{Path: file}}, nil)
		if err != nil || res.RejectedWhole() {
			b.Fatal(err, res.Files[0].Error)
		}
		b.StopTimer()
		st.Close()
		b.ReportMetric(float64(res.Files[0].Rows)/b.Elapsed().Seconds()*float64(i+1), "rows/s")
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		b.ReportMetric(float64(ms.Sys)/(1<<20), "go-sys-MB")
		b.ReportMetric(float64(ms.HeapSys-ms.HeapReleased)/(1<<20), "go-heap-MB")
	}
}
