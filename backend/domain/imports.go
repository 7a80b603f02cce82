package domain

import (
	"fmt"
	"strings"
	"time"
)

// An import's vocabulary: the batch a file or a demo generation writes,
// what it did to the shop and the rows it could not take. importer and demo
// write batches, the app lists them; store keeps them.

// BatchMeta describes one import batch (one file, or one demo generation).
type BatchMeta struct {
	FileName string
	FileHash string
	FileSize int64
	Preset   string
	Kind     string
}

// Counts are what a batch did to the shop.
type Counts struct {
	Created   int `json:"created"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
	Rejected  int `json:"rejected"`
}

// Reject is one row the importer could not take, kept with its batch.
type Reject struct {
	File   string `json:"file"`
	Row    int    `json:"row"`
	Column string `json:"column"`
	Value  string `json:"value"`
	Reason string `json:"reason"`
}

// ImportBatch is one line of the import history: a file, its hash and what
// importing it did.
type ImportBatch struct {
	ID         int64      `json:"id"`
	FileName   string     `json:"fileName"`
	FileHash   string     `json:"fileHash"`
	FileSize   int64      `json:"fileSize"`
	Preset     string     `json:"preset"`
	Kind       string     `json:"kind"`
	Status     string     `json:"status"`
	Rows       int        `json:"rows"`
	Counts     Counts     `json:"counts"`
	Message    string     `json:"message"`
	StartedAt  time.Time  `json:"startedAt"`
	FinishedAt *time.Time `json:"finishedAt"`
}

// What a products or inventory import and the store say to each other
// about keys generated for SKU-less variants (see backend/importer/skuless.go).

// GeneratedKeys are the shop's generated keys as a products or inventory
// import needs them, read once per file.
type GeneratedKeys struct {
	// Stored are the keys of products stored with sku_generated = 1; nil
	// when there are none.
	Stored map[string]struct{}
	// Renamed maps a generated key that a real SKU took over to that SKU;
	// nil when there are none.
	Renamed map[string]string
}

// TakeOver is what TakeOverGeneratedKey did.
type TakeOver int

const (
	// TakeOverNone: the key is not a generated product's (any more).
	TakeOverNone TakeOver = iota
	// TakeOverDone: the product and its stock now use the real SKU; the rest
	// moves in FinishTakeOvers.
	TakeOverDone
	// TakeOverBothExist: the real SKU is in use already, so both are kept.
	TakeOverBothExist
)

// SKUClashError says a product key means a real SKU in one place and a key
// Shopclerk generated for a SKU-less variant in the other. The row that
// would mix them up is refused instead.
type SKUClashError struct {
	SKU string
	// StoredGenerated is what the stored product's key is.
	StoredGenerated bool
}

func (e *SKUClashError) Error() string {
	if e.StoredGenerated {
		return fmt.Sprintf("%s is the key Shopclerk gave a variant without a SKU, so this product cannot use it as its SKU", e.SKU)
	}
	return fmt.Sprintf("a product in the shop has %s as its real SKU, so Shopclerk cannot use it as the key of a variant without a SKU", e.SKU)
}

// LineName is the name Shopify gives an order line of a product's variant:
// "Title - Variant title", or the title alone for a product without options.
func LineName(title, variantTitle string) string {
	title, variantTitle = strings.TrimSpace(title), strings.TrimSpace(variantTitle)
	if variantTitle == "" {
		return title
	}
	return title + " - " + variantTitle
}

// RecordSink is one file's import batch, open in its transaction: what
// the importer hands its records to (backend/store/importdb implements it).
// Its methods run on the importer's writing goroutine, except the preparer
// OrderPreparer returns, which runs on the parser's.
type RecordSink interface {
	// Reading what a file depends on, in the batch's own transaction.
	GeneratedSKUNames() (map[string]string, error)
	GeneratedKeys() (GeneratedKeys, error)
	StoredOrder(source Source, externalID string) (Order, bool, error)
	TableRows(table string) (int64, error)
	Written() int

	// Records. An order is written with the discount codes seen on it.
	Order(o Order, c *Customer, discountCodes []string) error
	OrderPreparer() func(o *Order, c *Customer, discountCodes []string) PreparedOrder
	Orders(prepared []PreparedOrder) error
	Cart(c Cart, cust *Customer) error
	Product(p Product) error
	// Stock sets a stock level; p, if set, is its product, created if missing.
	Stock(l StockLevel, p *Product) error
	Customer(c Customer) error
	// Tracking stores a tracking file's row as a shipment of its order, or
	// keeps it unmatched until the order arrives.
	Tracking(r TrackingRow) (TrackingNote, error)
	Reject(r Reject)

	// A SKU-less variant's generated key taken over by its real SKU.
	TakeOverGeneratedKey(key, sku string) (TakeOver, error)
	FinishTakeOvers() error

	// The bulk path: a large orders file loads with the plain indexes of
	// the bulk tables dropped and rebuilt once at the end.
	DropIndexesForBulk(cacheKiB int64) (BulkIndexes, error)
	SetFileHash(hash string) error
}

// PreparedOrder is an order a RecordSink's preparer readied (its row hash
// and statement values) for that batch's Orders; only that batch reads it.
type PreparedOrder interface{ PreparedOrder() }

// BulkIndexes are the indexes a RecordSink dropped for a bulk load.
type BulkIndexes interface {
	// Rebuild creates them again, once the rows are in.
	Rebuild() error
	// Restore puts back whatever Rebuild did not (after a failure).
	Restore() error
}
