package sheet

import "strings"

// Bounds on the files read at all.
const (
	// MaxFileSize bounds what we try to read at all. Shopify itself caps its
	// imports at 15 MB; a file of gigabytes is almost certainly not a shop
	// export, and refusing early keeps the app responsive.
	MaxFileSize int64 = 1 << 30
	// MaxUploadSize bounds what a browser may send (importer.Uploads) and
	// the in-memory path, which holds the whole file in memory.
	MaxUploadSize int64 = 64 << 20
	// MaxUnzipped bounds what an xlsx may expand to: a zip bomb is refused
	// before any of its parts is read.
	MaxUnzipped int64 = 2 << 30
	// maxRatio is the compression ratio above which a large xlsx part is
	// treated as a zip bomb; real sheets compress 5-20x.
	maxRatio = 200
)

// Bounds on the text a file may hold. A real export's longest cell is a
// product description of a few KB; these are generous for that and keep a
// hostile file (one cell of 50 MB, one shared string of 63 MB used by 6,000
// cells) from taking the machine's memory.
const (
	// MaxCellText: a longer cell rejects its row.
	MaxCellText = 64 << 10
	// MaxRowText: a longer row is cut while it is read (never held whole)
	// and rejected.
	MaxRowText = 4 << 20
	// MaxFileText is the text a workbook's cells may expand to in total,
	// counting a shared string once per cell that uses it.
	MaxFileText = 1 << 30
	// MaxSharedText is the distinct text a workbook's shared-string table
	// may hold (it is kept in memory while the sheet is read), and
	// MaxSharedStrings the number of its entries.
	MaxSharedText    = 128 << 20
	MaxSharedStrings = 8 << 20
	// SampleRows and MaxSampleText bound the rows held to detect the preset
	// and dates (Reader.Sample): 200 rows of up to 4 MB each would be 800 MB.
	SampleRows    = 200
	MaxSampleText = 16 << 20
	// MaxBinaryRows: beyond this many rows of binary junk (and a tenth of
	// the file), the file is refused whole rather than row by row.
	MaxBinaryRows = 50
)

// cutMark replaces what was cut from an over-long row. It holds a NUL, so
// no real cell can contain it, and it travels in-band: the reader that cut
// the row and the check that rejects it need not agree on row numbers.
const cutMark = "\x00[cut]\x00"

// RowProblem says why a row's cells cannot be imported: a cut row, a cell
// over MaxCellText, or binary bytes. col is the offending cell's index
// (-1 for the whole row); binary tells junk from a merely long cell. The
// reason is "" for a row to import.
func RowProblem(cells []string) (col int, reason Reason, binary bool) {
	for i, c := range cells {
		if len(c) > MaxCellText {
			if strings.Contains(c, cutMark) {
				return -1, ReasonRowTooLong, false
			}
			return i, ReasonCellTooLong, false
		}
		if NotText(c) {
			if strings.Contains(c, cutMark) {
				return -1, ReasonRowTooLong, false
			}
			return i, ReasonBinary, true
		}
	}
	return 0, "", false
}

// NotText finds what never belongs in a cell's text: C0 controls other than
// tab and line breaks, DEL, C1 controls (U+0080-U+009F: binary bytes read as
// Windows-1252, or junk in UTF-8) and the noncharacters U+FFFE/U+FFFF.
// U+FFFD is allowed: real exports carry it where a store already lost a
// character (testdata/real/shopify/*mojibake*). It scans bytes: it runs on
// every cell.
func NotText(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20:
			if c != '\t' && c != '\n' && c != '\r' {
				return true
			}
		case c == 0x7F:
			return true
		case c == 0xC2:
			if i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9F {
				return true
			}
		case c == 0xEF:
			if i+2 < len(s) && s[i+1] == 0xBF && s[i+2] >= 0xBE {
				return true
			}
		}
	}
	return false
}
