package importer

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"shopclerk/backend/domain"
)

// Format is the container of a file.
type Format string

const (
	FormatCSV  Format = "csv"
	FormatXLSX Format = "xlsx"
)

const (
	// MaxFileSize bounds what we try to read at all. Shopify itself caps its
	// imports at 15 MB; a file of gigabytes is almost certainly not a shop
	// export, and refusing early keeps the app responsive.
	MaxFileSize int64 = 1 << 30
	// MaxUploadSize bounds what a browser may send (app/upload.go) and the
	// in-memory path, which holds the whole file in memory.
	MaxUploadSize int64 = 64 << 20
	// maxUnzipped bounds what an xlsx may expand to: a zip bomb is refused
	// before excelize opens it.
	maxUnzipped int64 = 2 << 30
	// maxRatio is the compression ratio above which a large xlsx part is
	// treated as a zip bomb; real sheets compress 5-20x.
	maxRatio  = 200
	sniffSize = 64 << 10
)

// input is one file to read: a path on disk, or bytes uploaded by the UI.
type input struct {
	name string
	path string
	data []byte
	size int64
}

func (in input) open() (io.ReadCloser, error) {
	if in.data != nil {
		return io.NopCloser(bytes.NewReader(in.data)), nil
	}
	return os.Open(in.path)
}

func newInput(spec FileSpec) (input, error) {
	if spec.Data != nil {
		name := spec.Name
		if name == "" {
			name = "upload"
		}
		if int64(len(spec.Data)) > MaxUploadSize {
			return input{}, domain.Errorf(domain.CodeInvalid, "%s is %s; files read from memory can be at most %s. Use the desktop app or `shopclerk import` for bigger files.",
				name, humanSize(int64(len(spec.Data))), humanSize(MaxUploadSize))
		}
		return input{name: name, data: spec.Data, size: int64(len(spec.Data))}, nil
	}
	name := spec.Name
	if name == "" {
		name = filepath.Base(spec.Path)
	}
	st, err := os.Stat(spec.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return input{}, domain.Wrap(err, domain.CodeNotFound, fmt.Sprintf("%s does not exist.", spec.Path))
	}
	if err != nil {
		return input{}, domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("Shopclerk cannot read %s.", spec.Path))
	}
	if st.IsDir() {
		return input{}, domain.Errorf(domain.CodeInvalid, "%s is a folder, not a file.", spec.Path)
	}
	if st.Size() > MaxFileSize {
		return input{}, domain.Errorf(domain.CodeInvalid, "%s is %s; Shopclerk imports files up to %s. Export a shorter date range, or split the file, and import the parts.",
			name, humanSize(st.Size()), humanSize(MaxFileSize))
	}
	return input{name: name, path: spec.Path, size: st.Size()}, nil
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	default:
		return fmt.Sprintf("%d KB", (n+1023)/1024)
	}
}

// hashInput is the file's sha256, which the import history shows and which
// tells the seller "you imported this exact file before".
func hashInput(in input) (string, error) {
	r, err := in.open()
	if err != nil {
		return "", domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("Shopclerk cannot read %s.", in.name))
	}
	defer r.Close()
	h := sha256.New()
	if _, err := io.Copy(h, r); err != nil {
		return "", domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("Shopclerk cannot read %s.", in.name))
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// sniffed is what the first bytes of a file say about it.
type sniffed struct {
	format   Format
	encoding Encoding
	delim    rune
}

