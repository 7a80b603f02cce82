package rules

import (
	"sort"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/email"
)

// Preview is what a run would do right now, grouped by flow.
type Preview struct {
	At       time.Time  `json:"at"`
	Flows    []FlowPlan `json:"flows"`
	Items    int        `json:"items"`
	Deferred int        `json:"deferred"` // waiting for quiet hours or the weekly cap to pass
	Late     int        `json:"late"`     // missed while the computer was off; need an explicit yes
	// decisions are sequence exits found while planning; Run records them
	// so later plans treat the sequence as finished.
	decisions []domain.LedgerEntry
	// settings and renderer are the snapshot the plan rendered from; the
	// run of this preview renders with them too (see execute).
	settings Settings
	renderer email.Renderer
}

// FlowPlan is one flow's part of a preview.
type FlowPlan struct {
	FlowID         int64          `json:"flowId"`
	Name           string         `json:"name"`
	Template       string         `json:"template"`
	Items          []Item         `json:"items"`
	PurchaseOrders []POPreview    `json:"purchaseOrders"`
	Recipients     int            `json:"recipients"`
	NeedsConfirm   bool           `json:"needsConfirm"` // emails more customers than the shop's limit at once
	Deferred       int            `json:"deferred"`
	Skipped        map[string]int `json:"skipped"` // why occurrences were left out: "no consent": 3
	Error          string         `json:"error,omitempty"`
	// Branches are the sides customers take at the flow's splits in this
	// plan, and why (branches.go).
	Branches []BranchChoice `json:"branches,omitempty"`
}

// Item is one planned action under its idempotency key.
type Item struct {
	Key        string          `json:"key"`
	FlowID     int64           `json:"flowId"`
	Step       int             `json:"step"`
	Action     domain.StepKind `json:"action"`
	Subject    string          `json:"subject"`
	Occurrence string          `json:"occurrence"`
	DueAt      time.Time       `json:"dueAt"`
	Summary    string          `json:"summary"`
	Late       bool            `json:"late"`
	// Path is the branch the step lies on ("" outside any split), Where
	// how the seller finds the step inside one ("step 3 › Yes › step 1").
	Path  string `json:"path,omitempty"`
	Where string `json:"where,omitempty"`
	// Problem explains why the item cannot run (no supplier, a template
	// error); it is shown, never approved.
	Problem      string         `json:"problem,omitempty"`
	Email        *EmailPreview  `json:"email,omitempty"`
	PurchaseLine *POLinePreview `json:"purchaseLine,omitempty"`
	Tag          string         `json:"tag,omitempty"`
	Coupon       *CouponPreview `json:"coupon,omitempty"`
	Task         *TaskPreview   `json:"task,omitempty"`

	sub    *Subject
	action Action
	flow   *compiled
}

// EmailPreview is an email as the customer will see it.
type EmailPreview struct {
	To     string `json:"to"`
	ToName string `json:"toName"`
	Kind   string `json:"kind"`
	email.Rendered
}

// POLinePreview is one SKU for a supplier's draft purchase order.
type POLinePreview struct {
	SupplierID   int64  `json:"supplierId"`
	Supplier     string `json:"supplier"`
	SKU          string `json:"sku"`
	SupplierSKU  string `json:"supplierSku"`
	Title        string `json:"title"`
	Quantity     int    `json:"quantity"`
	UnitCost     int64  `json:"unitCost"`
	Currency     string `json:"currency"`
	Available    int    `json:"available"`
	ReorderPoint int    `json:"reorderPoint"`
}

// POPreview is a supplier's draft purchase order with its lines.
type POPreview struct {
	SupplierID int64           `json:"supplierId"`
	Supplier   string          `json:"supplier"`
	Currency   string          `json:"currency"`
	Lines      []POLinePreview `json:"lines"`
	Total      int64           `json:"total"`
	Keys       []string        `json:"keys"`
}

// CouponPreview is a coupon to issue.
type CouponPreview struct {
	Code         string     `json:"code"`
	Description  string     `json:"description"`
	PercentOff   int        `json:"percentOff"`
	AmountOff    int64      `json:"amountOff"`
	Currency     string     `json:"currency"`
	FreeShipping bool       `json:"freeShipping"`
	ExpiresAt    *time.Time `json:"expiresAt"`
}

// TaskPreview is a task for the seller.
type TaskPreview struct {
	Title  string `json:"title"`
	Detail string `json:"detail"`
}

// groupPurchaseOrders collects a flow's purchase lines per supplier.
func (fp *FlowPlan) groupPurchaseOrders() {
	by := map[int64]*POPreview{}
	for _, it := range fp.Items {
		l := it.PurchaseLine
		if l == nil || it.Problem != "" {
			continue
		}
		po := by[l.SupplierID]
		if po == nil {
			po = &POPreview{SupplierID: l.SupplierID, Supplier: l.Supplier, Currency: l.Currency}
			by[l.SupplierID] = po
		}
		po.Lines = append(po.Lines, *l)
		po.Total += l.UnitCost * int64(l.Quantity)
		po.Keys = append(po.Keys, it.Key)
	}
	fp.PurchaseOrders = []POPreview{}
	for _, po := range by {
		fp.PurchaseOrders = append(fp.PurchaseOrders, *po)
	}
	sort.Slice(fp.PurchaseOrders, func(i, j int) bool { return fp.PurchaseOrders[i].Supplier < fp.PurchaseOrders[j].Supplier })
}

// ApprovableKeys are the items "approve all" means: not late, without a
// problem, and not in a flow that asks for confirmation first.
func (p *Preview) ApprovableKeys() []string {
	var out []string
	for _, f := range p.Flows {
		if f.NeedsConfirm {
			continue
		}
		for _, it := range f.Items {
			if !it.Late && it.Problem == "" {
				out = append(out, it.Key)
			}
		}
	}
	return out
}

// AllKeys are every runnable item, confirmations and late ones included:
// what the seller approves by ticking everything.
func (p *Preview) AllKeys() []string {
	var out []string
	for _, f := range p.Flows {
		for _, it := range f.Items {
			if it.Problem == "" {
				out = append(out, it.Key)
			}
		}
	}
	return out
}
