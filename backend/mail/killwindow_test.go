package mail

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/mail/mailtest"
	"shopclerk/backend/store/outboxdb"
	"shopclerk/backend/store/storetest"
)

// The doubt a crash can leave is the moment between a message's final dot
// and the server's answer: a sending process killed (SIGKILL) anywhere
// before that dot leaves a message the server never took, which the next
// start queues again without asking anyone. Before the fix the journal
// named a message before its MAIL FROM, so a kill at its RCPT TO left it
// in doubt: with no mailbox to look in, the seller had to decide.

const envKillChild = "SHOPCLERK_KILLWINDOW_CHILD"

type killChildConfig struct {
	DB          string    `json:"db"`
	Now         time.Time `json:"now"`
	Port        int       `json:"port"`
	ConfirmCopy bool      `json:"confirmCopy"`
}

// TestKillWindowChild is the sending process of
// TestKillBeforeTheFinalDotLeavesNoDoubt; it runs only as its child.
func TestKillWindowChild(t *testing.T) {
	raw := os.Getenv(envKillChild)
	if raw == "" {
		t.Skip("runs only as a child of TestKillBeforeTheFinalDotLeavesNoDoubt")
	}
	var c killChildConfig
	if err := json.Unmarshal([]byte(raw), &c); err != nil {
		t.Fatal(err)
	}
	clk := clock.Fixed{T: c.Now}
	st := outboxdb.New(storetest.Open(t, storetest.Path(c.DB), storetest.Clock(clk)))
	a := plainAccount(c.Port)
	a.ConfirmCopy = c.ConfirmCopy
	ob := NewOutbox(st, clk, a, SMTPDialer(a, func(context.Context) (string, error) { return "", nil }), nil, time.UTC, nil)
	if _, err := ob.Send(context.Background(), RunOptions{}); err != nil {
		t.Fatal(err)
	}
}

func TestKillBeforeTheFinalDotLeavesNoDoubt(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	for _, confirmCopy := range []bool{false, true} {
		name := "pipelined"
		if confirmCopy {
			name = "one command at a time (confirm copy)"
		}
		t.Run(name, func(t *testing.T) { killWindowRun(t, confirmCopy) })
	}
}

func killWindowRun(t *testing.T, confirmCopy bool) {
	const n = 12
	ctx := context.Background()
	addr := func(i int) string { return fmt.Sprintf("c%02d@customer.test", i) }
	mid := func(i int) string { return fmt.Sprintf("<kill-%02d@shop.test>", i) }
	// Killed at the RCPT TO of c02 and c05 (before any content), and after
	// the server took kill-08 (its reply never sent).
	beforeDot := map[string]bool{addr(2): true, addr(5): true}
	afterDot := mid(8)

	var mu sync.Mutex
	var child *exec.Cmd
	var exited chan struct{}
	kills := 0
	kill := func() {
		mu.Lock()
		c, done := child, exited
		kills++
		mu.Unlock()
		c.Process.Kill()
		<-done // dead before the server goes on
	}
	srv := mailtest.NewSMTP(t, mailtest.SMTPOptions{
		NoAuth: true,
		RcptReply: func(to string) mailtest.Reply {
			mu.Lock()
			k := beforeDot[to]
			delete(beforeDot, to)
			mu.Unlock()
			if k {
				kill()
			}
			return mailtest.Accept
		},
		OnAccept: func(d mailtest.Delivery) {
			mu.Lock()
			k := d.MessageID == afterDot
			if k {
				afterDot = ""
			}
			mu.Unlock()
			if k {
				kill()
			}
		},
	})
	cfg := killChildConfig{DB: filepath.Join(t.TempDir(), "shop.db"), Now: t0, Port: srv.Port(), ConfirmCopy: confirmCopy}
	st := outboxdb.New(storetest.Open(t, storetest.Path(cfg.DB), storetest.At(t0)))
	for i := range n {
		if _, _, err := st.EnqueueMessage(ctx, &domain.OutboxMessage{MessageID: mid(i), Kind: domain.KindTransactional,
			ToAddr: addr(i), Subject: "Order", Text: "x"}); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()

	for run := 0; run < 6; run++ {
		cfg.Now = t0.Add(time.Duration(run) * 10 * time.Minute)
		raw, _ := json.Marshal(cfg)
		cmd := exec.Command(os.Args[0], "-test.run=^TestKillWindowChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), envKillChild+"="+string(raw))
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		done := make(chan struct{})
		mu.Lock()
		child, exited = cmd, done
		if err := cmd.Start(); err != nil {
			mu.Unlock()
			t.Fatal(err)
		}
		mu.Unlock()
		err := cmd.Wait()
		close(done)
		if err == nil {
			break
		}
		if cmd.ProcessState.ExitCode() != -1 { // -1: killed by a signal
			t.Fatalf("run %d: %v\n%s", run, err, out.Bytes())
		}
	}
	if kills != 3 {
		t.Fatalf("%d kills, want 3", kills)
	}
	st = outboxdb.New(storetest.Open(t, storetest.Path(cfg.DB), storetest.At(cfg.Now)))
	counts, err := st.CountMessagesByStatus(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Only the message the server took before the kill is in doubt (no
	// mailbox can tell): the two killed before their dot went again.
	if counts[domain.MsgSent] != n-1 || counts[domain.MsgInDoubt] != 1 {
		t.Fatalf("outbox: %v", counts)
	}
	seen := map[string]int{}
	for _, d := range srv.Deliveries() {
		seen[d.MessageID]++
	}
	for i := range n {
		if seen[mid(i)] != 1 {
			t.Fatalf("%s delivered %d times", mid(i), seen[mid(i)])
		}
	}
}
