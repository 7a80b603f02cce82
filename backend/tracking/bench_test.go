package tracking

import (
	"fmt"
	"regexp"
	"testing"
	"time"

	"shopclerk/backend/internal/cputime"
)

// benchNumbers is a million numbers in the mix a shop sees: most valid and
// unique, some ambiguous, some with a wrong check digit, some lower case or
// spaced (which Normalize must copy).
func benchNumbers(n int) []string {
	out := make([]string, 0, n)
	for i := 0; len(out) < n; i++ {
		c := detectCases[i%len(detectCases)]
		out = append(out, c.raw)
	}
	return out
}

// BenchmarkDetect1M detects a million numbers per iteration and reports
// numbers per second (make bench: scripts/bench/tracking.sh).
func BenchmarkDetect1M(b *testing.B) {
	nums := benchNumbers(1_000_000)
	b.ResetTimer()
	start, cpu := time.Now(), cputime.Process()
	iters := 0
	for b.Loop() {
		for _, n := range nums {
			_ = Detect(n, "")
		}
		iters++
	}
	report(b, iters*len(nums), time.Since(start), cputime.Process()-cpu)
}

// report gives numbers per second of wall time and, where measured, per
// second of CPU time: on a shared machine the wall figure swings with the
// load, the CPU one does not (the loop runs on one goroutine).
func report(b *testing.B, n int, wall, cpu time.Duration) {
	b.ReportMetric(float64(n)/wall.Seconds(), "numbers/s")
	if cpu > 0 {
		b.ReportMetric(float64(n)/cpu.Seconds(), "numbers/cpu-s")
	}
}

// BenchmarkRegexpReference is the floor of the obvious alternative: one
// regular expression (UPS's) tried on each number, where Detect tries the
// whole table and a check digit.
func BenchmarkRegexpReference1M(b *testing.B) {
	nums := benchNumbers(1_000_000)
	re := regexp.MustCompile(`^1Z[0-9A-Z]{16}$`)
	b.ResetTimer()
	start, cpu := time.Now(), cputime.Process()
	iters := 0
	for b.Loop() {
		for _, n := range nums {
			_ = re.MatchString(n)
		}
		iters++
	}
	report(b, iters*len(nums), time.Since(start), cputime.Process()-cpu)
}

func ExampleDetect() {
	d := Detect("1z 999 aa1 01 2345 6784", "")
	fmt.Println(d.Carrier.Name, d.Number, d.Link())
	d = Detect("786123456789", "")
	fmt.Println(d.CarrierName() == "", d.Problem)
	// Output:
	// UPS 1Z999AA10123456784 https://www.ups.com/track?tracknum=1Z999AA10123456784
	// true ambiguous
}