// sniff refuses anything that is not a spreadsheet with a message the seller
// can act on, and tells CSV from XLSX by content, never by extension.
func sniff(in input) (sniffed, error) {
	r, err := in.open()
	if err != nil {
		return sniffed{}, domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("Shopclerk cannot read %s.", in.name))
	}
	head := make([]byte, sniffSize)
	n, err := io.ReadFull(r, head)
	r.Close()
	head = head[:n]
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return sniffed{}, domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("Shopclerk cannot read %s.", in.name))
	}
	if len(bytes.TrimSpace(head)) == 0 || bytes.Equal(bytes.TrimSpace(head), []byte{0xEF, 0xBB, 0xBF}) {
		return sniffed{}, domain.Errorf(domain.CodeInvalid, "%s is empty: there is nothing to import.", in.name)
	}
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return sniffed{format: FormatXLSX}, checkZip(in)
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return sniffed{}, domain.Errorf(domain.CodeInvalid, "%s is an old Excel 97-2003 (.xls) or password-protected workbook. Open it in Excel and save it as .xlsx or CSV, then import that.", in.name)
	}
	if kind := binaryKind(head); kind != "" {
		return sniffed{}, domain.Errorf(domain.CodeInvalid, "%s is %s, not a spreadsheet. Import a CSV, TSV or Excel (.xlsx) export.", in.name, kind)
	}
	enc := detectEncoding(head)
	text, _ := io.ReadAll(decoder(bytes.NewReader(head), enc))
	if !looksLikeText(text) {
		return sniffed{}, domain.Errorf(domain.CodeInvalid, "%s does not contain text rows: it is not a CSV or TSV file. Import a CSV, TSV or Excel (.xlsx) export.", in.name)
	}
	return sniffed{format: FormatCSV, encoding: enc, delim: sniffDelimiter(text)}, nil
}

var magics = []struct {
	prefix string
	kind   string
}{
	{"%PDF", "a PDF document"},
	{"\x89PNG", "a PNG image"},
	{"\xFF\xD8\xFF", "a JPEG image"},
	{"GIF8", "a GIF image"},
	{"\x1F\x8B", "a gzip archive"},
	{"Rar!", "a RAR archive"},
	{"7z\xBC\xAF", "a 7-Zip archive"},
	{"SQLite format 3", "a database file"},
	{"\x7FELF", "a program"},
	{"MZ", "a Windows program"},
	{"{\\rtf", "a rich text document"},
}

func binaryKind(head []byte) string {
	for _, m := range magics {
		if bytes.HasPrefix(head, []byte(m.prefix)) {
			return m.kind
		}
	}
	return ""
}

// looksLikeText rejects binary garbage: NUL bytes or many control characters
// mean the bytes were never a text table.
func looksLikeText(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	bad, total := 0, 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		total++
		switch {
		case r == 0:
			return false
		case r < 0x20 && r != '\n' && r != '\r' && r != '\t':
			bad++
		case r >= 0x7F && r < 0xA0:
			bad++
		}
	}
	return bad*50 < total
}

// checkZip refuses a zip that is not a workbook, or whose parts would expand
// beyond what any real sheet needs (a zip bomb), before excelize opens it.
func checkZip(in input) error {
	var zr *zip.Reader
	if in.data != nil {
		r, err := zip.NewReader(bytes.NewReader(in.data), int64(len(in.data)))
		if err != nil {
			return domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("%s looks like an Excel file but is damaged and cannot be opened.", in.name))
		}
		zr = r
	} else {
		rc, err := zip.OpenReader(in.path)
		if err != nil {
			return domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("%s looks like an Excel file but is damaged and cannot be opened.", in.name))
		}
		defer rc.Close()
		zr = &rc.Reader
	}
	var total uint64
	workbook := false
	for _, f := range zr.File {
		if f.Name == "xl/workbook.xml" {
			workbook = true
		}
		total += f.UncompressedSize64
		if f.UncompressedSize64 > 64<<20 && f.CompressedSize64 > 0 && f.UncompressedSize64/f.CompressedSize64 > maxRatio {
			return domain.Errorf(domain.CodeInvalid, "%s expands to far more data than any real spreadsheet (a \"zip bomb\"), so Shopclerk will not open it.", in.name)
		}
	}
	if total > uint64(maxUnzipped) {
		return domain.Errorf(domain.CodeInvalid, "%s would expand to %s, more than Shopclerk reads from one workbook (%s). Split it into smaller files.",
			in.name, humanSize(int64(min(total, 1<<62))), humanSize(maxUnzipped))
	}
	if !workbook {
		name := strings.ToLower(in.name)
		if strings.HasSuffix(name, ".docx") || strings.HasSuffix(name, ".pptx") {
			return domain.Errorf(domain.CodeInvalid, "%s is a Word or PowerPoint file, not a spreadsheet.", in.name)
		}
		return domain.Errorf(domain.CodeInvalid, "%s is a zip archive, not an Excel workbook. Unzip it and import the CSV or .xlsx files inside.", in.name)
	}
	return nil
}
