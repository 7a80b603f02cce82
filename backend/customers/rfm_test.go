package customers

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"testing"

	"shopclerk/backend/clock"
	"shopclerk/backend/demo"
	"shopclerk/backend/domain"
	"shopclerk/backend/store/customersdb"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/storetest"
)

// The quintiles are SQLite's NTILE(5): the sqlite3 shell's figure in the
// benchmark is the same computation. Checked against SQLite itself for
// every row count up to 60.
func TestNtileIsSQLite(t *testing.T) {
	st := storetest.Open(t)
	for n := 1; n <= 60; n++ {
		rows, err := st.SQL().Query(`WITH RECURSIVE x(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM x WHERE i + 1 < ?)
			SELECT i, NTILE(5) OVER (ORDER BY i) FROM x`, n)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var i, tile int
			rows.Scan(&i, &tile)
			if got := ntile(i, n, 5); got != tile {
				t.Errorf("n=%d row %d: tile %d, SQLite says %d", n, i, got, tile)
			}
		}
		rows.Close()
	}
}

func TestSegmentGrid(t *testing.T) {
	counts := map[Segment]int{}
	for r := 1; r <= 5; r++ {
		for f := 1; f <= 5; f++ {
			for m := 1; m <= 5; m++ {
				counts[segmentFor(r, f, m)]++
			}
		}
	}
	for _, seg := range Segments {
		if counts[seg] == 0 {
			t.Errorf("no score lands in %s", seg)
		}
	}
	for _, c := range []struct {
		r, f, m int
		want    Segment
	}{
		{5, 5, 5, SegChampions}, {4, 5, 5, SegChampions}, {5, 4, 4, SegChampions}, {4, 4, 4, SegLoyal}, {3, 3, 3, SegLoyal},
		{5, 2, 2, SegPotential}, {5, 1, 5, SegNew}, {4, 1, 1, SegNew}, {3, 1, 1, SegPotential}, {2, 3, 3, SegAtRisk},
		{1, 5, 5, SegCantLose}, {2, 5, 5, SegCantLose}, {1, 4, 4, SegCantLose}, {2, 1, 2, SegHibernating}, {1, 1, 2, SegLost},
	} {
		if got := segmentFor(c.r, c.f, c.m); got != c.want {
			t.Errorf("r%d f%d m%d: %s, want %s", c.r, c.f, c.m, got, c.want)
		}
	}
}

