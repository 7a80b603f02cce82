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
	"shopclerk/backend/rules/flow"
)

// node is one step of a compiled flow, placed in its tree.
type node struct {
	id     int
	step   flow.Step
	offset time.Duration // after the sequence start: the waits on its path before it
	path   string        // the branch path it lies on: "" outside, "2:yes/1003:b"
	where  string        // how the seller finds it: "step 3 › Yes › step 2"
	ifc    *flow.Condition
	when   *flow.Condition // a condition split's
	action Action
	// branches of a split, first side first.
	branches [2][]*node
}

// build compiles a list of steps into nodes: top-level ones keyed by their
// place, those in branches by their ids. coupon is the issue_coupon step
// before the list on its path, for the emails that show its code.
func (c *compiled) build(steps []flow.Step, top bool, at time.Duration, path, where string, coupon *flow.Step) ([]*node, error) {
	out := make([]*node, 0, len(steps))
	for i := range steps {
		s := steps[i]
		id := i
		if !top {
			if id = s.ID; id < flow.BranchIDBase || c.nodes[id] != nil {
				return nil, domain.Errorf(domain.CodeInvalid, "a step in a branch has no id of its own: open the flow and save it again")
			}
		}
		n := &node{id: id, step: s, offset: at, path: path, where: flow.StepWhere(where, i)}
		var err error
		if n.ifc, err = flow.CompileCondition(s.If); err != nil {
			return nil, err
		}
		n.action = actionFor(s, c.def.Policy.Marketing, coupon)
		if s.Action == domain.StepIssueCoupon {
			coupon = &steps[i]
		}
		if s.Action == domain.StepSplit {
			if s.Split == flow.SplitCondition {
				if n.when, err = flow.CompileCondition(s.When); err != nil {
					return nil, err
				}
			}
			sides := s.Sides()
			for b := 0; b < 2 && b < len(s.Branches); b++ {
				seg := strconv.Itoa(id) + ":" + sides[b]
				if path != "" {
					seg = path + "/" + seg
				}
				if n.branches[b], err = c.build(s.Branches[b].Steps, false, at, seg, n.where+" › "+flow.BranchLabel(s, b), coupon); err != nil {
					return nil, err
				}
			}
		}
		at += s.Delay()
		c.nodes[id] = n
		out = append(out, n)
	}
	return out, nil
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
	for b, side := range n.step.Sides() {
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
	side := n.step.Sides()[b]
	path := strconv.Itoa(n.id) + ":" + side
	if n.path != "" {
		path = n.path + "/" + path
	}
	return BranchChoice{Subject: o.Subject, Email: o.Email, Occurrence: o.Occurrence, Step: n.id, Where: n.where, Side: side,
		Label: flow.BranchLabel(n.step, b), Path: path}
}

// choose decides a customer's side at split n, reaching it now: by the
// split's condition over their facts, or by their draw.
func (c *compiled) choose(n *node, sub *Subject) (int, BranchChoice, error) {
	s := n.step
	b := 1
	var why string
	if s.Split == flow.SplitRandom {
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
