package mail

import (
	"context"
	"strings"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/mail/mailtest"
	"shopclerk/backend/store/importdb"
)

// optIn makes the addresses customers who accept marketing mail.
func (r *rig) optIn(t *testing.T, emails ...string) {
	t.Helper()
	_, _, err := importdb.New(r.st.Store).WriteBatch(context.Background(), domain.BatchMeta{FileName: "t", Kind: "customers"}, importdb.WriteOptions{}, func(w *importdb.Writer) error {
		for _, e := range emails {
			if _, err := w.UpsertCustomer(domain.Customer{Source: domain.SourceManual, Email: e, AcceptsMarketing: true}, importdb.CustomerAuthoritative); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func berlin(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// quietOutbox is the rig's outbox in the shop's zone (Berlin).
func (r *rig) quietOutbox(loc *time.Location) *Outbox {
	o := r.outbox()
	o.loc = loc
	return o
}

// Marketing mail due at night waits for the end of the quiet hours (08:00
// in the shop's zone), across midnight, whether the run is automatic or a
// Send now; order mail goes; the Why column says until when.
func TestQuietHoursHoldMarketingUntilMorning(t *testing.T) {
	ctx := context.Background()
	loc := berlin(t)
	r := newRig(t, mailtest.SMTPOptions{}, nil)
	r.optIn(t, "c0@customer.test")
	r.clk.t = time.Date(2026, 3, 2, 22, 30, 0, 0, loc)
	mk := r.enqueue(t, 1, domain.KindMarketing)[0]
	order := r.enqueue(t, 2, domain.KindTransactional)[1]
	res, err := r.quietOutbox(loc).Run(ctx, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Sent != 2 || res.Deferred != 1 || status(t, r.st, order).Status != domain.MsgSent {
		t.Fatalf("run at 22:30: %+v", res)
	}
	m := status(t, r.st, mk)
	morning := time.Date(2026, 3, 3, 8, 0, 0, 0, loc)
	if m.Status != domain.MsgDeferred || m.NextAttemptAt == nil || !m.NextAttemptAt.Equal(morning) || m.Attempts != 0 {
		t.Fatalf("held: %+v", m)
	}
	why := func() string {
		t.Helper()
		w, err := r.quietOutbox(loc).WaitState(ctx, true)
		if err != nil {
			t.Fatal(err)
		}
		return w.Why(status(t, r.st, mk))
	}
	if got := why(); !strings.HasPrefix(got, "Quiet hours until 08:00") {
		t.Fatalf("why at 22:30: %q", got)
	}
	// Past midnight, a Send now sends nothing and still says why.
	r.clk.t = time.Date(2026, 3, 3, 0, 30, 0, 0, loc)
	rep, err := r.quietOutbox(loc).Send(ctx, RunOptions{})
	if err != nil || rep.Run.Sent != 0 {
		t.Fatalf("send now at 00:30: %+v %v", rep, err)
	}
	if got := why(); !strings.HasPrefix(got, "Quiet hours until 08:00") {
		t.Fatalf("why at 00:30: %q", got)
	}
	// A queued one (not yet claimed) says the same.
	w, _ := r.quietOutbox(loc).WaitState(ctx, true)
	if got := w.Why(domain.OutboxMessage{Status: domain.MsgQueued, Kind: domain.KindMarketing}); !strings.HasPrefix(got, "Quiet hours until 08:00") {
		t.Fatalf("queued: %q", got)
	}
	r.clk.t = morning
	if res := mustRun(t, r.quietOutbox(loc)); res.Sent != 1 || status(t, r.st, mk).Status != domain.MsgSent {
		t.Fatalf("morning: %+v", res)
	}
	if n := len(r.srv.Deliveries()); n != 3 {
		t.Fatalf("%d deliveries", n)
	}
}

// The night the clocks go forward is an hour shorter: the wait still ends
// at 08:00 local time (06:00 UTC), not at 07:00 UTC.
func TestQuietHoursAcrossTheDSTChange(t *testing.T) {
	ctx := context.Background()
	loc := berlin(t)
	r := newRig(t, mailtest.SMTPOptions{}, nil)
	r.optIn(t, "c0@customer.test")
	r.st.SetSetting(ctx, domain.SettingQuietHours, "22-8")
	r.clk.t = time.Date(2026, 3, 28, 23, 15, 0, 0, loc)
	mk := r.enqueue(t, 1, domain.KindMarketing)[0]
	mustRun(t, r.quietOutbox(loc))
	want := time.Date(2026, 3, 29, 6, 0, 0, 0, time.UTC)
	if m := status(t, r.st, mk); m.NextAttemptAt == nil || !m.NextAttemptAt.Equal(want) {
		t.Fatalf("held until %v, want %v", m.NextAttemptAt, want)
	}
	r.clk.t = want.Add(-time.Minute) // 07:59 CEST
	if res := mustRun(t, r.quietOutbox(loc)); res.Sent != 0 {
		t.Fatalf("sent at 07:59: %+v", res)
	}
	r.clk.t = want
	if res := mustRun(t, r.quietOutbox(loc)); res.Sent != 1 {
		t.Fatalf("not sent at 08:00: %+v", res)
	}
	// Quiet hours off: marketing goes at night.
	r.st.SetSetting(ctx, domain.SettingQuietHours, "off")
	r.clk.t = time.Date(2026, 3, 29, 23, 0, 0, 0, loc)
	r.enqueue(t, 1, domain.KindMarketing)
	if res := mustRun(t, r.quietOutbox(loc)); res.Sent != 1 {
		t.Fatalf("off: %+v", res)
	}
}

func mustRun(t *testing.T, o *Outbox) RunResult {
	t.Helper()
	res, err := o.Run(context.Background(), RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// A Send now inside the quiet hours says how many marketing emails wait
// for them and until when, shop time: those it held and those an earlier
// run held (which it does not claim); order mail is not among them.
func TestSendNowSaysWhatWaitsForQuietHours(t *testing.T) {
	ctx := context.Background()
	loc := berlin(t)
	r := newRig(t, mailtest.SMTPOptions{}, nil)
	r.optIn(t, "c0@customer.test", "c1@customer.test")
	r.clk.t = time.Date(2026, 3, 2, 22, 30, 0, 0, loc)
	r.enqueue(t, 1, domain.KindMarketing)
	r.enqueue(t, 1, domain.KindTransactional)
	morning := time.Date(2026, 3, 3, 8, 0, 0, 0, loc)
	rep, err := r.quietOutbox(loc).Send(ctx, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res := rep.Run; res.QuietHeld != 1 || res.QuietUntil == nil || !res.QuietUntil.Equal(morning) || res.QuietUntilShop != "08:00" {
		t.Fatalf("22:30: held %d until %v (%q)", res.QuietHeld, res.QuietUntil, res.QuietUntilShop)
	}
	// Past midnight: one more falls due; the one held before still waits.
	r.clk.t = time.Date(2026, 3, 3, 0, 30, 0, 0, loc)
	r.enqueue(t, 1, domain.KindMarketing)
	rep, err = r.quietOutbox(loc).Send(ctx, RunOptions{})
	if err != nil || rep.Run.Sent != 0 || rep.Run.Deferred != 1 {
		t.Fatalf("00:30: %+v %v", rep.Run, err)
	}
	if res := rep.Run; res.QuietHeld != 2 || res.QuietUntilShop != "08:00" {
		t.Fatalf("00:30: held %d until %q", res.QuietHeld, res.QuietUntilShop)
	}
	r.clk.t = morning
	if res := mustRun(t, r.quietOutbox(loc)); res.Sent != 2 || res.QuietHeld != 0 || res.QuietUntil != nil {
		t.Fatalf("morning: %+v", res)
	}
}
