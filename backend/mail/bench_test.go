package mail

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/internal/cputime"
	"shopclerk/backend/mail/mailtest"
	"shopclerk/backend/store/outboxdb"
	"shopclerk/backend/store/storetest"

	"github.com/emersion/go-smtp"
)

// BenchmarkSend10k sends 10,000 messages through the outbox (claim,
// compose, journal, send, record: every state change committed) and, in the
// same run, the same messages through a bare go-smtp client loop on one
// connection. It reports both rates, the ratio (target >= 0.8) and the
// outbox's peak heap. The account is a generic hosting account with no
// mailbox, the case with the least help after a crash.
//
//	go test ./backend/mail -run '^$' -bench Send10k -benchtime 1x
func BenchmarkSend10k(b *testing.B) {
	n := 10000
	if v, err := strconv.Atoi(os.Getenv("SHOPCLERK_BENCH_N")); err == nil && v > 0 {
		n = v
	}
	for range b.N {
		srv := mailtest.NewSMTP(b, mailtest.SMTPOptions{NoAuth: true})
		clk := &stepClock{t: t0}
		st := outboxdb.New(storetest.Open(b, storetest.Clock(clk)))
		a := plainAccount(srv.Port())
		ob := NewOutbox(st, clk, a, SMTPDialer(a, func(context.Context) (string, error) { return "", nil }), nil, time.UTC, nil)
		var raws [][]byte
		for i := range n {
			m := &domain.OutboxMessage{Kind: domain.KindTransactional, ToAddr: fmt.Sprintf("c%d@customer.test", i), ToName: "Customer",
				Subject: "Your order", Text: "Thanks for your order!", HTML: "<p>Thanks for your order!</p>"}
			if _, err := ob.Enqueue(context.Background(), m); err != nil {
				b.Fatal(err)
			}
			c, _ := Compose(a, *m, t0)
			raws = append(raws, c.Raw)
		}
		var peak uint64
		stop := make(chan struct{})
		go func() {
			var ms runtime.MemStats
			for {
				select {
				case <-stop:
					return
				case <-time.After(20 * time.Millisecond):
					runtime.ReadMemStats(&ms)
					peak = max(peak, ms.HeapAlloc)
				}
			}
		}()
		start, cpu := time.Now(), cputime.Process()
		res, err := ob.Run(context.Background(), RunOptions{Max: n})
		ours, oursCPU := time.Since(start), cputime.Process()-cpu
		close(stop)
		if err != nil || res.Sent != n {
			b.Fatalf("%+v %v", res, err)
		}
		st.Close()

		// The reference: go-smtp's client, one connection, the same bytes.
		c, err := smtp.Dial(srv.Addr)
		if err != nil {
			b.Fatal(err)
		}
		start, cpu = time.Now(), cputime.Process()
		for i, raw := range raws {
			if err := c.SendMail("seller@shop.test", []string{fmt.Sprintf("c%d@customer.test", i)}, bytes.NewReader(raw)); err != nil {
				b.Fatal(err)
			}
		}
		bare, bareCPU := time.Since(start), cputime.Process()-cpu
		c.Quit()
		b.ReportMetric(float64(n)/ours.Seconds(), "outbox_msgs/s")
		b.ReportMetric(float64(n)/bare.Seconds(), "bare_msgs/s")
		b.ReportMetric(bare.Seconds()/ours.Seconds(), "ratio")
		b.ReportMetric(float64(peak)/(1<<20), "peak_heap_MB")
		// CPU of the whole process (sender, database, in-process server)
		// per message: what the outbox costs beside the bare loop, whatever
		// else the machine is doing.
		b.ReportMetric(float64(oursCPU.Microseconds())/float64(n), "outbox_cpu_us/msg")
		b.ReportMetric(float64(bareCPU.Microseconds())/float64(n), "bare_cpu_us/msg")
	}
}
