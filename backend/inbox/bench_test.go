package inbox

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/mail"
	"shopclerk/backend/mail/mailtest"
	"shopclerk/backend/store/outboxdb"
	"shopclerk/backend/store/storetest"
)

// BenchmarkInboxSync50k: first sync of a 50,000-message mailbox, then an
// incremental sync after 100 more arrive.
//
//	go test ./backend/inbox -run '^$' -bench Sync50k -benchtime 1x
func BenchmarkInboxSync50k(b *testing.B) {
	n := 50000
	if v, err := strconv.Atoi(os.Getenv("SHOPCLERK_BENCH_N")); err == nil && v > 0 {
		n = v
	}
	for range b.N {
		srv := mailtest.NewIMAP(b, nil)
		for i := range n {
			srv.Deliver(b, "INBOX", []byte(fmt.Sprintf("From: c%d@customer.test\r\nTo: seller@shop.test\r\nSubject: Question %d\r\nMessage-ID: <q%d@customer.test>\r\n\r\nDo you ship to Norway?\r\n", i, i, i)))
		}
		clk := clock.System{}
		st := outboxdb.New(storetest.Open(b, storetest.Clock(clk)))
		a := mail.ApplyPreset(mail.Account{FromAddress: "seller@shop.test"}, mail.ProviderGeneric)
		a.SMTPHost = "127.0.0.1"
		a.IMAPHost, a.IMAPPort, a.IMAPSecurity, a.AllowPlaintext = "127.0.0.1", srv.Port(), mail.SecurityNone, true
		cl := NewClient(a, func(context.Context) (string, error) { return srv.Password, nil }, clk)
		sy := NewSyncer(st, cl, nil, nil, clk, a, nil)
		sy.Max = 0 // unbounded, to time the whole mailbox
		start := time.Now()
		res, err := sy.Sync(context.Background(), nil)
		first := time.Since(start)
		if err != nil || res.Scanned != n {
			b.Fatalf("%+v %v", res, err)
		}
		for i := range 100 {
			srv.Deliver(b, "INBOX", []byte(fmt.Sprintf("From: late%d@customer.test\r\nSubject: Hi\r\nMessage-ID: <l%d@customer.test>\r\n\r\nx\r\n", i, i)))
		}
		start = time.Now()
		res, err = sy.Sync(context.Background(), nil)
		incr := time.Since(start)
		if err != nil || res.Scanned != 100 {
			b.Fatalf("%+v %v", res, err)
		}
		st.Close()
		b.ReportMetric(first.Seconds(), "first_sync_s")
		b.ReportMetric(incr.Seconds()*1000, "incremental_100_ms")
	}
}
