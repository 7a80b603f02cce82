package importer

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shopclerk/backend/importer/sheet"
)

// The hostile corpus: files a stranger may send a seller, each of which
// once took all memory, stored junk or was misreported. They are generated
// (some expand to gigabytes), never committed; go test -run TestHostile
// -hostile.keep DIR writes them to DIR to look at.

const customersHeader = "Customer ID,First Name,Last Name,Email,Total Spent\n"

// hostileCSV writes a customers file: n valid rows, then tail.
func hostileCSV(t testing.TB, path string, n int, row func(w io.Writer, i int), tail func(w io.Writer)) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString(customersHeader)
	for i := 1; i <= n; i++ {
		if row != nil {
			row(w, i)
		} else {
			fmt.Fprintf(w, "%d,Casey%d,Fixture,c%d@example.com,10.00\n", i, i, i)
		}
	}
	if tail != nil {
		tail(w)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// junkAfter64K: 3,000 customers, then 1 MiB of random bytes; once 1,934
// customers with binary names were created from it.
func junkAfter64K(t testing.TB, path string) {
	hostileCSV(t, path, 3000, nil, func(w io.Writer) {
		junk := make([]byte, 1<<20)
		rng := rand.New(rand.NewPCG(15, 3))
		for i := range junk {
			junk[i] = byte(rng.Uint32())
		}
		w.Write(junk)
	})
}

// nulAfter64K: one NUL byte inside a name, past the sniffed first 64 KB.
func nulAfter64K(t testing.TB, path string) {
	hostileCSV(t, path, 3000, func(w io.Writer, i int) {
		name := fmt.Sprintf("Casey%d", i)
		if i == 2500 {
			name = "Ca\x00sey"
		}
		fmt.Fprintf(w, "%d,%s,Fixture,c%d@example.com,10.00\n", i, name, i)
	}, nil)
}

// bigCell: a 50 MB first name; it was stored (600 MB of memory, a 158 MB
// database).
func bigCell(t testing.TB, path string) {
	hostileCSV(t, path, 3, func(w io.Writer, i int) {
		if i == 2 {
			fmt.Fprintf(w, "%d,", i)
			w.Write(bytes.Repeat([]byte("A"), 50<<20))
			fmt.Fprintf(w, ",Fixture,c%d@example.com,10.00\n", i)
			return
		}
		fmt.Fprintf(w, "%d,Casey,Fixture,c%d@example.com,10.00\n", i, i)
	}, nil)
}

// hostileEmails: addresses that smuggle other recipients.
var hostileEmails = []string{"a@b.c\nbcc: evil@x.example", "a@b.c, evil@x.example", `"evil" <a@b.c>`, "<a@b.c>", "a b@c.d"}

func badEmails(t testing.TB, path string) {
	hostileCSV(t, path, len(hostileEmails)+1, func(w io.Writer, i int) {
		email := "good@example.com"
		if i <= len(hostileEmails) {
			email = `"` + strings.ReplaceAll(hostileEmails[i-1], `"`, `""`) + `"`
		}
		fmt.Fprintf(w, "%d,Casey,Fixture,%s,10.00\n", i, email)
	}, nil)
}

// deflated compresses n bytes of c once, so a part of 63 MiB costs its
// compression a single time however often it is stored.
func deflated(t testing.TB, prefix, suffix string, n int, c byte) (data []byte, crc uint32, size uint64) {
	var buf bytes.Buffer
	fw, _ := flate.NewWriter(&buf, flate.BestSpeed)
	h := crc32.NewIEEE()
	w := io.MultiWriter(fw, h)
	io.WriteString(w, prefix)
	chunk := bytes.Repeat([]byte{c}, 1<<20)
	for left := n; left > 0; left -= len(chunk) {
		w.Write(chunk[:min(len(chunk), left)])
	}
	io.WriteString(w, suffix)
	fw.Close()
	return buf.Bytes(), h.Sum32(), uint64(len(prefix) + n + len(suffix))
}

// writeXLSX writes a one-sheet workbook: the sheet's XML rows, shared
// strings (raw XML of <si> entries, written compressed) and extra parts.
func writeXLSX(t testing.TB, path, rows string, sst func(zw *zip.Writer), extra func(zw *zip.Writer)) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	rels := `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>`
	if sst != nil {
		rels += `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
	}
	for _, p := range []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
			`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Customers" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels + `</Relationships>`},
		{"xl/worksheets/sheet1.xml", `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + rows + `</sheetData></worksheet>`},
	} {
		w, _ := zw.Create(p.name)
		io.WriteString(w, p.body)
	}
	if sst != nil {
		sst(zw)
	}
	if extra != nil {
		extra(zw)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

func rawPart(t testing.TB, zw *zip.Writer, name string, data []byte, crc uint32, size uint64) {
	w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc,
		CompressedSize64: uint64(len(data)), UncompressedSize64: size})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data)
}

func inlineCell(ref, s string) string {
	return `<c r="` + ref + `" t="inlineStr"><is><t>` + s + `</t></is></c>`
}

func xlsxHeaderRow() string {
	cells := ""
	for i, h := range strings.Split(strings.TrimSpace(customersHeader), ",") {
		cells += inlineCell(string(rune('A'+i))+"1", h)
	}
	return `<row r="1">` + cells + `</row>`
}

func xlsxCustomerRow(r int) string {
	n := fmt.Sprint(r)
	return `<row r="` + n + `">` + inlineCell("A"+n, n) + inlineCell("B"+n, "Casey") + inlineCell("C"+n, "Fixture") +
		inlineCell("D"+n, "c"+n+"@example.com") + `<c r="E` + n + `"><v>10</v></c></row>`
}

// sharedStringBomb: an 84 KB workbook whose one 63 MiB shared string is
// the first name of 6,000 customers.
func sharedStringBomb(t testing.TB, path string) {
	var rows strings.Builder
	rows.WriteString(xlsxHeaderRow())
	for r := 2; r <= 6001; r++ {
		n := fmt.Sprint(r)
		fmt.Fprintf(&rows, `<row r="%s">%s<c r="B%s" t="s"><v>0</v></c>%s</row>`, n, inlineCell("A"+n, n), n, inlineCell("D"+n, "c"+n+"@example.com"))
	}
	writeXLSX(t, path, rows.String(), func(zw *zip.Writer) {
		data, crc, size := deflated(t, `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>`, `</t></si></sst>`, 63<<20, 'A')
		rawPart(t, zw, "xl/sharedStrings.xml", data, crc, size)
	}, nil)
}

// manyParts: a real sheet beside 31 parts of 63 MiB of zeros (1.9 MB in
// all), each under the zip-bomb check; reading them all peaked at 4.8 GB.
func manyParts(t testing.TB, path string) {
	rows := xlsxHeaderRow() + xlsxCustomerRow(2) + xlsxCustomerRow(3)
	writeXLSX(t, path, rows, nil, func(zw *zip.Writer) {
		data, crc, size := deflated(t, "", "", 63<<20, 0)
		for i := 1; i <= 31; i++ {
			rawPart(t, zw, fmt.Sprintf("xl/media/image%d.bin", i), data, crc, size)
		}
	})
}

// oddRows: an interior blank row, a formatting-only row, a row wider than
// the header, and a formatting-only cell at XFD1048576; they were rejected
// as unclosed quotes, blamed on an unquoted NUL, and counted as 1,048,575
// rows.
func oddRows(t testing.TB, path string) {
	rows := xlsxHeaderRow() + xlsxCustomerRow(2) +
		`<row r="3"/><row r="4"><c r="A4" s="1"/><c r="B4" s="1"/></row>` + xlsxCustomerRow(5) +
		`<row r="6">` + inlineCell("A6", "6") + inlineCell("D6", "c6@example.com") + inlineCell("H6", "stray") + `</row>` +
		`<row r="1048576"><c r="XFD1048576" s="1"/></row>`
	writeXLSX(t, path, rows, nil, nil)
}

// hostileImports are the import files of the corpus.
var hostileImports = []struct {
	name  string
	write func(testing.TB, string)
}{
	{"junk_after_64k.csv", junkAfter64K},
	{"nul_after_64k.csv", nulAfter64K},
	{"cell_50mb.csv", bigCell},
	{"emails.csv", badEmails},
	{"shared_string_bomb.xlsx", sharedStringBomb},
	{"many_parts.xlsx", manyParts},
	{"odd_rows.xlsx", oddRows},
}

func hostileFile(t *testing.T, name string) string {
	t.Helper()
	for _, h := range hostileImports {
		if h.name == name {
			p := filepath.Join(t.TempDir(), name)
			h.write(t, p)
			return p
		}
	}
	t.Fatalf("no hostile file %s", name)
	return ""
}

func rejectsWith(p *parsed, reason string) []Issue {
	var out []Issue
	for _, is := range p.rejects {
		if strings.Contains(is.Reason, reason) {
			out = append(out, is)
		}
	}
	return out
}

// TestHostileFilesRefused: junk past the sniffed 64 KB once created 1,934
// customers; the shared-string bomb took all memory.
func TestHostileFilesRefused(t *testing.T) {
	for file, want := range map[string]string{
		"junk_after_64k.csv":      "binary data",
		"shared_string_bomb.xlsx": "expand to more than",
	} {
		_, _, err := collect(t, FileSpec{Path: hostileFile(t, file)})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want the file refused: %q", file, err, want)
		}
	}
}

func TestHostileNULAfter64KRejectsItsRow(t *testing.T) {
	recs, p, err := collect(t, FileSpec{Path: hostileFile(t, "nul_after_64k.csv")})
	if err != nil {
		t.Fatal(err)
	}
	bad := rejectsWith(p, "control characters")
	if len(recs) != 2999 || len(bad) != 1 || bad[0].Row != 2501 || bad[0].Column != "First Name" {
		t.Errorf("got %d records, rejects %+v; want 2999 and row 2501 rejected", len(recs), p.rejects)
	}
}

func TestHostileBigCellRejectsItsRow(t *testing.T) {
	recs, p, err := collect(t, FileSpec{Path: hostileFile(t, "cell_50mb.csv")})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || len(p.rejects) != 1 || p.rejects[0].Row != 3 || len(p.rejects[0].Value) > 300 {
		t.Fatalf("got %d records, rejects %d; want 2 records and row 3 rejected", len(recs), len(p.rejects))
	}
	if !strings.Contains(p.rejects[0].Reason, "4 MB") {
		t.Errorf("reason %q", p.rejects[0].Reason)
	}
	// A cell just over the cell limit, in a row under the row limit.
	long := customersHeader + "1,Casey,Fixture,a@example.com,1\n2," + strings.Repeat("B", sheet.MaxCellText+1) + ",F,b@example.com,1\n"
	recs, p, err = collect(t, FileSpec{Name: "long.csv", Data: []byte(long)})
	if err != nil || len(recs) != 1 || len(p.rejects) != 1 || !strings.Contains(p.rejects[0].Reason, "64 KB") || p.rejects[0].Column != "First Name" {
		t.Errorf("got %v, %d records, rejects %+v; want row 3's First Name rejected", err, len(recs), p.rejects)
	}
}

func TestHostileEmailsKeptWithoutEmail(t *testing.T) {
	recs, p, err := collect(t, FileSpec{Path: hostileFile(t, "emails.csv")})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(hostileEmails)+1 || len(p.warnings) != len(hostileEmails) {
		t.Fatalf("got %d records and warnings %+v", len(recs), p.warnings)
	}
	for _, r := range recs {
		if e := r.Customer.Email; e != "" && e != "good@example.com" {
			t.Errorf("customer %s stored with email %q", r.Customer.ExternalID, e)
		}
	}
	if recs[len(recs)-1].Customer.Email != "good@example.com" {
		t.Errorf("the plain address was lost")
	}
}

func TestHostileManyPartsReadsOnlyTheSheet(t *testing.T) {
	recs, p, err := collect(t, FileSpec{Path: hostileFile(t, "many_parts.xlsx")})
	if err != nil || len(recs) != 2 || len(p.rejects) != 0 {
		t.Fatalf("got %v, %d records, rejects %v; want the 2 customers", err, len(recs), p.rejects)
	}
}

func TestHostileOddRowsGetXLSXReasons(t *testing.T) {
	recs, p, err := collect(t, FileSpec{Path: hostileFile(t, "odd_rows.xlsx")})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || p.rows != 5 {
		t.Errorf("got %d records in %d rows, want 2 in 5 (the trailing formatted cell is no row)", len(recs), p.rows)
	}
	if len(p.rejects) != 1 || p.rejects[0].Row != 6 || !strings.Contains(p.rejects[0].Reason, "beyond the header's last column") {
		t.Errorf("rejects %+v, want row 6 rejected as too wide", p.rejects)
	}
}
