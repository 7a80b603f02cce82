package rulesdb

import (
	"context"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/storetest"
)

// TestRunStepsReuseTheirStatements: every step of a run is a transaction of
// its own; the statements it writes with are prepared once for the DB and
// reused by the next step's transaction, and the effects land as before.
func TestRunStepsReuseTheirStatements(t *testing.T) {
	ctx := context.Background()
	s := New(storetest.Open(t, storetest.At(testNow)))
	seedProducts(t, s)
	ruleID, err := s.InsertRule(ctx, RuleRow{Name: "Count stock", Definition: "{}"})
	if err != nil {
		t.Fatal(err)
	}
	step := func(key, title string) {
		t.Helper()
		e := domain.LedgerEntry{Key: key, RuleID: ruleID, Subject: "sku:A-1", Occurrence: key, DueAt: testNow}
		err := s.ApplyRuleAction(ctx, e, func(tx *RuleTx) (string, error) {
			_, err := tx.InsertTask(title, "", 0, 0, nil)
			return title, err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	step("1/a/x/0", "Count the mugs")
	prepared := map[string]any{}
	for query, st := range s.stmts.m {
		prepared[query] = st
	}
	if len(prepared) != 3 { // the ledger row, its result, the task
		t.Fatalf("after one step %d statements are kept, want 3: %v", len(prepared), prepared)
	}
	step("1/b/x/0", "Count the plates")
	for query, st := range s.stmts.m {
		if prepared[query] != st {
			t.Errorf("the second step prepared %q again", query)
		}
	}
	if err := s.ApplyRuleAction(ctx, domain.LedgerEntry{Key: "1/a/x/0", RuleID: ruleID, DueAt: testNow},
		func(*RuleTx) (string, error) { return "", nil }); err != ErrAlreadyDone {
		t.Fatalf("a key applied twice: %v, want ErrAlreadyDone", err)
	}
	var n int
	if err := s.SQL().QueryRowContext(ctx, "SELECT COUNT(*) FROM tasks WHERE title LIKE 'Count the %'").Scan(&n); err != nil || n != 2 {
		t.Fatalf("tasks: %d (%v), want 2", n, err)
	}
	var result string
	if err := s.SQL().QueryRowContext(ctx, "SELECT result FROM rule_ledger WHERE key = '1/b/x/0'").Scan(&result); err != nil || result != "Count the plates" {
		t.Fatalf("ledger result %q (%v)", result, err)
	}
}
