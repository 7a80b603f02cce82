package domain

import (
	"strconv"
	"time"
)

// A connected store's vocabulary (issue 11): the seller's Shopify and
// WooCommerce stores, how Shopclerk signs in to each, and what a sync did.
// backend/connector syncs them, backend/store/connectordb keeps them, the
// app and the CLI show them.

// StoreKind is the platform a connected store runs on.
type StoreKind string

const (
	StoreShopify     StoreKind = "shopify"
	StoreWooCommerce StoreKind = "woocommerce"
	StoreEtsy        StoreKind = "etsy"
)

// Source is where the store's records come from: the same source the
// store's spreadsheet exports import as, so both paths reach one record.
func (k StoreKind) Source() Source {
	switch k {
	case StoreWooCommerce:
		return SourceWooCommerce
	case StoreEtsy:
		return SourceEtsy
	}
	return SourceShopify
}

// StoreUnwritable says, for each write a platform's API cannot make at
// all, why, in the seller's words ("" where the write is possible). The
// switch stays off and the screen shows the sentence instead.
type StoreUnwritable struct {
	Coupons string `json:"coupons"`
	Stock   string `json:"stock"`
	Tags    string `json:"tags"`
	Holds   string `json:"holds"`
}

// Unwritable is what the platform's API cannot write.
func (k StoreKind) Unwritable() StoreUnwritable {
	if k != StoreEtsy {
		return StoreUnwritable{}
	}
	// Etsy's Open API v3 retired coupons (etsy/open-api#514) and has no
	// buyer tags or order holds.
	return StoreUnwritable{
		Coupons: "Etsy's API cannot create coupon codes: create Etsy coupons yourself in Shop Manager > Marketing > Sales and discounts.",
		Tags:    "Etsy has no customer or order tags; tags stay in Shopclerk.",
		Holds:   "Etsy has no order holds; a held order is held in Shopclerk only.",
	}
}

// Refused is the reason the first write switched on in w cannot be made
// ("" when all can).
func (u StoreUnwritable) Refused(w StoreWrites) string {
	for _, c := range []struct {
		on  bool
		why string
	}{{w.Coupons, u.Coupons}, {w.Stock, u.Stock}, {w.Tags, u.Tags}, {w.Holds, u.Holds}} {
		if c.on && c.why != "" {
			return c.why
		}
	}
	return ""
}

// StoreAuth is how Shopclerk signs in to a store.
type StoreAuth string

const (
	// AuthToken: a Shopify custom app's Admin API access token (shpat_...).
	AuthToken StoreAuth = "token"
	// AuthClientCredentials: a Shopify Dev Dashboard app's client ID and
	// secret, exchanged for a token that lasts about a day.
	AuthClientCredentials StoreAuth = "client_credentials"
	// AuthKeys: a WooCommerce REST API consumer key and secret.
	AuthKeys StoreAuth = "keys"
	// AuthOAuth: an OAuth 2 sign-in (Etsy): the app's keystring is the
	// client ID; the keychain keeps the shared secret and the tokens.
	AuthOAuth StoreAuth = "oauth"
)

// ConnectedStore is one store the seller connected. Its secret is in the
// OS keychain (invariant 7), under StoreSecretKey(ID).
type ConnectedStore struct {
	ID       int64     `json:"id"`
	Name     string    `json:"name"`
	Kind     StoreKind `json:"kind"`
	URL      string    `json:"url"`
	Auth     StoreAuth `json:"auth"`
	ClientID string    `json:"clientId"` // Shopify client ID, WooCommerce consumer key or Etsy keystring
	Currency string    `json:"currency"` // as the store's last test said
	TimeZone string    `json:"timeZone"`
	// Writes is what the seller allows Shopclerk to write to the store.
	Writes StoreWrites `json:"writes"`
	// LastSync is when a sync of this store last finished; nil before the first.
	LastSync  *time.Time `json:"lastSync"`
	CreatedAt time.Time  `json:"createdAt"`
}

// StoreWrites are what Shopclerk may write to a store, one switch each,
// all off until the seller turns them on.
type StoreWrites struct {
	// Coupons: every coupon Shopclerk issues becomes a discount code in the
	// store before its email may be sent.
	Coupons bool `json:"coupons"`
	// Stock: a purchase order received adds its stock in the store too.
	Stock bool `json:"stock"`
	// Tags: the tags Shopclerk sets on customers (by the seller, by a flow,
	// the RFM segment) and "held for review" on held orders go to the store.
	Tags bool `json:"tags"`
	// Holds: an order held for review in Shopclerk is put on hold in the
	// store until the seller releases it in Shopclerk.
	Holds bool `json:"holds"`
}

// Any reports whether any write is allowed.
func (w StoreWrites) Any() bool { return w.Coupons || w.Stock || w.Tags || w.Holds }

// WriteKind is what a queued write writes.
type WriteKind string

const (
	WriteCoupon WriteKind = "coupon"
	WriteStock  WriteKind = "stock"
	WriteTag    WriteKind = "tag"
	WriteHold   WriteKind = "hold"
)

// WriteStatus is where a queued write is.
type WriteStatus string

const (
	// WritePending waits for its (next) try; LastError says why it waits.
	WritePending WriteStatus = "pending"
	// WriteApplying: the store was being called; the outcome is not recorded.
	WriteApplying WriteStatus = "applying"
	WriteDone     WriteStatus = "done"
	// WriteSkipped: nothing to write in this store (Note says why).
	WriteSkipped WriteStatus = "skipped"
)

// StoreWrite is one line of the write-back queue.
type StoreWrite struct {
	ID        int64       `json:"id"`
	StoreID   int64       `json:"storeId"`
	StoreName string      `json:"storeName"`
	Kind      WriteKind   `json:"kind"`
	Subject   string      `json:"subject"` // the coupon code, or the SKU
	Status    WriteStatus `json:"status"`
	Tries     int         `json:"tries"`
	LastError string      `json:"lastError"`
	Note      string      `json:"note"`
	RemoteID  string      `json:"remoteId"`
	NextAt    time.Time   `json:"nextAt"`
	CreatedAt time.Time   `json:"createdAt"`
	DoneAt    *time.Time  `json:"doneAt"`
}

// StoreSecretKey is the keychain key of a store's secret: the token, the
// client secret or the consumer secret.
func StoreSecretKey(storeID int64) string {
	return "store-secret:" + strconv.FormatInt(storeID, 10)
}

// SyncRun is one line of a store's sync history.
type SyncRun struct {
	ID         int64      `json:"id"`
	StoreID    int64      `json:"storeId"`
	StoreName  string     `json:"storeName"`
	Full       bool       `json:"full"`
	Status     string     `json:"status"` // running, done, failed
	Counts     Counts     `json:"counts"`
	Deleted    int        `json:"deleted"`
	Message    string     `json:"message"`
	StartedAt  time.Time  `json:"startedAt"`
	FinishedAt *time.Time `json:"finishedAt"`
}
