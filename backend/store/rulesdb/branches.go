package rulesdb

import (
	"context"

	"shopclerk/backend/domain"
)

// StepCount is what one step of a flow did, on one branch path.
type StepCount struct {
	Step    int
	Path    string
	Sent    int // emails the server took
	Waiting int // emails still in the outbox
	Done    int // ledger rows done: every effect, emails included
}

// SplitCount is how many sequences took one side of a split.
type SplitCount struct {
	Step   int
	Side   string
	People int
}

// FlowStepCounts reads what each step of a flow did, per branch path.
func (s *DB) FlowStepCounts(ctx context.Context, ruleID int64) ([]StepCount, []SplitCount, error) {
	fail := func(err error) ([]StepCount, []SplitCount, error) {
		return nil, nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not count what the automation did")
	}
	rows, err := s.SQL().QueryContext(ctx, q("RuleStepCounts"), ruleID)
	if err != nil {
		return fail(err)
	}
	steps := []StepCount{}
	for rows.Next() {
		var c StepCount
		if err := rows.Scan(&c.Step, &c.Path, &c.Sent, &c.Waiting, &c.Done); err != nil {
			rows.Close()
			return fail(err)
		}
		steps = append(steps, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fail(err)
	}
	rows, err = s.SQL().QueryContext(ctx, q("RuleSplitCounts"), ruleID)
	if err != nil {
		return fail(err)
	}
	defer rows.Close()
	splits := []SplitCount{}
	for rows.Next() {
		var c SplitCount
		if err := rows.Scan(&c.Step, &c.Side, &c.People); err != nil {
			return fail(err)
		}
		splits = append(splits, c)
	}
	if err := rows.Err(); err != nil {
		return fail(err)
	}
	return steps, splits, nil
}
