package sheet

import (
	"bytes"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Encoding names what the bytes of a text file were written in.
type Encoding string

const (
	EncUTF8        Encoding = "UTF-8"
	EncUTF8BOM     Encoding = "UTF-8 with BOM"
	EncUTF16LE     Encoding = "UTF-16LE"
	EncUTF16BE     Encoding = "UTF-16BE"
	EncWindows1252 Encoding = "Windows-1252"
)

// detectEncoding looks at the first bytes of a text file. Excel decides the
// same way: a BOM wins; without one we assume UTF-8 and fall back to
// Windows-1252 byte by byte (see utf8OrCP1252), which is what an Excel
// "CSV (Comma delimited)" re-save on Windows produces.
func detectEncoding(head []byte) Encoding {
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		return EncUTF8BOM
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return EncUTF16LE
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return EncUTF16BE
	}
	if !validUTF8Prefix(head) {
		return EncWindows1252
	}
	return EncUTF8
}

// validUTF8Prefix is utf8.Valid that forgives a rune cut by the sample's end.
func validUTF8Prefix(b []byte) bool {
	for i := 0; i < 3 && len(b) > 0; i++ {
		if utf8.Valid(b) {
			return true
		}
		r, _ := utf8.DecodeLastRune(b)
		if r != utf8.RuneError {
			return false
		}
		b = b[:len(b)-1]
	}
	return utf8.Valid(b)
}

// decoder wraps r so it yields UTF-8 without a BOM.
func decoder(r io.Reader, enc Encoding) io.Reader {
	switch enc {
	case EncUTF8BOM:
		return transform.NewReader(r, unicode.UTF8BOM.NewDecoder())
	case EncUTF16LE:
		return transform.NewReader(r, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder())
	case EncUTF16BE:
		return transform.NewReader(r, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder())
	default:
		return transform.NewReader(r, &utf8OrCP1252{})
	}
}

// utf8OrCP1252 passes valid UTF-8 through and decodes every byte that is not
// part of a valid UTF-8 sequence as Windows-1252. A file that is ASCII for
// its first megabytes and then holds an Excel-written "é" is still read
// right, and a real UTF-8 file is never touched.
type utf8OrCP1252 struct {
	transform.NopResetter
	// Fallbacks counts bytes decoded as Windows-1252.
	Fallbacks int
}

var _ transform.Transformer = (*utf8OrCP1252)(nil)

func (t *utf8OrCP1252) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		c := src[nSrc]
		if c < utf8.RuneSelf {
			if nDst >= len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			dst[nDst] = c
			nDst++
			nSrc++
			continue
		}
		r, size := utf8.DecodeRune(src[nSrc:])
		if r == utf8.RuneError && size <= 1 {
			if !atEOF && !utf8.FullRune(src[nSrc:]) {
				// A sequence may continue in the next chunk.
				return nDst, nSrc, transform.ErrShortSrc
			}
			r = charmap.Windows1252.DecodeByte(c)
			size = 1
			t.Fallbacks++
		}
		if nDst+utf8.RuneLen(r) > len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += utf8.EncodeRune(dst[nDst:], r)
		nSrc += size
	}
	return nDst, nSrc, nil
}
