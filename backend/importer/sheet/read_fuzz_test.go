package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"testing"

	"shopclerk/backend/domain"
)

// tinyXLSX is a one-sheet workbook with a shared string, an inline string,
// a number and a formula's cached value: the shapes the xlsx reader knows.
func tinyXLSX(t testing.TB) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range []struct{ name, body string }{
		{"xl/workbook.xml", `<workbook xmlns:r="r"><bookViews><workbookView activeTab="0"/></bookViews><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="x/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		{"xl/sharedStrings.xml", `<sst><si><t>Name</t></si><si><r><t>Mu</t></r><r><t>g</t></r></si></sst>`},
		{"xl/worksheets/sheet1.xml", `<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Qty</t></is></c></row>` +
			`<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3"><f>1+1</f><v>2</v></c></row></sheetData></worksheet>`},
	} {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, p.body)
	}
	zw.Close()
	return buf.Bytes()
}

// sellerError fails the test unless err is a refusal a seller can read.
func sellerError(t *testing.T, what string, err error) {
	var de *domain.Error
	if !errors.As(err, &de) {
		t.Fatalf("%s: not a domain error: %T %v", what, err, err)
	}
}

// FuzzRead: whatever a file holds, reading it ends without panicking; a
// refused file is a *domain.Error, an unreadable row a *RowError, and a
// workbook's cells stay within MaxCellText.
func FuzzRead(f *testing.F) {
	f.Add([]byte("Name,Qty\nMug,2\n"))
	f.Add([]byte("\xFF\xFEN\x00,\x00Q\x00\n\x00M\x00,\x002\x00\n\x00"))
	f.Add([]byte("a;b\n\"x\"y;\"open\n"))
	f.Add([]byte("a\tb\n5\" screen\t\"Big\" mug\n"))
	f.Add(tinyXLSX(f))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := NewFile("", "fuzz", data)
		if err != nil {
			return
		}
		sn, err := Sniff(file)
		if err != nil {
			sellerError(t, "sniff", err)
			return
		}
		r, err := Open(file, sn, Options{})
		if err != nil {
			sellerError(t, "open", err)
			return
		}
		defer r.Close()
		if _, err := r.Header(); err != nil {
			sellerError(t, "header", err)
			return
		}
		if _, err := r.Sample(); err != nil {
			sellerError(t, "sample", err)
			return
		}
		for {
			rec, _, err := r.Next()
			if err == io.EOF {
				return
			}
			if re, ok := err.(*RowError); ok {
				if re.Reason == "" {
					t.Fatalf("row %d unreadable without a reason", re.Row)
				}
				continue
			}
			if err != nil {
				sellerError(t, "next", err)
				return
			}
			for _, c := range rec {
				if sn.Format == FormatXLSX && len(c) > MaxCellText+1 {
					t.Fatalf("a cell of %d bytes", len(c))
				}
			}
		}
	})
}
