package store

import (
	"embed"
	"fmt"
	"io/fs"
	"strings"
)

//go:embed queries/*.sql
var queryFS embed.FS

// queries holds the core's named queries from queries/*.sql.
var queries = LoadQueries(queryFS)

// LoadQueries reads every named query from fsys's queries/*.sql: blocks
// that each start with a line "-- name: Name" (sqlc's ":one"-style suffix,
// if any, is not part of the name). Each concern package loads its own.
func LoadQueries(fsys fs.FS) map[string]string {
	out := map[string]string{}
	files, _ := fs.Glob(fsys, "queries/*.sql")
	for _, f := range files {
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			panic(err)
		}
		var name string
		var body strings.Builder
		flush := func() {
			if name != "" {
				out[name] = strings.TrimSpace(body.String())
			}
			body.Reset()
		}
		for _, line := range strings.Split(string(b), "\n") {
			if n, ok := strings.CutPrefix(strings.TrimSpace(line), "-- name:"); ok {
				flush()
				name, _, _ = strings.Cut(strings.TrimSpace(n), " ")
				continue
			}
			body.WriteString(line)
			body.WriteByte('\n')
		}
		flush()
	}
	return out
}

// q returns a named query; a missing name is a programming error caught by
// the store tests, which run every query at least once.
func q(name string) string {
	s, ok := queries[name]
	if !ok {
		panic(fmt.Sprintf("store: no query named %q", name))
	}
	return s
}

// NamedQueries loads fsys's named queries (see LoadQueries) and returns the
// look-up a concern package calls q: a missing name is a programming error
// caught by that package's tests, which run every query at least once.
func NamedQueries(fsys fs.FS) func(name string) string {
	m := LoadQueries(fsys)
	return func(name string) string {
		s, ok := m[name]
		if !ok {
			panic(fmt.Sprintf("store: no query named %q", name))
		}
		return s
	}
}
