// Package importer turns the spreadsheets sellers really have (Shopify,
// WooCommerce, Etsy and Amazon exports, or anything with a column mapping)
// into domain rows plus row errors, and applies them to the shop through the
// store's batch Writer, one transaction per file.
//
// Reading is pure and streaming: package sheet sniffs, decodes and splits a
// file into bounded rows of text (files come from strangers too, so every
// cell, row, workbook and shared-string table is bounded and binary junk
// anywhere rejects its rows); this package matches them to a preset by
// header names, never positions, and turns them into records one row at a
// time, so memory stays flat whatever the file's size. A bad row is a
// reported reject, never a silent drop (invariant 6); a file that cannot be
// read at all is refused whole and nothing of it is written.
//
// Import parses on one goroutine while another writes, because parsing and
// SQLite each take about half of the time.
package importer

import (
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/importer/sheet"
)

// Kind is what a file's rows are.
type Kind string

const (
	KindOrders    Kind = "orders"
	KindCarts     Kind = "carts"
	KindProducts  Kind = "products"
	KindInventory Kind = "inventory"
	KindCustomers Kind = "customers"
)

// FileSpec is one file to import: a path (Name, if set, is the name to show
// for it: a browser upload is a temp file), or bytes already in memory (Data
// set, Name its file name; tests and the fuzzer read files this way).
type FileSpec struct {
	Path    string  `json:"path"`
	Name    string  `json:"name"`
	Data    []byte  `json:"-"`
	Options Options `json:"options"`
}

// Options steer how one file is read. The zero value detects everything.
type Options struct {
	// Preset forces a preset instead of detecting it from the header.
	Preset PresetName `json:"preset"`
	// Sheet picks an xlsx sheet; empty reads the active one.
	Sheet string `json:"sheet"`
	// Kind and Mapping drive the generic preset: target field -> column.
	Kind    Kind    `json:"kind"`
	Mapping Mapping `json:"mapping"`
	// DateOrders answers date questions per column name; "*" for all.
	DateOrders map[string]DateOrder `json:"dateOrders"`
	// DefaultDateOrder is used for a truly ambiguous column nobody answered
	// (day first unless set: most of the world writes dates that way).
	DefaultDateOrder DateOrder `json:"defaultDateOrder"`
	// Currency is the shop's, for files that carry none (product exports).
	Currency string `json:"currency"`
	// Location is the shop's zone, for dates written without one.
	Location *time.Location `json:"-"`
}

func (o Options) currency() string {
	if o.Currency == "" {
		return "USD"
	}
	return o.Currency
}

func (o Options) location() *time.Location {
	if o.Location == nil {
		return time.UTC
	}
	return o.Location
}

// Issue is one problem with one cell or row, as the rejected-rows table and
// its xlsx export show it.
type Issue struct {
	File   string `json:"file"`
	Row    int    `json:"row"`
	Column string `json:"column"`
	Value  string `json:"value"`
	Reason string `json:"reason"`
}

// Record is one thing the importer will store; exactly one field is set.
// An order carries its lines; Customer beside an order is the customer
// derived from the order's email.
type Record struct {
	Row      int                `json:"row"`
	Order    *domain.Order      `json:"order,omitempty"`
	Cart     *domain.Cart       `json:"cart,omitempty"`
	Customer *domain.Customer   `json:"customer,omitempty"`
	Product  *domain.Product    `json:"product,omitempty"`
	Stock    *domain.StockLevel `json:"stock,omitempty"`
	// Tracking is a tracking file's number for an order (tracking.go).
	Tracking *domain.TrackingRow `json:"tracking,omitempty"`
	// Discount codes seen on an order, kept so the seller's coupons list
	// knows them.
	DiscountCodes []string `json:"discountCodes,omitempty"`
	// merge says the row holds only part of an order (Etsy's two files) and
	// must be merged with what is stored.
	merge mergeMode
	// prep is a whole order readied for the Writer by the parser goroutine.
	prep domain.PreparedOrder
	// takeOver is the stored generated key this row's variant had before
	// the seller gave it the row's real SKU (takeover.go).
	takeOver string
}

// DateQuestion asks the seller how to read a column whose dates fit both
// day-first and month-first (every value has both parts at most 12).
type DateQuestion struct {
	Column  string    `json:"column"`
	Samples []string  `json:"samples"`
	Default DateOrder `json:"default"`
}

// FileInfo is what Inspect found in a file, for the import screen.
type FileInfo struct {
	Name      string         `json:"name"`
	Size      int64          `json:"size"`
	Format    sheet.Format   `json:"format"`
	Encoding  sheet.Encoding `json:"encoding"`
	Delimiter string         `json:"delimiter"`
	Sheets    []string       `json:"sheets"`
	Sheet     string         `json:"sheet"`
	Preset    PresetName     `json:"preset"`
	Source    domain.Source  `json:"source"`
	Kind      Kind           `json:"kind"`
	Label     string         `json:"label"` // "Shopify orders export, 79 columns"
	Columns   []string       `json:"columns"`
	Preview   []Record       `json:"preview"`
	Questions []DateQuestion `json:"questions"`
	// Mapping is the remembered or suggested one for this header set, with
	// the fields a mapping may fill for each kind.
	HeaderHash        string               `json:"headerHash"`
	Mapping           Mapping              `json:"mapping"`
	MappingRemembered bool                 `json:"mappingRemembered"`
	Fields            map[Kind][]FieldInfo `json:"fields"`
	Issues            []Issue              `json:"issues"`
}

// Progress is reported while files import (the app throttles it).
type Progress struct {
	File      string `json:"file"`
	FileIndex int    `json:"fileIndex"`
	Files     int    `json:"files"`
	Rows      int    `json:"rows"`
	Bytes     int64  `json:"bytes"`
	Total     int64  `json:"total"`
	Phase     Phase  `json:"phase"`
}

// Phase is the step of a file's import: its rows are read and written, then
// a large batch rebuilds the indexes it set aside, then it is committed. The
// last two steps read no more of the file, and take a third of the time of a
// million-line first import, so the screen names them.
type Phase string

const (
	PhaseReading  Phase = ""
	PhaseIndexing Phase = "indexing"
	PhaseSaving   Phase = "saving"
)

// FileResult is what importing one file did.
type FileResult struct {
	File     string        `json:"file"`
	Hash     string        `json:"hash"`
	BatchID  int64         `json:"batchId"`
	Preset   PresetName    `json:"preset"`
	Kind     Kind          `json:"kind"`
	Label    string        `json:"label"`
	Rows     int           `json:"rows"`
	Counts   domain.Counts `json:"counts"`
	Rejected []Issue       `json:"rejected"`
	Warnings []Issue       `json:"warnings"`
	// Error is set when the file was refused whole; nothing of it was written.
	Error     string      `json:"error,omitempty"`
	ErrorCode domain.Code `json:"errorCode,omitempty"`
}

// Result covers every file of one import.
type Result struct {
	Files []FileResult `json:"files"`
}

// RejectedWhole reports whether any file was refused as a whole.
func (r Result) RejectedWhole() bool {
	for _, f := range r.Files {
		if f.Error != "" {
			return true
		}
	}
	return false
}
