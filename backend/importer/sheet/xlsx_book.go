package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"shopclerk/backend/domain"
)

// A workbook is read part by part from its zip, and only the parts an
// import needs: xl/workbook.xml (sheet names, the active sheet), its
// relationships (which part holds which sheet), the shared strings and the
// one sheet being read. Styles, images, pivot caches and whatever else a
// file carries are never unpacked, so their size does not matter.
type workbook struct {
	name   string
	zr     *zip.Reader
	closer io.Closer
	sheets []wbSheet
	active int
	sst    string // the shared-strings part, "" when there is none
}

type wbSheet struct{ name, part string }

// maxMetaPart bounds the workbook and relationship parts, which list
// sheets: a few KB in a real file.
const maxMetaPart = 16 << 20

func openWorkbook(in File) (*workbook, error) {
	wb := &workbook{name: in.Name}
	if in.data != nil {
		zr, err := zip.NewReader(bytes.NewReader(in.data), int64(len(in.data)))
		if err != nil {
			return nil, wb.damaged(err)
		}
		wb.zr = zr
	} else {
		rc, err := zip.OpenReader(in.path)
		if err != nil {
			return nil, wb.damaged(err)
		}
		wb.zr, wb.closer = &rc.Reader, rc
	}
	if err := wb.readMeta(); err != nil {
		wb.Close()
		return nil, err
	}
	return wb, nil
}

func (wb *workbook) Close() error {
	if wb.closer != nil {
		return wb.closer.Close()
	}
	return nil
}

func (wb *workbook) damaged(err error) error {
	return domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("%s looks like an Excel file but cannot be opened (it may be damaged or password-protected).", wb.name))
}

// part opens one part of the zip after checking its declared size (which
// archive/zip enforces while reading), and caps its text runs (xmlCap).
func (wb *workbook) part(name string, limit int64) (io.ReadCloser, error) {
	for _, f := range wb.zr.File {
		if f.Name != name {
			continue
		}
		if f.UncompressedSize64 > uint64(limit) {
			return nil, domain.Errorf(domain.CodeInvalid, "%s holds a part (%s) that expands to %s, more than any real spreadsheet, so Shopclerk will not read it.",
				wb.name, name, humanSize(int64(min(f.UncompressedSize64, 1<<62))))
		}
		rc, err := f.Open()
		if err != nil {
			return nil, wb.damaged(err)
		}
		return struct {
			io.Reader
			io.Closer
		}{newXMLCap(rc), rc}, nil
	}
	return nil, nil
}

