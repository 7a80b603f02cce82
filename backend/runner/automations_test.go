package runner

import (
	"context"
	"testing"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/rules"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/rulesdb"
	"shopclerk/backend/store/storetest"
)

func TestTickRunsApprovableOnly(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	st := storetest.Open(t, storetest.At(now))
	defer st.Close()
	eng := rules.New(rulesdb.New(st), rules.Options{})
	id, _ := eng.InstallTemplate(ctx, "order_confirmation")
	if err := eng.SetEnabled(ctx, id, true); err != nil {
		t.Fatal(err)
	}
	// One order is fresh; one was paid 100 h ago, beyond the 72 h catch-up
	// window of a flow enabled just now, so it must not be mailed.
	_, _, err := importdb.New(st).WriteBatch(ctx, domain.BatchMeta{Kind: "orders"}, importdb.WriteOptions{}, func(w *importdb.Writer) error {
		for i, ago := range []time.Duration{time.Hour, 100 * time.Hour} {
			paid := now.Add(-ago)
			c := domain.Customer{Source: domain.SourceShopify, Email: []string{"a@example.com", "b@example.com"}[i]}
			if err := w.UpsertOrder(domain.Order{Source: domain.SourceShopify, ExternalID: c.Email, Name: "#" + c.Email, Email: c.Email,
				FinancialStatus: domain.FinancialPaid, Currency: "EUR", Total: 100, CreatedAt: paid, PaidAt: &paid}, &c); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	a := NewAutomations(st, eng, clock.Fixed{T: now}, nil)
	var got rules.RunResult
	a.OnRun = func(r rules.RunResult, err error) {
		if err != nil {
			t.Fatal(err)
		}
		got = r
	}
	if !a.Tick() || got.Done != 1 {
		t.Fatalf("tick did %+v", got)
	}
	if !a.Tick() || got.Done != 0 {
		t.Fatalf("second tick did %+v", got)
	}
	st.SetSetting(ctx, SettingSchedule, "every now and then")
	if err := a.Start(ctx); domain.CodeOf(err) != domain.CodeInvalid {
		t.Fatalf("bad schedule: %v", err)
	}
	st.SetSetting(ctx, SettingSchedule, DefaultSchedule)
	if err := a.Start(ctx); err != nil {
		t.Fatal(err)
	}
	a.Stop()
}
