package campaigns

import (
	"context"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store"
	"shopclerk/backend/store/storetest"
)

// The kill test's child: it plans the campaign in the shop at
// CAMPAIGN_KILL_DB and kills itself with SIGKILL after rendering
// CAMPAIGN_KILL_AFTER emails, in the middle of the planning transaction.
func TestHelperKilledPlan(t *testing.T) {
	path := os.Getenv("CAMPAIGN_KILL_DB")
	if path == "" {
		t.Skip("the kill test's child")
	}
	after, _ := strconv.Atoi(os.Getenv("CAMPAIGN_KILL_AFTER"))
	id, _ := strconv.ParseInt(os.Getenv("CAMPAIGN_KILL_ID"), 10, 64)
	at, _ := time.Parse(time.RFC3339, os.Getenv("CAMPAIGN_KILL_NOW"))
	clk := &pinned{t: at}
	st, err := store.Open(context.Background(), path, store.Options{Clock: clk, Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	f := fixtureOn(t, st, clk)
	n := 0
	f.svc.rendered = func() {
		if n++; n == after {
			syscall.Kill(os.Getpid(), syscall.SIGKILL)
			time.Sleep(time.Minute)
		}
	}
	f.svc.Send(f.ctx, id, true)
	t.Fatal("the child was not killed")
}

// TestKilledCampaignResumes kills (SIGKILL) a process while it plans the
// campaign's sample, then while it plans the rest, and plans again after
// each: every recipient ends with exactly one email and one coupon, as
// after an uninterrupted run.
func TestKilledCampaignResumes(t *testing.T) {
	if testing.Short() {
		t.Skip("runs child processes; skipped with -short")
	}
	path := filepath.Join(t.TempDir(), "shop.db")
	clk := &pinned{t: testNow}
	open := func() *fixture {
		st, err := store.Open(context.Background(), path, store.Options{Clock: clk, Log: slog.New(slog.DiscardHandler)})
		if err != nil {
			t.Fatal(err)
		}
		return fixtureOn(t, st, clk)
	}
	f := open()
	if err := f.st.SetSetting(f.ctx, domain.SettingShopName, "Test Shop"); err != nil {
		t.Fatal(err)
	}
	f.customers(500, 0)
	c := f.create(abSpec())
	f.st.Close()
	kill := func(after int) {
		t.Helper()
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperKilledPlan$", "-test.count=1")
		cmd.Env = append(os.Environ(), "CAMPAIGN_KILL_DB="+path, "CAMPAIGN_KILL_AFTER="+strconv.Itoa(after),
			"CAMPAIGN_KILL_ID="+strconv.FormatInt(c.ID, 10), "CAMPAIGN_KILL_NOW="+clk.Now().Format(time.RFC3339))
		out, err := cmd.CombinedOutput()
		ee, ok := err.(*exec.ExitError)
		if !ok || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
			t.Fatalf("the child was not killed: %v\n%s", err, out)
		}
	}
	check := func(f *fixture, wantMsgs int) {
		t.Helper()
		if n := storetest.Count(f.t, f.st, `SELECT COUNT(*) FROM messages`); n != wantMsgs {
			t.Fatalf("%d emails, want %d", n, wantMsgs)
		}
		if n := storetest.Count(f.t, f.st, `SELECT COUNT(*) FROM coupons`); n != wantMsgs {
			t.Fatalf("%d coupons, want %d", n, wantMsgs)
		}
		if n := storetest.Count(f.t, f.st, `SELECT COUNT(*) - COUNT(DISTINCT customer_id) FROM messages`); n != 0 {
			t.Fatalf("%d customers with two emails", n)
		}
	}
	kill(60) // the sample is 100: killed part-way through it
	f = open()
	check(f, 0) // nothing half-written
	f.send(c.ID)
	check(f, 100)
	f.st.Close()

	clk.Add(4 * time.Hour)
	kill(250) // part-way through the rest's 400
	f = open()
	check(f, 100)
	f.send(c.ID)
	check(f, 500)
	if n := storetest.Count(f.t, f.st, `SELECT COUNT(*) FROM campaign_recipients WHERE message_id IS NULL`); n != 0 {
		t.Fatalf("%d recipients without their email", n)
	}
}
