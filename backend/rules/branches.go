package rules

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"
	"time"

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
// as before. Steps inside a branch get an id from branchIDBase up on save,
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
	// branchIDBase is the first id of a step inside a branch: above any
	// place of a step outside (maxTopSteps), so the two never meet.
	branchIDBase = 1000
	maxTopSteps  = branchIDBase
	// maxSplitDepth is how deep splits may nest (a split in a branch of a
	// split in a branch of a split).
	maxSplitDepth = 3
)

// sides are a split's two sides, first branch first.
func (s Step) sides() [2]string {
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

// assignIDs gives every step inside a branch a flow-wide unique id, keeping
// the ids steps already have, and clears the ids of steps outside (known by
// their place). Run on save, before validation.
func assignIDs(d *Definition) {
	seen := map[int]bool{}
	next := max(d.NextID, branchIDBase)
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
					if bs := &b.Steps[j]; bs.ID < branchIDBase || seen[bs.ID] {
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

// node is one step of a compiled flow, placed in its tree.
type node struct {
	id     int
	step   Step
	offset time.Duration // after the sequence start: the waits on its path before it
	path   string        // the branch path it lies on: "" outside, "2:yes/1003:b"
	where  string        // how the seller finds it: "step 3 › Yes › step 2"
	ifc    *Condition
	when   *Condition // a condition split's
	action Action
	// branches of a split, first side first.
	branches [2][]*node
}

// build compiles a list of steps into nodes: top-level ones keyed by their
// place, those in branches by their ids. coupon is the issue_coupon step
// before the list on its path, for the emails that show its code.
func (c *compiled) build(steps []Step, top bool, at time.Duration, path, where string, coupon *Step) ([]*node, error) {
	out := make([]*node, 0, len(steps))
	for i := range steps {
		s := steps[i]
		id := i
		if !top {
			if id = s.ID; id < branchIDBase || c.nodes[id] != nil {
				return nil, domain.Errorf(domain.CodeInvalid, "a step in a branch has no id of its own: open the flow and save it again")
			}
		}
		n := &node{id: id, step: s, offset: at, path: path, where: stepWhere(where, i)}
		var err error
		if n.ifc, err = CompileCondition(s.If); err != nil {
			return nil, err
		}
		n.action = actionFor(s, c.def.Policy.Marketing, coupon)
		if s.Action == domain.StepIssueCoupon {
			coupon = &steps[i]
		}
		if s.Action == domain.StepSplit {
			if s.Split == SplitCondition {
				if n.when, err = CompileCondition(s.When); err != nil {
					return nil, err
				}
			}
			sides := s.sides()
			for b := 0; b < 2 && b < len(s.Branches); b++ {
				seg := strconv.Itoa(id) + ":" + sides[b]
				if path != "" {
					seg = path + "/" + seg
				}
				if n.branches[b], err = c.build(s.Branches[b].Steps, false, at, seg, n.where+" › "+BranchLabel(s, b), coupon); err != nil {
					return nil, err
				}
			}
		}
		at += s.delay()
		c.nodes[id] = n
		out = append(out, n)
	}
	return out, nil
}

func stepWhere(parent string, i int) string {
	if parent == "" {
		return fmt.Sprintf("step %d", i+1)
	}
	return fmt.Sprintf("%s › step %d", parent, i+1)
}

// draw is a customer's number from 0 to 99 at one split of one flow: the
// same whenever and however often it is drawn.
func draw(flowID int64, subject string, split int) int {
	h := sha256.Sum256([]byte(fmt.Sprintf("shopclerk-split/%d/%s/%d", flowID, subject, split)))
	return int(binary.BigEndian.Uint64(h[:8]) % 100)
}

// BranchChoice is the side one customer takes at one split, and why: what
// the preview shows.
type BranchChoice struct {
	Subject    string `json:"subject"`
	Email      string `json:"email"` // the customer's address, when known
	Occurrence string `json:"occurrence"`
	Step       int    `json:"step"` // the split's id
	Where      string `json:"where"`
	Side       string `json:"side"`
	Label      string `json:"label"`
	Path       string `json:"path"` // the path the branch's steps lie on
	Why        string `json:"why"`
	// Kept is set when the side was recorded before: the customer stays
	// on it whatever the split would say now.
	Kept bool `json:"kept"`
}

// kept is the side a customer recorded at split n (recorded is the
// ledger's word), when the split still has it; ok is false otherwise (the
// seller changed the split's kind since: the sequence goes on by the new
// one).
func (n *node) kept(o domain.RuleOccurrence, recorded string) (int, BranchChoice, bool) {
	for b, side := range n.step.sides() {
		if recorded != "" && side == recorded {
			ch := n.choice(o, b)
			ch.Kept = true
			ch.Why = "took this side when they reached the split; they stay on it"
			return b, ch, true
		}
	}
	return 0, BranchChoice{}, false
}

func (n *node) choice(o domain.RuleOccurrence, b int) BranchChoice {
	side := n.step.sides()[b]
	path := strconv.Itoa(n.id) + ":" + side
	if n.path != "" {
		path = n.path + "/" + path
	}
	return BranchChoice{Subject: o.Subject, Email: o.Email, Occurrence: o.Occurrence, Step: n.id, Where: n.where, Side: side,
		Label: BranchLabel(n.step, b), Path: path}
}

// choose decides a customer's side at split n, reaching it now: by the
// split's condition over their facts, or by their draw.
func (c *compiled) choose(n *node, sub *Subject) (int, BranchChoice, error) {
	s := n.step
	b := 1
	var why string
	if s.Split == SplitRandom {
		d := draw(c.row.ID, sub.Occ.Subject, n.id)
		if d < s.Percent {
			b, why = 0, fmt.Sprintf("drawn %d of 0–99: below %d goes to A", d, s.Percent)
		} else {
			why = fmt.Sprintf("drawn %d of 0–99: %d or above goes to B", d, s.Percent)
		}
	} else {
		ok, err := n.when.Eval(&sub.Env)
		if err != nil {
			return 0, BranchChoice{}, domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("the split at %s of %q failed: %v", n.where, c.row.Name, err))
		}
		if ok {
			b, why = 0, strings.TrimSpace(s.When)+" holds"
		} else {
			why = strings.TrimSpace(s.When) + " does not hold"
		}
	}
	ch := n.choice(sub.Occ, b)
	ch.Why, ch.Email = why, sub.email()
	return b, ch, nil
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

// StepStats is what one step of a flow did on one branch path.
type StepStats struct {
	Step    int    `json:"step"` // the step's id (its place outside a split)
	Path    string `json:"path"`
	Sent    int    `json:"sent"`
	Waiting int    `json:"waiting"` // emails still in the outbox
	Done    int    `json:"done"`
}

// SideStats is how many sequences took one side of a split.
type SideStats struct {
	Step   int    `json:"step"`
	Side   string `json:"side"`
	People int    `json:"people"`
}

// FlowStats is what a flow did, per step and per side of its splits: the
// flow page's counts beside each step of the tree.
type FlowStats struct {
	FlowID int64       `json:"flowId"`
	Steps  []StepStats `json:"steps"`
	Sides  []SideStats `json:"sides"`
}

// FlowStats counts, from the ledger and the outbox, what each step and
// each branch of a flow did.
func (e *Engine) FlowStats(ctx context.Context, id int64) (FlowStats, error) {
	steps, splits, err := e.st.FlowStepCounts(ctx, id)
	if err != nil {
		return FlowStats{}, err
	}
	out := FlowStats{FlowID: id, Steps: make([]StepStats, 0, len(steps)), Sides: make([]SideStats, 0, len(splits))}
	for _, s := range steps {
		out.Steps = append(out.Steps, StepStats(s))
	}
	for _, s := range splits {
		out.Sides = append(out.Sides, SideStats(s))
	}
	return out, nil
}
