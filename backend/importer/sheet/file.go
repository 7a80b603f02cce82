// Package sheet reads a spreadsheet file into rows of text, bounded, for
// the importer: it knows files, not shops. A file is sniffed (zip bomb,
// binary, empty, old .xls are refused with a message the seller can act
// on), decoded (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252),
// and split: delimited text by encoding/csv with its delimiter sniffed, an
// xlsx by this package's own reader of the few parts an import needs
// (xlsx_book.go). Rows stream one at a time, so memory stays flat whatever
// the file's size.
//
// Files come from strangers too, so every cell, row, workbook and
// shared-string table is bounded (limits.go), and a row the reader cannot
// split or that holds binary junk comes back as a *RowError or a Reason,
// never as cells: the importer reports it and reading goes on. A file that
// cannot be read at all is refused with a *domain.Error.
//
// What the rows mean (presets, fields, values, dates) is the importer's.
package sheet

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"shopclerk/backend/domain"
)

// File is one file to read: a path on disk, or bytes already in memory.
type File struct {
	// Name is the file's name as the seller knows it, for messages.
	Name string
	// Size is its length in bytes.
	Size int64
	path string
	data []byte
}

// NewFile checks a file before anything reads it. name, if set, is the
// name to show for it (a browser upload is a temp file); data, if not nil,
// is the file itself, read from memory (name then names it), and path is
// ignored.
func NewFile(path, name string, data []byte) (File, error) {
	if data != nil {
		if name == "" {
			name = "upload"
		}
		if int64(len(data)) > MaxUploadSize {
			return File{}, domain.Errorf(domain.CodeInvalid, "%s is %s; files read from memory can be at most %s. Use the desktop app or `shopclerk import` for bigger files.",
				name, humanSize(int64(len(data))), humanSize(MaxUploadSize))
		}
		return File{Name: name, data: data, Size: int64(len(data))}, nil
	}
	if name == "" {
		name = filepath.Base(path)
	}
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return File{}, domain.Wrap(err, domain.CodeNotFound, fmt.Sprintf("%s does not exist.", path))
	}
	if err != nil {
		return File{}, domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("Shopclerk cannot read %s.", path))
	}
	if st.IsDir() {
		return File{}, domain.Errorf(domain.CodeInvalid, "%s is a folder, not a file.", path)
	}
	if st.Size() > MaxFileSize {
		return File{}, domain.Errorf(domain.CodeInvalid, "%s is %s; Shopclerk imports files up to %s. Export a shorter date range, or split the file, and import the parts.",
			name, humanSize(st.Size()), humanSize(MaxFileSize))
	}
	return File{Name: name, path: path, Size: st.Size()}, nil
}

func (f File) open() (io.ReadCloser, error) {
	if f.data != nil {
		return io.NopCloser(bytes.NewReader(f.data)), nil
	}
	return os.Open(f.path)
}

// cannotRead is the refusal for a file the system would not let us read.
func (f File) cannotRead(err error) error {
	return domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("Shopclerk cannot read %s.", f.Name))
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

// Hash is the file's sha256, which the import history shows and which
// tells the seller "you imported this exact file before". It reads the
// whole file: a CSV file's rows hash it as they are read instead
// (Options.Tee).
func (f File) Hash() (string, error) {
	r, err := f.open()
	if err != nil {
		return "", f.cannotRead(err)
	}
	defer r.Close()
	h := sha256.New()
	if _, err := io.Copy(h, r); err != nil {
		return "", f.cannotRead(err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
