package store

import (
	"embed"
	"fmt"
	"io/fs"
	"strings"
)

//go:embed queries/*.sql
var queryFS embed.FS

// queries holds every named query from queries/*.sql. A file holds blocks
// that each start with a line "-- name: Name".
var queries = loadQueries(queryFS)

func loadQueries(fsys fs.FS) map[string]string {
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
				name = strings.TrimSpace(n)
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
