package flow

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"shopclerk/backend/domain"
)

// schemaJSON is where the frontend reads the schema (src/api/schema.ts).
var update = flag.Bool("update", false, "rewrite the golden file")

var schemaJSON = filepath.Join("..", "..", "..", "frontend", "src", "api", "schema.json")

// TestSchemaGolden keeps the frontend's copy of the schema equal to
// EditorSchema: change a trigger, a step kind or a builder tag, run
// `go test ./backend/rules/flow -run TestSchemaGolden -update`, and the Vitest
// test in src/pages/automations fails until the editor has a label for it.
func TestSchemaGolden(t *testing.T) {
	got, err := json.MarshalIndent(EditorSchema(), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	if *update {
		if err := os.WriteFile(schemaJSON, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(schemaJSON)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s is not flow.EditorSchema(); run go test ./backend/rules/flow -run TestSchemaGolden -update\n--- got\n%s", schemaJSON, got)
	}
}

// fits says which Go types a builder type may stand for.
var fits = map[FieldType][]reflect.Type{
	FieldString: {reflect.TypeFor[string]()},
	FieldNumber: {reflect.TypeFor[int](), reflect.TypeFor[int64]()},
	FieldMoney:  {reflect.TypeFor[int64]()},
	FieldBool:   {reflect.TypeFor[bool]()},
	FieldTags:   {reflect.TypeFor[[]string]()},
	FieldList:   {reflect.TypeFor[[]string]()},
	FieldDays:   {reflect.TypeFor[time.Time]()},
	FieldHours:  {reflect.TypeFor[time.Time]()},
}

// Every builder field is a condition the engine compiles, written the way
// the builder writes its type, and its Go type is one that builder type
// can stand for (a builder tag of "money" on a string fails here).
func TestSchemaFieldsCompile(t *testing.T) {
	rhs := map[FieldType]string{FieldString: `%s == "x"`, FieldNumber: "%s >= 3", FieldMoney: "%s >= 20000",
		FieldBool: "%s", FieldTags: `hasTag(%s, "vip")`, FieldList: `"MUG-1" in %s`, FieldDays: "%s >= 90", FieldHours: "%s >= 2"}
	fields := EditorSchema().Fields
	if len(fields) < 40 {
		t.Fatalf("only %d builder fields", len(fields))
	}
	seen := map[string]bool{}
	for _, f := range fields {
		if seen[f.Expr] {
			t.Errorf("%s twice", f.Expr)
		}
		seen[f.Expr] = true
		form, ok := rhs[f.Type]
		if !ok {
			t.Errorf("%s: builder type %q is not a FieldType", f.Expr, f.Type)
			continue
		}
		src := strings.ReplaceAll(form, "%s", f.Expr)
		if _, err := CompileCondition(src); err != nil {
			t.Errorf("%s: %v", src, err)
		}
		path := f.Expr
		if i := strings.IndexByte(path, '('); i >= 0 {
			path = strings.TrimSuffix(path[i+1:], ")")
		}
		if gt := envType(t, path); !containsType(fits[f.Type], gt) {
			t.Errorf("%s is a Go %v, which a %q field cannot be", f.Expr, gt, f.Type)
		}
	}
}

func envType(t *testing.T, path string) reflect.Type {
	t.Helper()
	typ := reflect.TypeFor[Env]()
next:
	for _, name := range strings.Split(path, ".") {
		for i := range typ.NumField() {
			if f := typ.Field(i); f.Tag.Get("expr") == name {
				typ = f.Type
				continue next
			}
		}
		t.Fatalf("%s: no field %s in Env", path, name)
	}
	return typ
}

func containsType(ts []reflect.Type, t reflect.Type) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

// Every trigger and step kind the schema lists is one Validate accepts, so
// the editor never offers a name the engine refuses.
func TestSchemaNamesAreKnown(t *testing.T) {
	for _, tr := range Triggers {
		for _, p := range Validate(Definition{Trigger: TriggerSpec{Type: tr}}) {
			if strings.Contains(p.Message, "is not a trigger") {
				t.Errorf("%s: %s", tr, p.Message)
			}
		}
	}
	for _, a := range Actions {
		for _, p := range Validate(Definition{Trigger: TriggerSpec{Type: domain.TriggerOrderPaid}, Steps: []Step{{Action: a}}}) {
			if strings.Contains(p.Message, "is not an action") {
				t.Errorf("%s: %s", a, p.Message)
			}
		}
	}
	for _, x := range Exits {
		for _, p := range Validate(Definition{Trigger: TriggerSpec{Type: domain.TriggerOrderPaid}, Policy: Policy{ExitOn: []Exit{x}}}) {
			if strings.Contains(p.Message, "is not an exit") {
				t.Errorf("%s: %s", x, p.Message)
			}
		}
	}
	for _, sc := range StopScopes {
		d := Definition{Trigger: TriggerSpec{Type: domain.TriggerOrderCancelled}, Steps: []Step{{Action: domain.StepStopSequences, Scope: sc}}}
		if probs := Validate(d); len(probs) != 0 {
			t.Errorf("%s: %+v", sc, probs)
		}
	}
	for _, a := range Afters {
		for _, p := range Validate(Definition{Trigger: TriggerSpec{Type: domain.TriggerDaysAfter, Days: 3, After: a}}) {
			if strings.Contains(p.Message, "which event the days count from") {
				t.Errorf("%s: %s", a, p.Message)
			}
		}
	}
}
