package customers

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/parser"

	"shopclerk/backend/domain"
	"shopclerk/backend/rules"
	"shopclerk/backend/rules/flow"
	"shopclerk/backend/store/customersdb"
)

// SegmentDef is one of the seller's segments.
type SegmentDef struct {
	ID        int64      `json:"id"`
	Name      string     `json:"name"`
	Condition string     `json:"condition"`
	Members   int        `json:"members"`
	CountedAt *time.Time `json:"countedAt"`
	// LastMonth is the count at last month's last count; nil when it was
	// not counted then.
	LastMonth *int `json:"lastMonth"`
}

// SegmentCheck is what a condition matches now.
type SegmentCheck struct {
	Members   int `json:"members"`
	Customers int `json:"customers"` // everyone it was tried on
	// Warning says the segment matches nobody or everybody.
	Warning string `json:"warning"`
	// Sample is a few of the members, for the builder's preview.
	Sample []SampleMember `json:"sample"`
	// Problem is why the condition does not compile (with its position).
	Problem *flow.ConditionError `json:"problem"`
}

// SampleMember is a member shown in the builder's preview.
type SampleMember struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
}

const (
	maxSegmentName = 80
	sampleSize     = 10
)

// foreignParts are the parts of the flows' environment a segment cannot
// read: a segment is a set of customers, with no order, cart or product at
// hand.
var foreignParts = map[string]bool{"order": true, "cart": true, "product": true, "stock": true, "event": true}

// compileSegment compiles a segment's condition with the flows' compiler,
// refusing the empty condition and the parts that are not the customer's.
func compileSegment(src string) (*flow.Condition, *flow.ConditionError) {
	if strings.TrimSpace(src) == "" {
		return nil, &flow.ConditionError{Line: 1, Column: 1, Message: "a segment needs a condition: without one it is every customer"}
	}
	cond, err := flow.CompileCondition(src)
	var ce *flow.ConditionError
	if errors.As(err, &ce) {
		return nil, ce
	}
	if err != nil {
		return nil, &flow.ConditionError{Line: 1, Column: 1, Message: err.Error()}
	}
	// It compiled, so it parses; walk it for a part that is not the customer.
	tree, err := parser.Parse(src)
	if err != nil {
		return nil, &flow.ConditionError{Line: 1, Column: 1, Message: err.Error()}
	}
	ast.Walk(&tree.Node, walker(func(n *ast.Node) {
		m, ok := (*n).(*ast.MemberNode)
		if ce != nil || !ok {
			return
		}
		id, isID := m.Node.(*ast.IdentifierNode)
		if !isID || !foreignParts[id.Value] {
			return
		}
		prop := ""
		if p, ok := m.Property.(*ast.StringNode); ok {
			prop = "." + p.Value
		}
		line, col := 1, 1
		for i, r := range []rune(src) {
			if i == id.Location().From {
				break
			}
			if col++; r == '\n' {
				line, col = line+1, 1
			}
		}
		ce = &flow.ConditionError{Line: line, Column: col,
			Message: fmt.Sprintf("%s%s is about one %s; a segment can only read the customer (customer.ordersCount, customer.totalSpent, customer.products ...)", id.Value, prop, id.Value)}
	}))
	if ce != nil {
		return nil, ce
	}
	if loc := readsOwnSegments.FindStringIndex(src); loc != nil {
		line := 1 + strings.Count(src[:loc[0]], "\n")
		return nil, &flow.ConditionError{Line: line, Column: 1 + loc[0] - (strings.LastIndex(src[:loc[0]], "\n") + 1),
			Message: "customer.segments names your segments; a segment cannot be made of your other segments (copy their conditions instead)"}
	}
	return cond, nil
}

// readsOwnSegments finds customer.segments in a segment's condition: a
// segment of segments could name itself, and the matcher never fills it.
var readsOwnSegments = regexp.MustCompile(`\bcustomer\s*\.\s*segments\b`)

type walker func(*ast.Node)

func (w walker) Visit(n *ast.Node) { w(n) }

// matcher evaluates segment conditions over customers: the customer's row,
// their RFM segment and, when a condition reads them, the SKUs they bought.
type matcher struct {
	now      time.Time
	conds    []*flow.Condition
	products map[int64][]string
}

func (s *Service) newMatcher(ctx context.Context, srcs []string, all bool) (*matcher, error) {
	m := &matcher{now: s.clk.Now().UTC()}
	wantProducts := false
	for _, src := range srcs {
		c, ce := compileSegment(src)
		if ce != nil {
			return nil, ce
		}
		m.conds = append(m.conds, c)
		wantProducts = wantProducts || strings.Contains(src, "products")
	}
	if wantProducts && all {
		p, err := s.db.ProductsBought(ctx)
		if err != nil {
			return nil, err
		}
		m.products = p
	} else if wantProducts {
		m.products = map[int64][]string{}
	}
	return m, nil
}

