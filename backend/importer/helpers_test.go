package importer

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"shopclerk/backend/importer/sheet"
)

// collect parses a file without a database: its records and the parse state
// (issues, questions). The error is the file-level refusal, if any.
func collect(t testing.TB, spec FileSpec) ([]Record, *parsed, error) {
	t.Helper()
	in, err := sheet.NewFile(spec.Path, spec.Name, spec.Data)
	if err != nil {
		return nil, nil, err
	}
	p, err := open(context.Background(), in, spec.Options, nil)
	if err != nil {
		return nil, nil, err
	}
	defer p.close()
	if p.b == nil {
		return nil, p, p.unknownHeader()
	}
	if err := p.prepare(spec.Options, true); err != nil {
		return nil, p, err
	}
	var recs []Record
	err = p.run(context.Background(), func(r Record) { recs = append(recs, r) }, 0, nil)
	return recs, p, err
}

func readReal(t testing.TB, rel string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(realDir, rel))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func writeTemp(t testing.TB, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// records parses a CSV into its cells, for rewriting it damaged.
func records(t testing.TB, b []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// rewrite writes records back with a delimiter and line ending of choice,
// mapping every cell through fn (nil keeps them).
func rewrite(t testing.TB, recs [][]string, delim rune, crlf bool, fn func(row, col int, s string) string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Comma, w.UseCRLF = delim, crlf
	for i, rec := range recs {
		out := make([]string, len(rec))
		for j, c := range rec {
			if fn != nil && i > 0 {
				c = fn(i, j, c)
			}
			out[j] = c
		}
		w.Write(out)
	}
	w.Flush()
	return buf.Bytes()
}

func encodeWith(t testing.TB, b []byte, tr transform.Transformer) []byte {
	t.Helper()
	out, _, err := transform.Bytes(tr, b)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func utf16LE(t testing.TB, b []byte) []byte {
	return encodeWith(t, b, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder())
}

func utf16BE(t testing.TB, b []byte) []byte {
	return encodeWith(t, b, unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder())
}

// cp1252 transcodes like an Excel "CSV (Comma delimited)" save: characters
// the code page lacks become "?".
func cp1252(t testing.TB, b []byte) []byte {
	var out bytes.Buffer
	enc := charmap.Windows1252.NewEncoder()
	for _, r := range string(b) {
		e, err := enc.String(string(r))
		if err != nil {
			e = "?"
		}
		out.WriteString(e)
	}
	return out.Bytes()
}

func jsonOf(t testing.TB, v any) string {
	t.Helper()
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func colIndex(t testing.TB, header []string, name string) int {
	t.Helper()
	for i, h := range header {
		if strings.EqualFold(strings.TrimSpace(h), name) {
			return i
		}
	}
	t.Fatalf("no column %q", name)
	return -1
}
