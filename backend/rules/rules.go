// Package rules is Shopclerk's automation engine. A flow (its language is
// backend/rules/flow: a trigger, a condition over a typed environment and a
// list of steps) runs here: triggers are found by comparing state, never by
// watching imports, so re-importing the same data finds nothing new. Plan
// turns what is due now into a Preview the seller can read; Run executes the
// approved items, each under an idempotency key written to rule_ledger in the
// same transaction as its effect (invariant 2), so running twice never does
// anything twice.
//
// Emails are rendered through backend/email (a Renderer the app plugs in);
// rules imports neither mail nor inbox, which sit above it.
package rules

import (
	"fmt"
	"time"

	"shopclerk/backend/rules/flow"
)

// Flow is a stored flow as the UI sees it.
type Flow struct {
	ID          int64           `json:"id"`
	Name        string          `json:"name"`
	Template    string          `json:"template"`
	Description string          `json:"description"`
	Enabled     bool            `json:"enabled"`
	Definition  flow.Definition `json:"definition"`
	UpdatedAt   time.Time       `json:"updatedAt"`
	LastRunAt   *time.Time      `json:"lastRunAt"`
	EnabledAt   *time.Time      `json:"enabledAt"`
}

// LedgerKey is the idempotency key of one step of one occurrence of a flow.
func LedgerKey(flowID int64, subject, occurrence string, step int) string {
	return fmt.Sprintf("%s%d", keyPrefix(flowID, subject, occurrence), step)
}

func keyPrefix(flowID int64, subject, occurrence string) string {
	return fmt.Sprintf("%d/%s/%s/", flowID, subject, occurrence)
}
