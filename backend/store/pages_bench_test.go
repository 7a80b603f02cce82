//go:build bench

package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/internal/benchdb"
)

// TestPageLatency measures 100 random sorted/filtered/searched table pages on
// the shop in SHOPCLERK_BENCH_DB (the l demo shop in `make bench`) and prints
// the p95 beside the sqlite3 shell running the same SQL. It reports; it never
// fails on timing.
func TestPageLatency(t *testing.T) {
	cp := benchdb.Copy(t)
	s := openTest(t, cp, Options{})
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(1, 2))
	var emails []string
	rows, _ := s.db.Query(`SELECT email FROM customers WHERE email <> '' ORDER BY id LIMIT 500`)
	for rows.Next() {
		var e string
		rows.Scan(&e)
		emails = append(emails, e)
	}
	rows.Close()
	orderSorts := []string{"createdAt", "name", "total", "email"}
	orderFilters := []string{"", "", "paid", "pending", "refunded", "unfulfilled", "cancelled"}
	custSorts := []string{"createdAt", "lastName", "email", "totalSpent", "ordersCount", "lastOrderAt"}
	var ours []time.Duration
	var queries []string
	for i := 0; i < 100; i++ {
		req := domain.PageRequest{Limit: 50, Offset: rng.IntN(200) * 50, Desc: rng.IntN(2) == 0}
		if rng.IntN(3) == 0 && len(emails) > 0 {
			req.Search = emails[rng.IntN(len(emails))][:4]
			req.Offset = 0
		}
		var tbl tableSpec
		if i%2 == 0 {
			tbl, req.Sort, req.Filter = orderTable, orderSorts[rng.IntN(len(orderSorts))], orderFilters[rng.IntN(len(orderFilters))]
		} else {
			tbl, req.Sort = customerTable, custSorts[rng.IntN(len(custSorts))]
		}
		rowsSQL, countSQL, args, err := tbl.build(req)
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		var err2 error
		if i%2 == 0 {
			_, err2 = s.ListOrders(ctx, req)
		} else {
			_, err2 = s.ListCustomers(ctx, req)
		}
		ours = append(ours, time.Since(start))
		if err2 != nil {
			t.Fatal(err2)
		}
		queries = append(queries, inline(countSQL, args)+";", inline(rowsSQL, args)+";")
	}
	// The reference: the sqlite3 shell (C, no driver) running the same 200 statements.
	script := filepath.Join(t.TempDir(), "q.sql")
	os.WriteFile(script, []byte(strings.Join(queries, "\n")), 0o600)
	start := time.Now()
	if out, err := exec.Command("sqlite3", cp, ".read "+script).CombinedOutput(); err != nil {
		t.Fatalf("sqlite3: %v %s", err, out[:min(len(out), 500)])
	}
	shellMean := time.Since(start) / 100
	slices.Sort(ours)
	p95 := ours[94]
	fmt.Printf("| table page on the shop (p95 of 100 random sorted/filtered/searched pages, count + rows) | %.1f ms (p50 %.1f ms) | sqlite3 shell, same SQL: %.1f ms mean | < 50 ms |\n",
		ms(p95), ms(ours[49]), ms(shellMean))
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// inline substitutes ? placeholders with quoted literals for the shell.
func inline(sql string, args []any) string {
	var b strings.Builder
	i := 0
	for _, r := range sql {
		if r == '?' && i < len(args) {
			b.WriteString("'" + strings.ReplaceAll(fmt.Sprint(args[i]), "'", "''") + "'")
			i++
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