// match tells which conditions customer c (with RFM segment seg) meets.
func (m *matcher) match(c domain.Customer, seg string, out []bool) error {
	env := flow.Env{Now: m.now, Customer: flow.CustomerEnvOf(c)}
	env.Customer.Segment = seg
	if p := m.products[c.ID]; p != nil {
		env.Customer.Products = p
	}
	for i, cond := range m.conds {
		ok, err := cond.Eval(&env)
		if err != nil {
			return err
		}
		out[i] = ok
	}
	return nil
}

// CheckSegment tries a condition on every customer: how many it matches,
// a sample of them, and a warning when that is nobody or everybody.
func (s *Service) CheckSegment(ctx context.Context, condition string) (SegmentCheck, error) {
	chk := SegmentCheck{Sample: []SampleMember{}}
	m, err := s.newMatcher(ctx, []string{condition}, true)
	var ce *flow.ConditionError
	if errors.As(err, &ce) {
		chk.Problem = ce
		return chk, nil
	}
	if err != nil {
		return chk, err
	}
	hit := make([]bool, 1)
	err = s.db.EachCustomer(ctx, func(c domain.Customer, seg string) error {
		chk.Customers++
		if err := m.match(c, seg, hit); err != nil {
			return err
		}
		if hit[0] {
			chk.Members++
			if len(chk.Sample) < sampleSize {
				chk.Sample = append(chk.Sample, SampleMember{ID: c.ID, Name: strings.TrimSpace(c.FirstName + " " + c.LastName), Email: c.Email})
			}
		}
		return nil
	})
	if errors.As(err, &ce) {
		chk.Problem, chk.Members, chk.Sample = ce, 0, []SampleMember{}
		return chk, nil
	}
	chk.Warning = coverage(chk.Members, chk.Customers)
	return chk, err
}

// coverage warns about a segment that matches nobody or everybody.
func coverage(members, customers int) string {
	switch {
	case customers == 0:
		return "There are no customers yet: import your customers or orders first."
	case members == 0:
		return "This segment matches nobody right now."
	case members == customers:
		return fmt.Sprintf("This segment matches every customer (%d): it does not narrow anything down.", customers)
	}
	return ""
}

// SaveSegment stores a segment (ID 0 creates one) with its count now. A
// condition that does not compile, or reads more than the customer, is
// refused with its position; one matching nobody or everybody is saved
// and the check says so.
func (s *Service) SaveSegment(ctx context.Context, def SegmentDef) (SegmentDef, SegmentCheck, error) {
	def.Name = strings.TrimSpace(def.Name)
	switch {
	case def.Name == "":
		return def, SegmentCheck{}, domain.Errorf(domain.CodeInvalid, "Give the segment a name.")
	case len([]rune(def.Name)) > maxSegmentName:
		return def, SegmentCheck{}, domain.Errorf(domain.CodeInvalid, "A segment's name can be at most %d characters long.", maxSegmentName)
	case isRFMName(def.Name):
		return def, SegmentCheck{}, domain.Errorf(domain.CodeConflict, "%q is one of the ready-made RFM segments; give yours another name.", def.Name)
	}
	chk, err := s.CheckSegment(ctx, def.Condition)
	if err != nil {
		return def, chk, err
	}
	if chk.Problem != nil {
		return def, chk, domain.Errorf(domain.CodeInvalid, "The condition has a problem at line %d, column %d: %s", chk.Problem.Line, chk.Problem.Column, chk.Problem.Message)
	}
	stored, err := s.db.SaveSegment(ctx, customersdb.Segment{ID: def.ID, Name: def.Name, Condition: def.Condition, Members: chk.Members}, s.month(ctx))
	if err != nil {
		return def, chk, err
	}
	return s.defOf(ctx, stored), chk, nil
}

func isRFMName(name string) bool {
	for _, seg := range Segments {
		if strings.EqualFold(name, seg.Label()) || strings.EqualFold(name, string(seg)) {
			return true
		}
	}
	return false
}

// DeleteSegment removes one of the seller's segments.
func (s *Service) DeleteSegment(ctx context.Context, id int64) error {
	return s.db.DeleteSegment(ctx, id)
}

// month is this month's snapshot key, in the shop's time zone.
func (s *Service) month(ctx context.Context) string {
	return s.clk.Now().In(s.db.Location(ctx)).Format("2006-01")
}

// lastMonth is the key of the month before this one.
func (s *Service) lastMonth(ctx context.Context) string {
	now := s.clk.Now().In(s.db.Location(ctx))
	return time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, now.Location()).AddDate(0, -1, 0).Format("2006-01")
}