// readMeta reads the sheet list, the active sheet and where the sheets and
// shared strings are.
func (wb *workbook) readMeta() error {
	var book struct {
		Views []struct {
			ActiveTab int `xml:"activeTab,attr"`
		} `xml:"bookViews>workbookView"`
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"id,attr"` // r:id, in any namespace (Strict OOXML has its own)
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	for _, x := range []struct {
		part string
		v    any
	}{{"xl/workbook.xml", &book}, {"xl/_rels/workbook.xml.rels", &rels}} {
		rc, err := wb.part(x.part, maxMetaPart)
		if err != nil {
			return err
		}
		if rc == nil {
			continue
		}
		err = xml.NewDecoder(rc).Decode(x.v)
		rc.Close()
		if err != nil {
			return wb.damaged(err)
		}
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		t := strings.TrimPrefix(r.Target, "/")
		if !strings.HasPrefix(r.Target, "/") {
			t = path.Join("xl", r.Target)
		}
		targets[r.ID] = t
		if strings.HasSuffix(r.Type, "/sharedStrings") {
			wb.sst = t
		}
	}
	for i, s := range book.Sheets {
		part, ok := targets[s.ID]
		if !ok {
			part = "xl/worksheets/sheet" + strconv.Itoa(i+1) + ".xml"
		}
		wb.sheets = append(wb.sheets, wbSheet{name: s.Name, part: part})
	}
	if len(book.Views) > 0 {
		wb.active = book.Views[0].ActiveTab
	}
	return nil
}

// sharedStrings is the workbook's table of distinct cell texts, each kept
// to MaxCellText+1 bytes (a longer one can only reject the rows using it)
// in one arena.
type sharedStrings struct {
	text []byte
	end  []uint32 // entry i is text[end[i-1]:end[i]]
	// cut are the full lengths of the entries kept shortened: each cell
	// using one counts that much against MaxFileText.
	cut map[int]int64
}

// get returns entry i and the length of its full text.
func (s *sharedStrings) get(i int) (string, int64, bool) {
	if i < 0 || i >= len(s.end) {
		return "", 0, false
	}
	start := uint32(0)
	if i > 0 {
		start = s.end[i-1]
	}
	v := string(s.text[start:s.end[i]])
	if n, ok := s.cut[i]; ok {
		return v, n, true
	}
	return v, int64(len(v)), true
}

// readSharedStrings streams the shared-strings part: <si> entries of plain
// <t> text or rich-text runs <r><t>, whose phonetic hints (<rPh>) Excel
// does not show. It refuses a table past MaxSharedText or MaxSharedStrings.
func (wb *workbook) readSharedStrings() (*sharedStrings, error) {
	sst := &sharedStrings{}
	if wb.sst == "" {
		return sst, nil
	}
	rc, err := wb.part(wb.sst, MaxUnzipped)
	if err != nil || rc == nil {
		return sst, err
	}
	defer rc.Close()
	tooMuch := domain.Errorf(domain.CodeInvalid, "%s holds more distinct text than Shopclerk reads from one workbook (%s in up to %d entries). Save the sheet as CSV, or split it, and import that.",
		wb.name, humanSize(MaxSharedText), MaxSharedStrings)
	dec := xml.NewDecoder(rc)
	var cell cellText
	depthPh, inT, inSI := 0, false, false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return sst, nil
		}
		if err != nil {
			return nil, wb.damaged(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				inSI, cell = true, cellText{}
			case "rPh":
				depthPh++
			case "t":
				inT = inSI && depthPh == 0
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				if len(sst.end) >= MaxSharedStrings || len(sst.text)+len(cell.b) > MaxSharedText {
					return nil, tooMuch
				}
				if cell.n > int64(len(cell.b)) {
					if sst.cut == nil {
						sst.cut = map[int]int64{}
					}
					sst.cut[len(sst.end)] = cell.n
				}
				sst.text = append(sst.text, unescapeOOXML(cell.b)...)
				sst.end = append(sst.end, uint32(len(sst.text)))
				inSI = false
			case "rPh":
				depthPh--
			case "t":
				inT = false
			}
		case xml.CharData:
			if inT {
				cell.add(t)
			}
		case xml.Comment:
			if inT {
				cell.addCut(t)
			}
		}
	}
}

// cellText gathers one cell's text, keeping at most MaxCellText+1 bytes: a
// longer cell rejects its row, and what it held is never needed whole.
type cellText struct {
	b []byte
	n int64 // the full length
}

func (c *cellText) add(b []byte) {
	c.n += int64(len(b))
	if room := MaxCellText + 1 - len(c.b); room > 0 {
		c.b = append(c.b, b[:min(room, len(b))]...)
	}
}

// unescapeOOXML decodes Excel's _xHHHH_ escapes of characters XML 1.0
// cannot hold (as excelize did): "_x000D_" is a carriage return, and
// "_x005F_" a literal underscore that protects a following escape.
func unescapeOOXML(b []byte) []byte {
	if !bytes.Contains(b, []byte("_x")) {
		return b
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		if i+7 <= len(b) && b[i] == '_' && b[i+1] == 'x' && b[i+6] == '_' {
			if v, err := strconv.ParseUint(string(b[i+2:i+6]), 16, 16); err == nil {
				if v == 0x5F {
					out = append(out, '_')
				} else {
					out = append(out, string(rune(v))...)
				}
				i += 7
				continue
			}
		}
		out = append(out, b[i])
		i++
	}
	return out
}

// xmlCap passes XML through, cutting every text run (the bytes between two
// tags) to MaxCellText+1 bytes, so encoding/xml never holds a 63 MB text
// node. A cut run is followed by the comment <!--cut N--> (N bytes were
// dropped), which arrives in order after the text, so the full length
// still counts against MaxFileText. A cut never splits an entity (&amp;).
// A tag longer than MaxCellText is damage.
type xmlCap struct {
	r              io.Reader
	buf, out, obuf []byte
	inTag, inEnt   bool
	run            int   // bytes of the current text run or tag
	cut            int64 // bytes dropped from the current run
}

func newXMLCap(r io.Reader) *xmlCap { return &xmlCap{r: r, buf: make([]byte, 32<<10)} }

var errTagTooLong = fmt.Errorf("an XML tag is longer than %d bytes", MaxCellText)

const cutComment = "cut "

func (c *xmlCap) Read(p []byte) (int, error) {
	for len(c.out) == 0 {
		n, err := c.r.Read(c.buf)
		out, ferr := c.filter(c.buf[:n], c.obuf[:0])
		c.out, c.obuf = out, out[:0]
		if ferr != nil {
			return 0, ferr
		}
		if err != nil && len(c.out) == 0 {
			return 0, err
		}
	}
	n := copy(p, c.out)
	c.out = c.out[n:]
	return n, nil
}

func (c *xmlCap) filter(in, out []byte) ([]byte, error) {
	for _, b := range in {
		switch {
		case b == '<':
			if c.cut > 0 {
				out = append(out, "<!--"+cutComment...)
				out = strconv.AppendInt(out, c.cut, 10)
				out = append(out, "-->"...)
			}
			c.inTag, c.run, c.cut, c.inEnt = true, 0, 0, false
		case b == '>' && c.inTag:
			c.inTag, c.run = false, -1
		case c.inTag:
			if c.run > MaxCellText {
				return out, errTagTooLong
			}
		case c.cut > 0 || c.run > MaxCellText && (!c.inEnt || c.run > MaxCellText+16):
			c.cut++
			continue
		case b == '&':
			c.inEnt = true
		case b == ';':
			c.inEnt = false
		}
		c.run++
		out = append(out, b)
	}
	return out, nil
}

// addCut counts the bytes an xmlCap comment says were dropped.
func (c *cellText) addCut(comment []byte) {
	if n, ok := bytes.CutPrefix(comment, []byte(cutComment)); ok {
		if v, err := strconv.ParseInt(string(n), 10, 64); err == nil && v > 0 {
			c.n += v
		}
	}
}
