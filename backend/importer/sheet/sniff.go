package sheet

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
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

// sniffSize is how much of a file Sniff reads to tell what it is.
const sniffSize = 64 << 10

// Sniffed is what the first bytes of a file say about it: its format, and
// for delimited text its encoding and delimiter.
type Sniffed struct {
	Format   Format
	Encoding Encoding
	Delim    rune
}

// Sniff refuses anything that is not a spreadsheet with a message the seller
// can act on, and tells CSV from XLSX by content, never by extension.
func Sniff(in File) (Sniffed, error) {
	r, err := in.open()
	if err != nil {
		return Sniffed{}, in.cannotRead(err)
	}
	head := make([]byte, sniffSize)
	n, err := io.ReadFull(r, head)
	r.Close()
	head = head[:n]
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return Sniffed{}, in.cannotRead(err)
	}
	if len(bytes.TrimSpace(head)) == 0 || bytes.Equal(bytes.TrimSpace(head), []byte{0xEF, 0xBB, 0xBF}) {
		return Sniffed{}, domain.Errorf(domain.CodeInvalid, "%s is empty: there is nothing to import.", in.Name)
	}
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return Sniffed{Format: FormatXLSX}, checkZip(in)
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return Sniffed{}, domain.Errorf(domain.CodeInvalid, "%s is an old Excel 97-2003 (.xls) or password-protected workbook. Open it in Excel and save it as .xlsx or CSV, then import that.", in.Name)
	}
	if kind := binaryKind(head); kind != "" {
		return Sniffed{}, domain.Errorf(domain.CodeInvalid, "%s is %s, not a spreadsheet. Import a CSV, TSV or Excel (.xlsx) export.", in.Name, kind)
	}
	enc := detectEncoding(head)
	text, _ := io.ReadAll(decoder(bytes.NewReader(head), enc))
	if !looksLikeText(text) {
		return Sniffed{}, domain.Errorf(domain.CodeInvalid, "%s does not contain text rows: it is not a CSV or TSV file. Import a CSV, TSV or Excel (.xlsx) export.", in.Name)
	}
	return Sniffed{Format: FormatCSV, Encoding: enc, Delim: sniffDelimiter(text)}, nil
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
// beyond what any real sheet needs (a zip bomb), before anything unpacks it.
func checkZip(in File) error {
	var zr *zip.Reader
	if in.data != nil {
		r, err := zip.NewReader(bytes.NewReader(in.data), int64(len(in.data)))
		if err != nil {
			return domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("%s looks like an Excel file but is damaged and cannot be opened.", in.Name))
		}
		zr = r
	} else {
		rc, err := zip.OpenReader(in.path)
		if err != nil {
			return domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("%s looks like an Excel file but is damaged and cannot be opened.", in.Name))
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
			return domain.Errorf(domain.CodeInvalid, "%s expands to far more data than any real spreadsheet (a \"zip bomb\"), so Shopclerk will not open it.", in.Name)
		}
	}
	if total > uint64(MaxUnzipped) {
		return domain.Errorf(domain.CodeInvalid, "%s would expand to %s, more than Shopclerk reads from one workbook (%s). Split it into smaller files.",
			in.Name, humanSize(int64(min(total, 1<<62))), humanSize(MaxUnzipped))
	}
	if !workbook {
		name := strings.ToLower(in.Name)
		if strings.HasSuffix(name, ".docx") || strings.HasSuffix(name, ".pptx") {
			return domain.Errorf(domain.CodeInvalid, "%s is a Word or PowerPoint file, not a spreadsheet.", in.Name)
		}
		return domain.Errorf(domain.CodeInvalid, "%s is a zip archive, not an Excel workbook. Unzip it and import the CSV or .xlsx files inside.", in.Name)
	}
	return nil
}
