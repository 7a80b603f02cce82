package domain

import "time"

// CouponStatus is where a coupon is in its life, as the Coupons screen shows
// it: issued by a flow or campaign, created in the store (write-back),
// emailed to its customer, then redeemed by an order or expired.
type CouponStatus string

const (
	CouponIssued   CouponStatus = "issued"
	CouponInStore  CouponStatus = "in_store"
	CouponEmailed  CouponStatus = "emailed"
	CouponRedeemed CouponStatus = "redeemed"
	CouponExpired  CouponStatus = "expired"
)

// CouponStatuses is every status, in the order of a coupon's life.
var CouponStatuses = []CouponStatus{CouponIssued, CouponInStore, CouponEmailed, CouponRedeemed, CouponExpired}

// Valid reports whether s is one of CouponStatuses.
func (s CouponStatus) Valid() bool {
	for _, v := range CouponStatuses {
		if v == s {
			return true
		}
	}
	return false
}

// CouponFilter narrows the Coupons screen's list.
type CouponFilter struct {
	Status     CouponStatus `json:"status"`
	FlowID     int64        `json:"flowId"`
	CampaignID int64        `json:"campaignId"`
	Search     string       `json:"search"` // a code, or a customer's email
	Limit      int          `json:"limit"`
	Offset     int          `json:"offset"`
}

// CouponValue is what a coupon takes off: a percentage or an amount (minor
// units of Currency), and free shipping.
type CouponValue struct {
	PercentOff   int    `json:"percentOff"`
	AmountOff    int64  `json:"amountOff"`
	Currency     string `json:"currency"`
	FreeShipping bool   `json:"freeShipping"`
}

// CouponRow is one coupon on the Coupons screen.
type CouponRow struct {
	ID           int64  `json:"id"`
	Code         string `json:"code"`
	FlowID       int64  `json:"flowId"`
	FlowName     string `json:"flowName"`
	CampaignID   int64  `json:"campaignId"`
	CustomerID   int64  `json:"customerId"`
	CustomerName string `json:"customerName"`
	Email        string `json:"email"`
	Value        string `json:"value"` // "10 % off", "5.00 EUR off + free shipping"
	CouponValue
	IssuedAt   time.Time    `json:"issuedAt"`
	ExpiresAt  *time.Time   `json:"expiresAt"`
	Status     CouponStatus `json:"status"`
	OrderID    int64        `json:"orderId"` // the order that redeemed it
	OrderName  string       `json:"orderName"`
	RedeemedAt *time.Time   `json:"redeemedAt"`
	// Shared: the redeeming order is not the coupon's customer's; it counts
	// as shared, not as the flow's.
	Shared bool `json:"shared"`
	Pooled bool `json:"pooled"` // the code came from the imported pool
}

// CouponPool is the pool of store-made codes a shop without a store
// connection hands out.
type CouponPool struct {
	Active    bool `json:"active"` // a pool was imported: flows take codes from it
	Free      int  `json:"free"`
	Used      int  `json:"used"`
	WarnBelow int  `json:"warnBelow"`
	Low       bool `json:"low"`
}

// CouponPage is one page of the Coupons screen.
type CouponPage struct {
	Rows   []CouponRow    `json:"rows"`
	Total  int            `json:"total"`
	Counts map[string]int `json:"counts"` // per status, over the whole shop
	Pool   CouponPool     `json:"pool"`
}

// PoolImport is what importing a pool file did.
type PoolImport struct {
	File  string `json:"file"`
	Added int    `json:"added"`
	Free  int    `json:"free"` // codes free in the pool afterwards
}

// Settings of coupons and attribution.
const (
	SettingPoolWarnBelow = "coupons.pool_warn_below"   // warn when fewer codes are left (default 50)
	SettingRecoveryDays  = "attribution.recovery_days" // a cart counts as recovered within N days of a reminder (default 7)
)

// Defaults of the settings above.
const (
	DefaultPoolWarnBelow = 50
	DefaultRecoveryDays  = 7
)

// AttributionFilter picks what to attribute: one flow, one campaign, or
// every flow and campaign (both 0), over the last Weeks weeks.
type AttributionFilter struct {
	FlowID     int64 `json:"flowId"`
	CampaignID int64 `json:"campaignId"`
	Weeks      int   `json:"weeks"`
}

// AttributionTotals are what the orders prove: emails sent, coupons
// redeemed by their own customer (shared ones apart), revenue from those
// orders, and carts whose customer ordered within the recovery days of a
// reminder (revenue from those orders in CartRevenue).
type AttributionTotals struct {
	Sent           int     `json:"sent"`
	Redeemed       int     `json:"redeemed"`
	Shared         int     `json:"shared"`
	Revenue        []Money `json:"revenue"`
	CartsRecovered int     `json:"cartsRecovered"`
	CartRevenue    []Money `json:"cartRevenue"`
}

// AttributionStep is one email step of a flow (Step is its index in the
// flow; -1 gathers redemptions before any email of the sequence went out).
type AttributionStep struct {
	Step  int    `json:"step"`
	Label string `json:"label"`
	AttributionTotals
}

// AttributionSource is one flow or one campaign.
type AttributionSource struct {
	FlowID     int64  `json:"flowId"`
	CampaignID int64  `json:"campaignId"`
	Name       string `json:"name"`
	AttributionTotals
	Steps []AttributionStep `json:"steps"`
}

// AttributionWeek is one week (starting Monday in the shop's time zone);
// revenue in the shop's main currency (Attribution.Currency).
type AttributionWeek struct {
	Week           string `json:"week"` // 2026-11-30
	Sent           int    `json:"sent"`
	Redeemed       int    `json:"redeemed"`
	Shared         int    `json:"shared"`
	Revenue        int64  `json:"revenue"`
	CartsRecovered int    `json:"cartsRecovered"`
}

// Attribution is the answer to "what did my marketing earn".
type Attribution struct {
	Currency     string              `json:"currency"`
	RecoveryDays int                 `json:"recoveryDays"`
	Totals       AttributionTotals   `json:"totals"`
	Sources      []AttributionSource `json:"sources"`
	Weeks        []AttributionWeek   `json:"weeks"`
}
