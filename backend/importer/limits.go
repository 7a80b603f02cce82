package importer

import "strings"

// Bounds on the text a file may hold. A real export's longest cell is a
// product description of a few KB; these are generous for that and keep a
// hostile file (one cell of 50 MB, one shared string of 63 MB used by 6,000
// cells) from taking the machine's memory.
const (
	// maxCellText: a longer cell rejects its row.
	maxCellText = 64 << 10
	// maxRowText: a longer row is cut while it is read (never held whole)
	// and rejected.
	maxRowText = 4 << 20
	// maxFileText is the text a workbook's cells may expand to in total,
	// counting a shared string once per cell that uses it.
	maxFileText = 1 << 30
	// maxSharedText is the distinct text a workbook's shared-string table
	// may hold (it is kept in memory while the sheet is read), and
	// maxSharedStrings the number of its entries.
	maxSharedText    = 128 << 20
	maxSharedStrings = 8 << 20
	// maxSampleText bounds the rows held to detect the preset and dates.
	maxSampleText = 16 << 20
	// maxBinaryRows: beyond this many rows of binary junk (and a tenth of
	// the file), the file is refused whole rather than row by row.
	maxBinaryRows = 50
)

// cutMark replaces what was cut from an over-long row. It holds a NUL, so
// no real cell can contain it, and it travels in-band: the reader that cut
// the row and the check that rejects it need not agree on row numbers.
const cutMark = "\x00[cut]\x00"

// Row rejection reasons (checkRow).
const (
	reasonTooLong = "this row holds more than 4 MB of text, more than any real export; it was not read"
	reasonBinary  = "holds control characters or bytes that are not text: the file is damaged here, or is not an export"
)

// rowProblem says why a row's cells cannot be imported: a cut row, a cell
// over maxCellText, or binary bytes. col is the offending cell's index
// (-1 for the whole row); binary tells junk from a merely long cell.
func rowProblem(cells []string) (col int, reason string, binary bool) {
	for i, c := range cells {
		if len(c) > maxCellText {
			if strings.Contains(c, cutMark) {
				return -1, reasonTooLong, false
			}
			return i, "holds more than 64 KB of text, the most Shopclerk reads from one cell", false
		}
		if notText(c) {
			if strings.Contains(c, cutMark) {
				return -1, reasonTooLong, false
			}
			return i, reasonBinary, true
		}
	}
	return 0, "", false
}

// notText finds what never belongs in a cell's text: C0 controls other than
// tab and line breaks, DEL, C1 controls (U+0080-U+009F: binary bytes read as
// Windows-1252, or junk in UTF-8) and the noncharacters U+FFFE/U+FFFF.
// U+FFFD is allowed: real exports carry it where a store already lost a
// character (testdata/real/shopify/*mojibake*). It scans bytes: it runs on
// every cell.
func notText(s string) bool {
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

// clip shortens a value for an issue: the rejected-rows table shows a
// cell, not 50 MB of it.
func clip(s string) string {
	const n = 200
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}
