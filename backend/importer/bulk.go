package importer

import (
	"shopclerk/backend/domain"
	"shopclerk/backend/importer/sheet"
)

// bulkMinRows is the smallest estimated batch (in rows) that may load with
// the bulk tables' secondary indexes dropped; below it keeping the indexes
// up to date costs next to nothing. Tests lower it to exercise the bulk path.
var bulkMinRows int64 = 20000

// bulkCacheKiB is the page cache of the import connection while indexes are
// dropped (the shop's connections have 32 MB, which modernc's allocator
// rounds up to about twice that): the inserts then append in rowid order and
// the unique indexes' hot pages mostly fit, so a small cache keeps peak
// memory flat (1M line items with multi-row inserts: 16 MB loads about 1 s
// faster than 8 MB but peaks some 10-20 MB higher).
var bulkCacheKiB int64 = 8192

// xlsxInflation is how many bytes of cells one byte of xlsx holds, roughly
// (the sheet XML is deflated).
const xlsxInflation = 4

// estimatedRows guesses how many data rows the file has from its size and
// the sample's average row length.
func (p *parsed) estimatedRows() int64 {
	var bytes, n int64
	for _, rec := range p.sample {
		if rec == nil {
			continue
		}
		n++
		bytes += int64(len(rec)) // delimiters and line end
		for _, c := range rec {
			bytes += int64(len(c))
		}
	}
	if n == 0 || bytes == 0 {
		return 0
	}
	size := p.in.Size
	if p.sn.Format == sheet.FormatXLSX {
		size *= xlsxInflation
	}
	return size / (bytes/n + 1)
}

// bulkCandidate says whether an orders file is large relative to what the
// shop holds (its rows at least a quarter of the orders stored), so that
// loading it with the bulk tables' plain indexes dropped and rebuilding them
// once at the end is cheaper than updating them row by row. Whether it then
// goes bulk depends on its first batch writing anything (see importFile).
func bulkCandidate(w domain.RecordSink, p *parsed) (bool, error) {
	if p.b.preset.kind != KindOrders {
		return false, nil
	}
	est := p.estimatedRows()
	if est < bulkMinRows {
		return false, nil
	}
	have, err := w.TableRows("orders")
	if err != nil {
		return false, err
	}
	return est*4 >= have, nil
}
