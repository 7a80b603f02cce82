package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"io"
	"strings"
	"testing"
)

// sstWorkbook is a workbook that has only a shared-strings part.
func sstWorkbook(t testing.TB, sst []byte) *workbook {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("xl/sharedStrings.xml")
	w.Write(sst)
	zw.Close()
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	return &workbook{name: "fuzz.xlsx", zr: zr, sst: "xl/sharedStrings.xml"}
}

// FuzzSharedStrings: whatever the shared-strings part holds, its reader
// ends without panicking and keeps every entry within the cell limit.
func FuzzSharedStrings(f *testing.F) {
	f.Add([]byte(`<sst><si><t>Mug</t></si><si><r><t>Tea</t></r><r><t xml:space="preserve"> pot</t></r><rPh><t>ティー</t></rPh></si></sst>`))
	f.Add([]byte(`<sst><si><t>a_x000D_b_x005F_x0041_</t></si><si><t>&amp;&lt;&#x41;</t></si></sst>`))
	f.Add([]byte(`<sst><si><t>` + strings.Repeat("A", MaxCellText+40) + `&amp;</t></si></sst>`))
	f.Add([]byte(`<sst><si><t>unclosed`))
	f.Fuzz(func(t *testing.T, data []byte) {
		sst, err := sstWorkbook(t, data).readSharedStrings()
		if err != nil {
			return
		}
		for i := range sst.end {
			v, n, ok := sst.get(i)
			if !ok || len(v) > MaxCellText+1 || n < int64(len(v)) {
				t.Fatalf("entry %d: %d bytes kept, %d counted", i, len(v), n)
			}
		}
	})
}

func TestSharedStringsRead(t *testing.T) {
	long := strings.Repeat("B", MaxCellText+5000)
	sst, err := sstWorkbook(t, []byte(`<sst><si><t>Mug</t></si><si><r><t>Tea</t></r><r><t xml:space="preserve"> pot</t></r><rPh><t>x</t></rPh></si>`+
		`<si><t>a_x000D_b_x005F_x0041_</t></si><si><t>`+long+`</t></si></sst>`)).readSharedStrings()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Mug", "Tea pot", "a\rb_x0041_", long[:MaxCellText+1]}
	for i, w := range want {
		v, n, _ := sst.get(i)
		if v != w {
			t.Errorf("entry %d = %.40q, want %.40q", i, v, w)
		}
		if i == 3 && n != int64(len(long)) {
			t.Errorf("the cut entry counts %d bytes, want %d", n, len(long))
		}
	}
}

// TestRecordCapResumes: a quoted cell past the row limit, holding line
// breaks and escaped quotes, is cut and its row ends; the rows after it
// read as before.
func TestRecordCapResumes(t *testing.T) {
	huge := `"` + strings.Repeat("x\"\"y\n", MaxRowText/5+100) + `"`
	in := "a,b\n1,2\n3," + huge + "\n5,6\n"
	out, err := io.ReadAll(newRecordCap(strings.NewReader(in), ',', false))
	if err != nil {
		t.Fatal(err)
	}
	if len(out) > MaxRowText+100 {
		t.Fatalf("%d bytes passed on", len(out))
	}
	cr := csv.NewReader(bytes.NewReader(out))
	cr.FieldsPerRecord = -1
	recs, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 4 || recs[3][0] != "5" || !strings.Contains(recs[2][1], cutMark) {
		t.Fatalf("records after the cut: %d, last %q", len(recs), recs[len(recs)-1])
	}
	// A bare quote (a damaged row) must not make later rows one record.
	var b strings.Builder
	b.WriteString("a,b\n1,5\" screen\n")
	for b.Len() < MaxRowText+(1<<20) {
		b.WriteString("2,\"quoted, fine\"\n")
	}
	if got := mustRead(t, newRecordCap(strings.NewReader(b.String()), ',', false)); got != b.String() {
		t.Errorf("a file of short rows after a bare quote was cut (%d of %d bytes)", len(got), b.Len())
	}
}

// FuzzRecordCap: rows under the limit pass through byte for byte, whatever
// their quotes.
func FuzzRecordCap(f *testing.F) {
	f.Add("a,b\n\"q\"\"x\",2\n", false)
	f.Add("a\tb\n5\" screen\t\"Big\" mug\n", true)
	f.Add("a,b\n\"x\"y,\"open\n", false)
	f.Fuzz(func(t *testing.T, s string, lazy bool) {
		delim := ','
		if lazy {
			delim = '\t'
		}
		if got := mustRead(t, newRecordCap(strings.NewReader(s), delim, lazy)); got != s {
			t.Fatalf("%q became %q", s, got)
		}
	})
}

func mustRead(t *testing.T, r io.Reader) string {
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
