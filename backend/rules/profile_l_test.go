package rules_test

import (
	"context"
	"os"
	"runtime/pprof"
	"testing"
	"time"

	"shopclerk/backend/mail"
	"shopclerk/backend/rules"
	"shopclerk/backend/rules/flow"
	"shopclerk/backend/store/rulesdb"
	"shopclerk/backend/store/storetest"
)

// TestProfileL plans (and with SHOPCLERK_PROF_RUN=1 runs) every template over
// a copy of the l demo shop, writing a CPU profile per phase. Skipped unless
// SHOPCLERK_PROF_DB names a copy (never the cached bench file itself).
func TestProfileL(t *testing.T) {
	db := os.Getenv("SHOPCLERK_PROF_DB")
	if db == "" {
		t.Skip("SHOPCLERK_PROF_DB not set")
	}
	ctx := context.Background()
	// Open is timed apart: every CLI run (the schedule's tick) pays it, and
	// it runs PRAGMA optimize.
	t0 := time.Now()
	st := storetest.Open(t, storetest.Path(db))
	var err error
	defer st.Close()
	t.Logf("open %v", time.Since(t0))
	e := rules.New(rulesdb.New(st), rules.Options{Renderer: &mail.Templates{}})
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	flows, _ := e.ListFlows(ctx)
	have := map[string]bool{}
	for _, f := range flows {
		have[f.Template] = true
	}
	for _, tp := range flow.Templates {
		if have[tp.Key] {
			continue
		}
		id, err := e.InstallTemplate(ctx, tp.Key)
		if err != nil {
			t.Fatal(err)
		}
		if err := e.SetEnabled(ctx, id, true); err != nil {
			t.Fatal(err)
		}
	}
	prof := func(name string, f func()) {
		out, _ := os.Create(os.Getenv("SHOPCLERK_PROF_OUT") + name + ".pprof")
		pprof.StartCPUProfile(out)
		t0 := time.Now()
		f()
		pprof.StopCPUProfile()
		out.Close()
		t.Logf("%s %v", name, time.Since(t0))
	}
	var p *rules.Preview
	prof("detect", func() {
		if _, err := e.DetectNow(ctx); err != nil {
			t.Fatal(err)
		}
	})
	prof("plan", func() {
		p, err = e.Plan(ctx, now)
		if err != nil {
			t.Fatal(err)
		}
	})
	t.Logf("items %d", p.Items)
	if os.Getenv("SHOPCLERK_PROF_RUN") == "" {
		return
	}
	prof("run", func() {
		if _, err := e.RunPreview(ctx, p, p.AllKeys()); err != nil {
			t.Fatal(err)
		}
	})
	prof("again", func() {
		p, err = e.Plan(ctx, now)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.RunPreview(ctx, p, p.ApprovableKeys()); err != nil {
			t.Fatal(err)
		}
	})
}
