package inbox

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
	"testing"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/mail"
	"shopclerk/backend/mail/mailtest"
	"shopclerk/backend/store/outboxdb"
	"shopclerk/backend/store/storetest"
)

// The crash test: 1,000 queued messages, the sending process killed with
// SIGKILL at 20 random points, restarted each time; at the end every
// message reached the server exactly once. Kill points are counted in DATA
// commands seen by the server, not in time, and alternate between the two
// dangerous windows: the server took the message but the reply never
// reached the sender, and the sender died before the server took it.
// With a mailbox, the provider files accepted mail in Sent itself (as Gmail
// does), which is what lets the restarted sender tell the two apart.
// Without one (a generic account), each kill leaves exactly the message on
// the wire in doubt for the seller, and nothing else: the send journal
// proves every other claimed message never left.

const (
	crashMessages = 1000
	crashKills    = 20
	envChild      = "SHOPCLERK_CRASH_CHILD"
)

type childConfig struct {
	DB       string    `json:"db"`
	Now      time.Time `json:"now"`
	SMTPPort int       `json:"smtpPort"`
	IMAPPort int       `json:"imapPort"`
}

func crashAccount(c childConfig) mail.Account {
	a := mail.ApplyPreset(mail.Account{FromName: "Bea", FromAddress: "seller@shop.test"}, mail.ProviderGeneric)
	a.SMTPHost, a.SMTPPort, a.SMTPSecurity = "127.0.0.1", c.SMTPPort, mail.SecurityNone
	if c.IMAPPort != 0 {
		a.IMAPHost, a.IMAPPort, a.IMAPSecurity = "127.0.0.1", c.IMAPPort, mail.SecurityNone
		a.ProviderFilesSent = true
	}
	a.AllowPlaintext = true
	a.PerMinute, a.PerDay = 0, 0
	return a
}

// TestCrashChild is the sending process; it only runs when started by
// TestCrashSendsEachMessageExactlyOnce.
func TestCrashChild(t *testing.T) {
	raw := os.Getenv(envChild)
	if raw == "" {
		t.Skip("runs only as the crash test's child process")
	}
	var c childConfig
	if err := json.Unmarshal([]byte(raw), &c); err != nil {
		t.Fatal(err)
	}
	clk := clock.Fixed{T: c.Now}
	st := outboxdb.New(storetest.Open(t, storetest.Path(c.DB), storetest.Clock(clk)))
	defer st.Close()
	a := crashAccount(c)
	secret := func(context.Context) (string, error) { return "app-password", nil }
	var box mail.Mailbox
	if c.IMAPPort != 0 {
		box = NewClient(a, secret, clk)
	}
	ob := mail.NewOutbox(st, clk, a, mail.SMTPDialer(a, secret), box, time.UTC, nil)
	if _, err := ob.Recover(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := ob.Run(context.Background(), mail.RunOptions{Max: 2 * crashMessages}); err != nil {
		t.Fatal(err)
	}
}

func TestCrashSendsEachMessageExactlyOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 20+ processes")
	}
	t.Run("with mailbox", func(t *testing.T) { crashRun(t, true) })
	t.Run("generic account without mailbox", func(t *testing.T) { crashRun(t, false) })
}

