//go:build bench

package customers

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/internal/benchdb"
	"shopclerk/backend/store/customersdb"
	"shopclerk/backend/store/storetest"
)

// benchNow is the clock the l demo shop of `make bench` was made with.
var benchNow = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// TestRFMSpeed scores the l shop's customers and prints the time beside the
// sqlite3 shell computing the same quintiles with NTILE window functions
// over the same file, then checks both gave every customer the same scores.
// It reports; it never fails on timing.
func TestRFMSpeed(t *testing.T) {
	cp := benchdb.Copy(t)
	st := storetest.Open(t, storetest.Path(cp), storetest.At(benchNow))
	ctx := context.Background()
	svc := New(customersdb.New(st), clock.Fixed{T: benchNow}, nil)
	// The first scoring also makes last month's snapshot; time it apart.
	start := time.Now()
	if _, err := svc.Recompute(ctx); err != nil {
		t.Fatal(err)
	}
	firstTook := time.Since(start)
	start = time.Now()
	res, err := svc.Recompute(ctx)
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	start = time.Now()
	from := benchNow.AddDate(0, 0, -res.WindowDays).Unix()
	in, err := svc.db.RFMInputs(ctx, from, benchNow.Unix())
	if err != nil {
		t.Fatal(err)
	}
	scores := score(in)
	scoreOnly := time.Since(start)
	st.Close()

	// The reference: the same quintiles in the sqlite3 shell, reading the
	// same index (its own choice, the orders' date index, is slower).
	out := filepath.Join(t.TempDir(), "ntile.csv")
	script := fmt.Sprintf(`.mode csv
.output %s
WITH agg AS (SELECT customer_id AS id, MAX(created_at) AS last, COUNT(*) AS n, SUM(total - refunded) AS spent
  FROM orders INDEXED BY orders_customer WHERE customer_id IS NOT NULL AND cancelled_at IS NULL AND created_at >= %d AND created_at <= %d
  GROUP BY customer_id)
SELECT id, NTILE(5) OVER (ORDER BY last, id), NTILE(5) OVER (ORDER BY n, id), NTILE(5) OVER (ORDER BY spent, id) FROM agg;
`, out, from, benchNow.Unix())
	start = time.Now()
	cmd := exec.Command("sqlite3", cp)
	cmd.Stdin = strings.NewReader(script)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("sqlite3: %v %s", err, b)
	}
	shell := time.Since(start)

	// Same scores for every customer in the window.
	ours := map[int64][3]int{}
	for _, s := range scores {
		if s.R > 0 {
			ours[s.CustomerID] = [3]int{s.R, s.F, s.M}
		}
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n, diff := 0, 0
	for sc.Scan() {
		p := strings.Split(sc.Text(), ",")
		id, _ := strconv.ParseInt(p[0], 10, 64)
		r, _ := strconv.Atoi(p[1])
		fq, _ := strconv.Atoi(p[2])
		m, _ := strconv.Atoi(p[3])
		if ours[id] != [3]int{r, fq, m} {
			diff++
		}
		n++
	}
	if n != len(ours) || diff != 0 {
		t.Errorf("the shell scored %d customers, Shopclerk %d; %d differ", n, len(ours), diff)
	}
	fmt.Printf("| RFM over the shop (%d customers scored, %d in the window; quintiles checked equal to the shell's) | %.2f s (reading and scoring %.2f s; first run with last month's snapshot %.2f s) | sqlite3 shell, NTILE window functions: %.2f s | |\n",
		res.Scored, n, took.Seconds(), scoreOnly.Seconds(), firstTook.Seconds(), shell.Seconds())
}

// TestCustomerPageSpeed times the customer page (profile, figures,
// addresses, consent, tags, notes, scores, segments and the timeline's
// first page) of the l shop's busiest customer: under 100 ms to data.
func TestCustomerPageSpeed(t *testing.T) {
	cp := benchdb.Copy(t)
	st := storetest.Open(t, storetest.Path(cp), storetest.At(benchNow))
	ctx := context.Background()
	db := customersdb.New(st)
	svc := New(db, clock.Fixed{T: benchNow}, nil)
	if _, err := svc.Recompute(ctx); err != nil {
		t.Fatal(err)
	}
	var id int64
	var orders int
	if err := st.SQL().QueryRow(`SELECT id, orders_count FROM customers ORDER BY orders_count DESC, id LIMIT 1`).Scan(&id, &orders); err != nil {
		t.Fatal(err)
	}
	var times, pages []time.Duration
	var first time.Duration
	cursor := ""
	for i := range 21 {
		start := time.Now()
		p, err := svc.Page(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if i > 0 {
			times = append(times, time.Since(start))
		} else {
			first, cursor = time.Since(start), p.Timeline.Next
		}
		start = time.Now()
		if _, err := svc.Timeline(ctx, id, cursor, 0); err != nil {
			t.Fatal(err)
		}
		pages = append(pages, time.Since(start))
	}
	slices.Sort(times)
	slices.Sort(pages)
	fmt.Printf("| customer page of the busiest customer (%d orders): profile, figures, consent, tags, scores and the first timeline page | %.1f ms p50, %.1f ms max (next timeline page %.1f ms p50) | first call after opening: %.1f ms | < 100 ms |\n",
		orders, ms(times[len(times)/2]), ms(times[len(times)-1]), ms(pages[len(pages)/2]), ms(first))
}
