package importer

import (
	"archive/zip"
	"bytes"
	"context"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/importdb"
)

// zipBomb builds an "xlsx" whose sheet claims to expand to 10 GB. The
// entry is written raw, so building it costs nothing.
func zipBomb(t testing.TB) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	wb, _ := zw.Create("xl/workbook.xml")
	wb.Write([]byte(`<workbook/>`))
	body := bytes.Repeat([]byte{0}, 4096)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate,
		CompressedSize64: uint64(len(body)), UncompressedSize64: 10 << 30, CRC32: crc32.ChecksumIEEE(nil)})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(body)
	zw.Close()
	return buf.Bytes()
}

func plainZip(t testing.TB) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	f, _ := zw.Create("orders.csv")
	f.Write([]byte("Name,Email\n#1,a@b.c\n"))
	zw.Close()
	return buf.Bytes()
}

// TestBadInput: every file that cannot be imported gets a message a seller
// understands, with code invalid, and the shop is left exactly as it was.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	huge := filepath.Join(dir, "huge.csv")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("Name,Email\n")
	if err := f.Truncate(2 << 30); err != nil { // sparse: costs no disk
		t.Fatal(err)
	}
	f.Close()
	garbage := make([]byte, 4096)
	for i := range garbage {
		garbage[i] = byte(i*7919 + i/3)
	}
	tests := []struct {
		name string
		path string
		data []byte
		want string
	}{
		{"empty file", "", []byte{}, "empty"},
		{"only whitespace and a BOM", "", []byte("\xEF\xBB\xBF  \r\n\r\n"), "empty"},
		{"header only", "", []byte("Name,Email,Financial Status,Lineitem quantity,Lineitem name\n"), "only a header"},
		{"unknown header", "", []byte("foo,bar,baz\n1,2,3\n"), "does not recognise"},
		{"duplicate column names", "", []byte("Name,Email,Email,Lineitem quantity,Lineitem name\n#1,a@b.c,a@b.c,1,x\n"), "appears twice"},
		{"binary garbage", "", garbage, "not a CSV"},
		{"png image", "", append([]byte("\x89PNG\r\n\x1a\n"), garbage...), "PNG image"},
		{"pdf", "", []byte("%PDF-1.7\n..."), "PDF"},
		{"old xls", "", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, garbage...), "97-2003"},
		{"zip that is not a workbook", "", plainZip(t), "zip archive"},
		{"zip bomb disguised as xlsx", "", zipBomb(t), "zip bomb"},
		{"damaged xlsx", "", []byte("PK\x03\x04garbage garbage garbage"), "damaged"},
		{"2 GB file", huge, nil, "up to"},
		{"missing file", filepath.Join(dir, "nope.csv"), nil, "does not exist"},
		{"a folder", dir, nil, "folder"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := openStore(t)
			before, _ := importdb.New(st.Store).RowCounts(context.Background())
			spec := FileSpec{Path: tc.path}
			if tc.path == "" {
				spec.Path = writeTemp(t, "file.csv", tc.data)
			}
			fr := importOne(t, st, spec)
			if fr.Error == "" || !strings.Contains(fr.Error, tc.want) {
				t.Errorf("error %q, want it to mention %q", fr.Error, tc.want)
			}
			if fr.ErrorCode != domain.CodeInvalid && fr.ErrorCode != domain.CodeNotFound {
				t.Errorf("code %q", fr.ErrorCode)
			}
			after, _ := importdb.New(st.Store).RowCounts(context.Background())
			if jsonOf(t, before) != jsonOf(t, after) {
				t.Errorf("the shop changed: %v -> %v", before, after)
			}
			// The in-memory path gives the same answer.
			if tc.data != nil {
				_, err := Inspect(context.Background(), FileSpec{Name: "upload.csv", Data: tc.data}, nil)
				if tc.want != "does not recognise" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
					t.Errorf("Inspect of the bytes: %v", err)
				}
			}
		})
	}
}

func TestInMemorySizeCap(t *testing.T) {
	_, err := Inspect(context.Background(), FileSpec{Name: "big.csv", Data: make([]byte, MaxUploadSize+1)}, nil)
	if err == nil || !strings.Contains(err.Error(), "can be at most 64.0 MB") {
		t.Errorf("got %v", err)
	}
}
