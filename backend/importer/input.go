package importer

import "shopclerk/backend/importer/sheet"

// Format and Encoding are what the reader (package sheet) found a file to
// be; FileInfo shows them.
type (
	Format   = sheet.Format
	Encoding = sheet.Encoding
)

const (
	FormatCSV  = sheet.FormatCSV
	FormatXLSX = sheet.FormatXLSX
)

// input is the file being imported. name and size repeat the file's Name
// and Size: issues, progress and the import history read them by those
// names.
type input struct {
	file sheet.File
	name string
	size int64
}

func newInput(spec FileSpec) (input, error) {
	f, err := sheet.NewFile(spec.Path, spec.Name, spec.Data)
	if err != nil {
		return input{}, err
	}
	return input{file: f, name: f.Name, size: f.Size}, nil
}

// hashInput is the file's sha256 (sheet.File.Hash).
func hashInput(in input) (string, error) { return in.file.Hash() }

// sniffed is what sheet.Sniff found; format repeats its Format for the
// code that reads it by that name.
type sniffed struct {
	sheet.Sniffed
	format Format
}
