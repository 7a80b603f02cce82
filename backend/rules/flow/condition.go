package flow

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser"
	"github.com/expr-lang/expr/vm"
)

// Condition is a compiled expression. The empty expression always holds.
type Condition struct {
	Source string
	prog   *vm.Program
}

// ConditionError is a compile or trial-run error with its position in the
// source (1-based line and column), for the editor to underline.
type ConditionError struct {
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

func (e *ConditionError) Error() string {
	return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Column, e.Message)
}

// maxNodes bounds a condition's size: a seller's filter is a handful of
// comparisons, and a cap keeps a pasted monster from slowing every plan.
const maxNodes = 500

// memoryBudget bounds what one evaluation may allocate; expr has no loops of
// its own, but ranges and map/filter over huge ranges can run away.
const memoryBudget = 20000

// nowHelpers take the environment's clock implicitly: the seller writes
// daysSince(customer.lastOrderAt), the patch below passes now along.
var nowHelpers = map[string]string{"daysSince": "daysSinceAt", "hoursSince": "hoursSinceAt"}

type nowPatch struct{}

func (nowPatch) Visit(node *ast.Node) {
	call, ok := (*node).(*ast.CallNode)
	if !ok {
		return
	}
	id, ok := call.Callee.(*ast.IdentifierNode)
	if !ok {
		return
	}
	if target, ok := nowHelpers[id.Value]; ok && len(call.Arguments) == 1 {
		callee := &ast.IdentifierNode{Value: target}
		callee.SetLocation(id.Location())
		now := &ast.IdentifierNode{Value: "now"}
		now.SetLocation(id.Location())
		call.Callee = callee
		call.Arguments = append(call.Arguments, now)
	}
}

func exprOptions() []expr.Option {
	return []expr.Option{
		expr.Env(Env{}),
		expr.AsBool(),
		expr.MaxNodes(maxNodes),
		expr.Patch(nowPatch{}),
		expr.Function("daysSinceAt", func(p ...any) (any, error) {
			return daysSince(p[1].(time.Time), p[0].(time.Time)), nil
		}, new(func(time.Time, time.Time) int)),
		expr.Function("hoursSinceAt", func(p ...any) (any, error) {
			t, now := p[0].(time.Time), p[1].(time.Time)
			if t.IsZero() {
				return neverDays * 24, nil
			}
			return int(now.Sub(t).Hours()), nil
		}, new(func(time.Time, time.Time) int)),
		expr.Function("hasTag", func(p ...any) (any, error) {
			return HasTag(p[0].([]string), p[1].(string)), nil
		}, new(func([]string, string) bool)),
		expr.Function("daysUntilBirthday", func(p ...any) (any, error) {
			return daysUntilBirthday(p[0].(string), p[1].(time.Time)), nil
		}, new(func(string, time.Time) int)),
	}
}

// CompileCondition compiles src against the typed environment and tries it
// on sample data, so a missing field, a type mismatch, a literal division by
// zero or a runaway range is an error at save time, with its position.
func CompileCondition(src string) (*Condition, error) {
	if strings.TrimSpace(src) == "" {
		return &Condition{}, nil
	}
	if err := staticChecks(src); err != nil {
		return nil, err
	}
	prog, err := expr.Compile(src, exprOptions()...)
	if err != nil {
		return nil, positioned(src, err)
	}
	c := &Condition{Source: src, prog: prog}
	env := sampleEnv(time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC))
	if _, err := c.Eval(&env); err != nil {
		return nil, err
	}
	return c, nil
}

// Eval runs the condition. A runtime failure is returned with its position,
// never a panic.
func (c *Condition) Eval(env *Env) (bool, error) {
	if c == nil || c.prog == nil {
		return true, nil
	}
	m := vm.VM{MemoryBudget: memoryBudget}
	out, err := m.Run(c.prog, *env)
	if err != nil {
		return false, positioned(c.Source, err)
	}
	b, _ := out.(bool)
	return b, nil
}

// staticChecks rejects what expr would accept but a seller never means: a
// division or remainder by a literal zero (expr yields +Inf for /).
func staticChecks(src string) error {
	tree, err := parser.Parse(src)
	if err != nil {
		return positioned(src, err)
	}
	var found *ConditionError
	ast.Walk(&tree.Node, visitFunc(func(n *ast.Node) {
		b, ok := (*n).(*ast.BinaryNode)
		if !ok || found != nil || (b.Operator != "/" && b.Operator != "%") {
			return
		}
		zero := false
		switch r := b.Right.(type) {
		case *ast.IntegerNode:
			zero = r.Value == 0
		case *ast.FloatNode:
			zero = r.Value == 0
		}
		if zero {
			line, col := lineCol(src, b.Right.Location().From)
			found = &ConditionError{Line: line, Column: col, Message: "divides by zero"}
		}
	}))
	if found != nil {
		return found
	}
	return nil
}

type visitFunc func(*ast.Node)

func (f visitFunc) Visit(n *ast.Node) { f(n) }

// positioned turns expr's errors into a ConditionError with a seller-readable
// message: expr's own wording, minus the internals.
func positioned(src string, err error) error {
	var fe *file.Error
	if errors.As(err, &fe) {
		line, col := fe.Line, fe.Column+1
		if line == 0 {
			line, col = lineCol(src, fe.From)
		}
		return &ConditionError{Line: line, Column: col, Message: sellerMessage(fe.Message)}
	}
	return &ConditionError{Line: 1, Column: 1, Message: sellerMessage(err.Error())}
}

// envNames are the environment's Go types as expr's messages name them
// ("flow.OrderEnv"), and the words a seller knows them by.
var envNames = map[string]string{
	reflect.TypeFor[CustomerEnv]().String(): "customer", reflect.TypeFor[OrderEnv]().String(): "order",
	reflect.TypeFor[CartEnv]().String(): "cart", reflect.TypeFor[ProductEnv]().String(): "product",
	reflect.TypeFor[StockEnv]().String(): "stock", reflect.TypeFor[EventEnv]().String(): "event",
	reflect.TypeFor[ShipmentEnv]().String(): "shipment", reflect.TypeFor[Env]().String(): "the data",
}

func sellerMessage(m string) string {
	for from, to := range envNames {
		m = strings.ReplaceAll(m, from, to)
	}
	m = strings.ReplaceAll(m, "daysSinceAt", "daysSince")
	m = strings.ReplaceAll(m, "hoursSinceAt", "hoursSince")
	switch {
	case strings.Contains(m, "memory budget exceeded"):
		return "this condition does too much work (a range or list that is far too long)"
	case strings.Contains(m, "integer divide by zero"):
		return "divides by zero"
	case strings.Contains(m, "exceeds maximum allowed nodes"):
		return fmt.Sprintf("this condition is too long (at most %d parts)", maxNodes)
	}
	return m
}

// lineCol converts a rune offset into a 1-based line and column.
func lineCol(src string, from int) (int, int) {
	line, col, i := 1, 1, 0
	for _, r := range src {
		if i == from {
			break
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i++
	}
	return line, col
}

// daysUntilBirthday is how many days from now (UTC date) until the next
// MM-DD (or YYYY-MM-DD) birthday; -1 when unknown.
func daysUntilBirthday(b string, now time.Time) int {
	if len(b) < 5 {
		return -1
	}
	t, err := time.Parse("01-02", b[len(b)-5:])
	if err != nil {
		return -1
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	next := time.Date(now.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	if next.Before(today) {
		next = next.AddDate(1, 0, 0)
	}
	return int(next.Sub(today).Hours() / 24)
}
