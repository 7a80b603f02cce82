package flow

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestConditionErrors(t *testing.T) {
	cases := []struct {
		src       string
		line, col int
		msg       string
	}{
		{"order.total >", 1, 13, "unexpected token"},
		{"order.nope > 1", 1, 7, "order has no field nope"},
		{"shipment.nope > 1", 1, 10, "shipment has no field nope"},
		{"customer.totalSpent / 0 > 1", 1, 23, "divides by zero"},
		{"order.total % order.refunded == 0", 1, 13, "divides by zero"},
		{"len(filter(1..100000000, # > 0)) > 1", 1, 13, "too much work"},
		{`order.total > "200"`, 1, 13, "mismatched types"},
		{"order.total", 1, 1, "expected bool"},
		{"customer.email == 'a'\n  && whatever", 2, 6, "unknown name whatever"},
		{"daysSince(order.total) > 3", 1, 17, "to call daysSince"},
	}
	for _, tc := range cases {
		t.Run(tc.src, func(t *testing.T) {
			_, err := CompileCondition(tc.src)
			var ce *ConditionError
			if !errors.As(err, &ce) {
				t.Fatalf("got %v, want a ConditionError", err)
			}
			if ce.Line != tc.line || (tc.col != 0 && ce.Column != tc.col) || !strings.Contains(ce.Message, tc.msg) {
				t.Fatalf("got %d:%d %q, want %d:%d containing %q", ce.Line, ce.Column, ce.Message, tc.line, tc.col, tc.msg)
			}
		})
	}
}

func TestConditionEval(t *testing.T) {
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	env := sampleEnv(now)
	for src, want := range map[string]bool{
		"daysSince(customer.lastOrderAt) >= 40":           true,
		"daysSince(customer.lastOrderAt) > 40":            false,
		`hasTag(customer.tags, "NEWSLETTER")`:             true,
		"hoursSince(order.paidAt) == 1":                   true,
		`customer.country in ["DE", "AT"]`:                true,
		"order.total >= 20000 && !order.held":             true,
		"daysUntilBirthday(customer.birthday, now) == 77": true,
		"": true,
	} {
		c, err := CompileCondition(src)
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		if got, err := c.Eval(&env); err != nil || got != want {
			t.Fatalf("%q = %v, %v; want %v", src, got, err, want)
		}
	}
	for _, tpl := range Templates {
		if probs := Validate(tpl.Definition); len(probs) > 0 {
			t.Fatalf("template %s: %v", tpl.Key, probs)
		}
	}
}

// FuzzCompileCondition: whatever a seller types, compiling and evaluating it
// returns a result or a positioned error, never a panic or a hang.
func FuzzCompileCondition(f *testing.F) {
	for _, s := range []string{"order.total > 1", "1..", "daysSince(", "filter(1..9, # % 0 == 0)", "customer.tags[99] == 'x'",
		"order.lines", "((((", `hasTag(customer.tags, "a") || 1/0 > 1`} {
		f.Add(s)
	}
	env := sampleEnv(time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC))
	f.Fuzz(func(t *testing.T, src string) {
		c, err := CompileCondition(src)
		if err != nil {
			var ce *ConditionError
			if !errors.As(err, &ce) || ce.Line < 1 || ce.Column < 1 {
				t.Fatalf("%q: unpositioned error %v", src, err)
			}
			return
		}
		c.Eval(&env)
	})
}
