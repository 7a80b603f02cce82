package flow

import (
	"fmt"
	"strings"

	"shopclerk/backend/domain"
)

// Branches (issue 17). A split step sends each customer down one of two
// branches: Yes or No by a condition in the flows' condition language, or
// A or B by a random share drawn from a hash of the flow, the split and the
// customer (never math/rand), so a rerun or a restart after kill -9 puts the
// same person on the same side. Each branch is its own list of steps, splits
// included; the flow ends where a branch's steps end, so nothing follows a
// split in its list.
//
// Steps outside any split keep the shape and the ids (their place) they
// always had: a flow without branches is stored, planned and keyed exactly
// as before. Steps inside a branch get an id from BranchIDBase up on save,
// kept when they move, never reused; the ledger, the outbox's ledger keys
// and coupon attribution know a step by that id. The side a customer took
// is recorded in the ledger (status branched) when a run first sees them
// reach the split, and later plans follow it, whatever the split's
// condition says by then or however the flow was edited: a customer past a
// split stays on their side. A step removed from a flow is no longer planned
// for anyone; a step added to a branch is planned for those on that branch
// who have not yet reached its place.

// SplitKind says how a split chooses a branch.
type SplitKind string

const (
	SplitCondition SplitKind = "condition" // Yes when When holds, else No
	SplitRandom    SplitKind = "random"    // A for Percent % of customers, else B
)

// Branch is one side of a split: its own list of steps.
type Branch struct {
	Steps []Step `json:"steps"`
}

// Sides of a split as recorded in the ledger and in branch paths.
const (
	SideYes = "yes"
	SideNo  = "no"
	SideA   = "a"
	SideB   = "b"
)

const (
	// BranchIDBase is the first id of a step inside a branch: above any
	// place of a step outside (maxTopSteps), so the two never meet.
	BranchIDBase = 1000
	maxTopSteps  = BranchIDBase
	// maxSplitDepth is how deep splits may nest (a split in a branch of a
	// split in a branch of a split).
	maxSplitDepth = 3
)

// Sides are a split's two sides, first branch first.
func (s Step) Sides() [2]string {
	if s.Split == SplitRandom {
		return [2]string{SideA, SideB}
	}
	return [2]string{SideYes, SideNo}
}

// BranchLabel is how the editor and the preview name a side: "Yes", "No",
// "A 50%", "B 50%".
func BranchLabel(s Step, side int) string {
	if s.Split == SplitRandom {
		if side == 0 {
			return fmt.Sprintf("A %d%%", s.Percent)
		}
		return fmt.Sprintf("B %d%%", 100-s.Percent)
	}
	if side == 0 {
		return "Yes"
	}
	return "No"
}

// AssignIDs gives every step inside a branch a flow-wide unique id, keeping
// the ids steps already have, and clears the ids of steps outside (known by
// their place). Run on save, before validation.
func AssignIDs(d *Definition) {
	seen := map[int]bool{}
	next := max(d.NextID, BranchIDBase)
	var mark func(steps []Step)
	mark = func(steps []Step) {
		for _, s := range steps {
			for _, b := range s.Branches {
				for _, bs := range b.Steps {
					if bs.ID >= next {
						next = bs.ID + 1
					}
				}
				mark(b.Steps)
			}
		}
	}
	mark(d.Steps)
	var give func(steps []Step)
	give = func(steps []Step) {
		for i := range steps {
			s := &steps[i]
			for bi := range s.Branches {
				b := &s.Branches[bi]
				for j := range b.Steps {
					if bs := &b.Steps[j]; bs.ID < BranchIDBase || seen[bs.ID] {
						bs.ID = next
						next++
					}
					seen[b.Steps[j].ID] = true
				}
				give(b.Steps)
			}
		}
	}
	for i := range d.Steps {
		d.Steps[i].ID = 0
	}
	give(d.Steps)
	if len(seen) > 0 {
		d.NextID = next
	} else {
		d.NextID = 0
	}
}

// hasBranches tells whether a definition has a split anywhere.
func (d *Definition) hasBranches() bool {
	for _, s := range d.Steps {
		if s.Action == domain.StepSplit {
			return true
		}
	}
	return false
}

// StepWhere names a step for the seller: "step 2", or inside a branch
// "step 3 › Yes › step 1".
func StepWhere(parent string, i int) string {
	if parent == "" {
		return fmt.Sprintf("step %d", i+1)
	}
	return fmt.Sprintf("%s › step %d", parent, i+1)
}

// validateSplit checks a split step; problems are reported through add.
func validateSplit(s Step, depth int, add func(format string, args ...any), addCond func(err error)) {
	switch s.Split {
	case SplitCondition:
		if strings.TrimSpace(s.When) == "" {
			add("the yes/no split has no condition: say who goes down Yes")
		} else if _, err := CompileCondition(s.When); err != nil {
			addCond(err)
		}
	case SplitRandom:
		if s.Percent < 1 || s.Percent > 99 {
			add("the A/B split gives A %d%%: choose a share from 1 to 99%%", s.Percent)
		}
	default:
		add("%q is not a kind of split (condition, random)", s.Split)
	}
	if s.If != "" {
		add("a split cannot have its own If: its condition chooses the branch")
	}
	if len(s.Branches) != 2 {
		add("a split has two branches, not %d", len(s.Branches))
	}
	for b := 0; b < len(s.Branches) && b < 2; b++ {
		if len(s.Branches[b].Steps) == 0 {
			add("the %s branch has no steps: add one (an exit, if nothing should happen)", BranchLabel(s, b))
		}
	}
	if depth >= maxSplitDepth {
		add("splits nest at most %d deep", maxSplitDepth)
	}
}