func crashRun(t *testing.T, withMailbox bool) {
	ctx := context.Background()
	imapSrv := mailtest.NewIMAP(t, nil)
	rng := rand.New(rand.NewPCG(5, 2026))
	kills := map[int]mailtest.Reply{}
	for len(kills) < crashKills {
		n := 1 + rng.IntN(crashMessages-10)
		if _, dup := kills[n]; dup {
			continue
		}
		mode := mailtest.DropAfterData // accepted, reply lost
		if len(kills)%2 == 1 {
			mode = mailtest.DropBeforeAccept // not taken
		}
		kills[n] = mode
	}
	var mu sync.Mutex
	var child *exec.Cmd
	var exited, started chan struct{}
	killAfterAccept := false
	killed := 0
	killChild := func() {
		// The child is known only once cmd.Start returned (Start sets
		// cmd.Process); wait for that rather than read it while it is set.
		mu.Lock()
		ready := started
		mu.Unlock()
		<-ready
		mu.Lock()
		c, done := child, exited
		killed++
		mu.Unlock()
		c.Process.Kill() // SIGKILL: no deferred code runs, no connection is closed cleanly
		<-done
	}
	smtpSrv := mailtest.NewSMTP(t, mailtest.SMTPOptions{
		NoAuth: true,
		Script: func(n int, _ string) mailtest.Reply {
			switch kills[n] {
			case mailtest.DropBeforeAccept:
				killChild()
				return mailtest.DropBeforeAccept
			case mailtest.DropAfterData:
				mu.Lock()
				killAfterAccept = true
				mu.Unlock()
			}
			return mailtest.Accept
		},
		OnAccept: func(d mailtest.Delivery) {
			imapSrv.Deliver(t, "Sent", d.Data) // the provider files what it accepted
			mu.Lock()
			k := killAfterAccept
			killAfterAccept = false
			mu.Unlock()
			if k {
				killChild() // before the 250 reply leaves the server
			}
		},
	})
	dir := t.TempDir()
	cfg := childConfig{DB: filepath.Join(dir, "shop.db"), Now: t0, SMTPPort: smtpSrv.Port()}
	if withMailbox {
		cfg.IMAPPort = imapSrv.Port()
	}
	// Without a mailbox each kill leaves the message on the wire in doubt.
	wantSent := crashMessages
	if !withMailbox {
		wantSent -= crashKills
	}
	st := outboxdb.New(storetest.Open(t, storetest.Path(cfg.DB), storetest.At(t0)))
	for i := range crashMessages {
		m := &domain.OutboxMessage{MessageID: fmt.Sprintf("<crash-%04d@shop.test>", i), Kind: domain.KindTransactional,
			ToAddr: fmt.Sprintf("c%04d@customer.test", i), Subject: "Order " + strconv.Itoa(i), Text: "x"}
		if _, _, err := st.EnqueueMessage(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()

	runs := 0
	for ; runs < crashKills+5; runs++ {
		cfg.Now = t0.Add(time.Duration(runs) * 10 * time.Minute) // past the in-doubt grace each restart
		raw, _ := json.Marshal(cfg)
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), envChild+"="+string(raw))
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		done, ready := make(chan struct{}), make(chan struct{})
		mu.Lock()
		child, exited, started = nil, done, ready
		mu.Unlock()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		mu.Lock()
		child = cmd
		mu.Unlock()
		close(ready)
		waitErr := cmd.Wait()
		close(done)
		if waitErr != nil && !bytes.Contains(out.Bytes(), []byte("signal: killed")) && cmd.ProcessState.ExitCode() != -1 {
			t.Fatalf("run %d failed: %v\n%s", runs, waitErr, out.Bytes())
		}
		if cmd.ProcessState.ExitCode() == 0 {
			st := outboxdb.New(storetest.Open(t, storetest.Path(cfg.DB), storetest.At(cfg.Now)))
			counts, _ := st.CountMessagesByStatus(ctx)
			st.Close()
			if counts[domain.MsgSent] == wantSent {
				break
			}
		}
	}
	if killed != crashKills {
		t.Fatalf("only %d of %d kill points were reached", killed, crashKills)
	}
	seen := map[string]int{}
	for _, d := range smtpSrv.Deliveries() {
		seen[d.MessageID]++
	}
	var twice []string
	for id, n := range seen {
		if n != 1 {
			twice = append(twice, fmt.Sprintf("%s x%d", id, n))
		}
	}
	sort.Strings(twice)
	// Without a mailbox the messages the server never took stay in doubt,
	// so they were never delivered.
	if want := crashMessages - (crashMessages-wantSent)/2; len(seen) != want || len(twice) > 0 {
		t.Fatalf("%d distinct messages delivered (want %d); more than once: %v", len(seen), want, twice)
	}
	st = outboxdb.New(storetest.Open(t, storetest.Path(cfg.DB), storetest.At(cfg.Now)))
	counts, _ := st.CountMessagesByStatus(ctx)
	if counts[domain.MsgSent] != wantSent || counts[domain.MsgInDoubt] != crashMessages-wantSent {
		t.Fatalf("outbox after %d runs: %v", runs+1, counts)
	}
	inDoubt, err := st.MessagesWithStatus(ctx, domain.MsgInDoubt, crashMessages)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range inDoubt {
		// Only a message the server was handling when the sender died.
		var n int
		if _, err := fmt.Sscanf(m.MessageID, "<crash-%04d@shop.test>", &n); err != nil {
			t.Fatal(err)
		}
		if seen[m.MessageID] > 1 {
			t.Fatalf("in-doubt message %s was delivered %d times", m.MessageID, seen[m.MessageID])
		}
	}
	t.Logf("%d runs, %d kills, %d deliveries, each message at most once, %d sent, %d in doubt for the seller",
		runs+1, killed, len(smtpSrv.Deliveries()), counts[domain.MsgSent], counts[domain.MsgInDoubt])
}