func TestRecomputeKeepsMonthsAndMoves(t *testing.T) {
	f := newFixture(t)
	// Ten customers: customer i ordered i+1 times, the last i*30 days ago;
	// customer 9 only before the window.
	f.write(func(w *importdb.Writer) error {
		for i := range 10 {
			email := fmt.Sprintf("c%d@example.com", i)
			for k := 0; k <= i; k++ {
				days := i*30 + k
				if i == 9 {
					days += 400
				}
				if err := w.UpsertOrder(order(fmt.Sprintf("#%d-%d", i, k), email, int64(1000*(i+1)), days, false), customer(email, "C")); err != nil {
					return err
				}
			}
		}
		return nil
	})
	res, err := f.svc.Recompute(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The first scoring also makes last month's snapshot from the orders as
	// they stood then, so movement shows at once.
	if res.Scored != 10 || res.Month != "2026-03" || res.Backfilled != "2026-02" || res.Counts[string(SegLost)] == 0 {
		t.Fatalf("result %+v", res)
	}
	lost, _, _ := f.db.CustomerRFM(f.ctx, f.id("c9@example.com"))
	if lost.Segment != string(SegLost) || lost.R != 0 {
		t.Errorf("a customer with no order in the window: %+v", lost)
	}
	o, err := f.svc.Overview(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, c := range o.RFM {
		total += c.Count
	}
	if o.LastMonth != "2026-02" || total != 10 || o.Customers != 10 || o.Unscored != 0 || o.WindowDays != DefaultWindowDays {
		t.Errorf("overview %+v", o)
	}
	// A second scoring in the same month keeps each unchanged customer's
	// "since" and writes only the rows that changed.
	c0 := f.id("c0@example.com")
	before, _, _ := f.db.CustomerRFM(f.ctx, c0)
	storetest.Exec(f.t, f.st, `UPDATE rfm_scores SET orders = -1 WHERE customer_id = ?`, f.id("c5@example.com"))
	later := New(f.db, clock.Fixed{T: testNow.AddDate(0, 0, 3)}, nil)
	if res, err = later.Recompute(f.ctx); err != nil || res.Backfilled != "" {
		t.Fatalf("again: %+v %v", res, err)
	}
	after, _, _ := f.db.CustomerRFM(f.ctx, c0)
	if after.Segment == before.Segment && after.Since != before.Since {
		t.Errorf("since moved for an unchanged segment: %d -> %d", before.Since, after.Since)
	}
	if n := storetest.Count(f.t, f.st, `SELECT COUNT(*) FROM rfm_scores WHERE orders < 0`); n != 0 {
		t.Error("a changed row was not written again")
	}
	if n := storetest.Count(f.t, f.st, `SELECT COUNT(*) FROM rfm_months WHERE month = '2026-03'`); n != 0 {
		t.Errorf("March is kept before it is over: %d rows", n)
	}
	// The first scoring of April keeps March's last as March's snapshot.
	april := New(f.db, clock.Fixed{T: testNow.AddDate(0, 1, 1)}, nil)
	if _, err := april.Recompute(f.ctx); err != nil {
		t.Fatal(err)
	}
	if n := storetest.Count(f.t, f.st, `SELECT COUNT(*) FROM rfm_months WHERE month = '2026-03'`); n != 10 {
		t.Errorf("March's snapshot holds %d customers", n)
	}
	if o, err = april.Overview(f.ctx); err != nil || o.LastMonth != "2026-03" || o.Month != "2026-04" {
		t.Errorf("April's overview: %+v %v", o, err)
	}
	// c1 bought in January: scored in February's snapshot, March's and now.
	sc, err := april.customerScores(f.ctx, f.id("c1@example.com"))
	if err != nil || len(sc.History) != 3 || sc.History[0].Month != "2026-04" || sc.History[2].Month != "2026-02" {
		t.Errorf("history %+v %v", sc, err)
	}
	if _, err := f.svc.SetWindowDays(f.ctx, 7); domain.CodeOf(err) != domain.CodeInvalid {
		t.Errorf("a 7-day window: %v", err)
	}
	if res, err = f.svc.SetWindowDays(f.ctx, 90); err != nil || res.WindowDays != 90 || f.svc.WindowDays(f.ctx) != 90 {
		t.Errorf("a 90-day window: %+v %v", res, err)
	}
}

// rfmGolden is what the golden file pins of a scoring: the counts per
// segment, this month's and the backfilled last month's, the moves, and a
// hash of every customer's scores.
type rfmGolden struct {
	Scored     int            `json:"scored"`
	Counts     map[string]int `json:"counts"`
	LastMonth  map[string]int `json:"lastMonth"`
	Moves      []Move         `json:"moves"`
	ScoresHash string         `json:"scoresHash"`
}

// The RFM scores of the m demo shop (100k orders, 20k customers), with the
// clock pinned: the demo is deterministic, so any change to the scoring
// shows here. Regenerate with -update after a deliberate change.
func TestRFMGoldenDemoM(t *testing.T) {
	if testing.Short() {
		t.Skip("generates the m demo shop (about 10 s of CPU)")
	}
	st := storetest.Open(t, storetest.At(testNow))
	ctx := context.Background()
	if _, err := demo.Generate(ctx, importdb.New(st), clock.Fixed{T: testNow}, demo.SizeM, demo.DefaultSeed, nil); err != nil {
		t.Fatal(err)
	}
	db := customersdb.New(st)
	svc := New(db, clock.Fixed{T: testNow}, nil)
	res, err := svc.Recompute(ctx)
	if err != nil {
		t.Fatal(err)
	}
	o, err := svc.Overview(ctx)
	if err != nil {
		t.Fatal(err)
	}
	g := rfmGolden{Scored: res.Scored, Counts: res.Counts, LastMonth: map[string]int{}, Moves: o.Moves}
	for _, c := range o.RFM {
		g.LastMonth[string(c.Segment)] = c.LastMonth
	}
	h := fnv.New64a()
	rows, err := st.SQL().Query(`SELECT customer_id, r, f, m, segment FROM rfm_scores ORDER BY customer_id`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id, r, f, m int
		var seg string
		rows.Scan(&id, &r, &f, &m, &seg)
		fmt.Fprintf(h, "%d %d%d%d %s\n", id, r, f, m, seg)
	}
	rows.Close()
	g.ScoresHash = fmt.Sprintf("%016x", h.Sum64())
	got, _ := json.MarshalIndent(g, "", "  ")
	path := filepath.Join("testdata", "rfm_demo_m.golden.json")
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(path, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(want) != string(got)+"\n" {
		t.Errorf("RFM of the m demo shop changed:\n%s\nwant:\n%s", got, want)
	}
	// Everyone who bought is scored, and nobody twice.
	var buyers int
	st.SQL().QueryRow(`SELECT COUNT(*) FROM customers WHERE orders_count > 0`).Scan(&buyers)
	if res.Scored != buyers {
		t.Errorf("scored %d of %d customers with orders", res.Scored, buyers)
	}
}