func (s *Service) defOf(ctx context.Context, seg customersdb.Segment) SegmentDef {
	d := SegmentDef{ID: seg.ID, Name: seg.Name, Condition: seg.Condition, Members: seg.Members, CountedAt: seg.CountedAt}
	if n, ok, err := s.db.SegmentMonthCount(ctx, seg.ID, s.lastMonth(ctx)); err == nil && ok {
		d.LastMonth = &n
	}
	return d
}

// SellerSegments lists the seller's segments with their counts.
func (s *Service) SellerSegments(ctx context.Context) ([]SegmentDef, error) {
	segs, err := s.db.Segments(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]SegmentDef, len(segs))
	for i, seg := range segs {
		out[i] = s.defOf(ctx, seg)
	}
	return out, nil
}

// countSegments counts every seller's segment again in one pass over the
// customers. A segment whose condition no longer compiles keeps its old
// count (and is logged): the Segments screen shows its problem. While a
// store writes tags back, the members are recorded too: who joined or left
// gets or loses the tag "segment: NAME" in the store.
func (s *Service) countSegments(ctx context.Context, month string) error {
	segs, err := s.db.Segments(ctx)
	if err != nil || len(segs) == 0 {
		return err
	}
	track, err := s.db.TagsWrittenBack(ctx)
	if err != nil {
		return err
	}
	var ok []customersdb.Segment
	var srcs []string
	for _, seg := range segs {
		if _, ce := compileSegment(seg.Condition); ce != nil {
			s.log.Warn("segment not counted: its condition does not compile", "segment", seg.Name, "err", ce)
			continue
		}
		ok = append(ok, seg)
		srcs = append(srcs, seg.Condition)
	}
	m, err := s.newMatcher(ctx, srcs, true)
	if err != nil {
		return err
	}
	counts := make([]int, len(ok))
	members := make([][]int64, len(ok))
	hit := make([]bool, len(ok))
	err = s.db.EachCustomer(ctx, func(c domain.Customer, seg string) error {
		if err := m.match(c, seg, hit); err != nil {
			return err
		}
		for i, h := range hit {
			if h {
				counts[i]++
				if track {
					members[i] = append(members[i], c.ID)
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for i, seg := range ok {
		if err := s.db.SetSegmentCount(ctx, seg.ID, counts[i], month); err != nil {
			return err
		}
		if track {
			if err := s.db.SetSegmentMembers(ctx, seg, members[i]); err != nil {
				return err
			}
		}
	}
	if !track {
		return s.db.ClearSegmentMembers(ctx)
	}
	return nil
}

// memberOf names the seller's segments customer c is in.
func (s *Service) memberOf(ctx context.Context, c domain.Customer, sc *Scores) ([]string, error) {
	out := []string{}
	if c.Source == SourceErased {
		return out, nil
	}
	segs, err := s.db.Segments(ctx)
	if err != nil || len(segs) == 0 {
		return out, err
	}
	var names, srcs []string
	for _, seg := range segs {
		if _, ce := compileSegment(seg.Condition); ce == nil {
			names, srcs = append(names, seg.Name), append(srcs, seg.Condition)
		}
	}
	m, err := s.newMatcher(ctx, srcs, false)
	if err != nil {
		return out, err
	}
	rfmSeg := ""
	if sc != nil {
		rfmSeg = string(sc.Segment)
	}
	if m.products != nil {
		if _, skus, err := s.db.CustomerExtras(ctx, c.ID, true); err == nil {
			m.products[c.ID] = skus
		} else {
			return out, err
		}
	}
	hit := make([]bool, len(srcs))
	if err := m.match(c, rfmSeg, hit); err != nil {
		return out, nil // a runtime failure leaves the customer out
	}
	for i, h := range hit {
		if h {
			out = append(out, names[i])
		}
	}
	return out, nil
}

// CustomerExtras is rules.CustomerFacts: a flow's condition reads the
// customer's RFM segment and the SKUs they bought through it.
func (s *Service) CustomerExtras(ctx context.Context, id int64, products bool) (string, []string, error) {
	return s.db.CustomerExtras(ctx, id, products)
}

// CustomerSegments is rules.SegmentFacts: the seller's segments the
// customer is in, for a flow's "customer is in segment X"
// (customer.segments). No such customer: none.
func (s *Service) CustomerSegments(ctx context.Context, id int64) ([]string, error) {
	c, err := s.db.CustomerByID(ctx, id)
	if domain.CodeOf(err) == domain.CodeNotFound {
		return []string{}, nil
	}
	if err != nil {
		return nil, err
	}
	sc, err := s.customerScores(ctx, id)
	if err != nil {
		return nil, err
	}
	return s.memberOf(ctx, c, sc)
}

var (
	_ rules.CustomerFacts = (*Service)(nil)
	_ rules.SegmentFacts  = (*Service)(nil)
)
