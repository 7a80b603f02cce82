package flow

import (
	"strings"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/parser"
)

// EventGuard is the part of the condition that reads nothing but the event
// (its kind, time and value): the terms of its top-level "and" made only of
// event fields, literals and operators. When the guard is false the whole
// condition is, so the engine checks it before it reads an occurrence's
// order, customer and parcels: a flow that acts on two kinds of shipment
// event among many reads the facts of those two only. Nil when no term
// qualifies.
func (c *Condition) EventGuard() *Condition {
	if c == nil || c.Source == "" {
		return nil
	}
	tree, err := parser.Parse(c.Source)
	if err != nil {
		return nil
	}
	var terms []string
	for _, t := range conjuncts(tree.Node) {
		if eventOnly(t) {
			terms = append(terms, "("+t.String()+")")
		}
	}
	if len(terms) == 0 {
		return nil
	}
	src := strings.Join(terms, " && ")
	prog, err := expr.Compile(src, exprOptions()...)
	if err != nil {
		return nil
	}
	return &Condition{Source: src, prog: prog}
}

// conjuncts are the terms of a top-level "a && b && c".
func conjuncts(n ast.Node) []ast.Node {
	if b, ok := n.(*ast.BinaryNode); ok && (b.Operator == "&&" || b.Operator == "and") {
		return append(conjuncts(b.Left), conjuncts(b.Right)...)
	}
	return []ast.Node{n}
}

// eventOnly tells whether a term reads only the event: any other name, a
// function call or a predicate makes it depend on more (or on the clock).
func eventOnly(n ast.Node) bool {
	ok := true
	ast.Walk(&n, visitFunc(func(node *ast.Node) {
		switch x := (*node).(type) {
		case *ast.IdentifierNode:
			ok = ok && x.Value == "event"
		case *ast.MemberNode, *ast.StringNode, *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.NilNode,
			*ast.BinaryNode, *ast.UnaryNode, *ast.ArrayNode, *ast.ConditionalNode:
		default:
			ok = false
		}
	}))
	return ok
}
