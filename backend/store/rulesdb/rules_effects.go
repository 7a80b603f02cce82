package rulesdb

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store"
	"shopclerk/backend/store/couponsdb"
)

// RuleTx is the transaction of one automation step: its ledger row is already
// written, and every effect below lands in the same commit.
type RuleTx struct {
	tx  txRows
	ctx context.Context
	now int64
	key string
}

// Key is the ledger key the effect belongs to.
func (t *RuleTx) Key() string { return t.key }

// OutMessage is an email to queue in the outbox.
type OutMessage struct {
	MessageID  string
	Kind       domain.MessageKind
	To         string
	ToName     string
	Subject    string
	HTML       string
	Text       string
	Headers    map[string]string
	CustomerID int64
	Template   string
}

// QueueMessage inserts a queued message carrying the step's ledger key, which
// the outbox's unique index also guards.
func (t *RuleTx) QueueMessage(m OutMessage) (int64, error) {
	headers, _ := json.Marshal(m.Headers)
	if m.Headers == nil {
		headers = []byte("{}")
	}
	res, err := t.tx.namedExec(t.ctx, "RuleMessageInsert", m.MessageID, string(m.Kind), strings.ToLower(m.To), m.ToName, m.Subject,
		m.HTML, m.Text, string(headers), nullID(m.CustomerID), t.key, t.now, m.Template)
	if err != nil {
		return 0, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not queue the email")
	}
	return res.LastInsertId()
}

// NewCoupon is a coupon to issue (couponsdb owns coupons).
type NewCoupon = couponsdb.NewCoupon

// IssueCoupon issues a coupon in the step's transaction, under its ledger
// key and for its flow: a code from the imported pool, or one from gen.
func (t *RuleTx) IssueCoupon(c NewCoupon, gen func() (string, error)) (string, error) {
	if c.FlowID == 0 {
		if id, _, ok := strings.Cut(t.key, "/"); ok {
			c.FlowID, _ = strconv.ParseInt(id, 10, 64)
		}
	}
	return couponsdb.Issue(t.ctx, t.tx.tx, t.now, t.key, c, gen)
}

// IssuedCoupon is a coupon already issued by an earlier step.
type IssuedCoupon struct {
	Code         string
	PercentOff   int
	AmountOff    int64
	Currency     string
	FreeShipping bool
	ExpiresAt    *time.Time
}

// CouponForPrefix finds the newest coupon issued under a ledger key prefix
// (rule/subject/occurrence/), so a later email of the sequence can show it.
func (t *RuleTx) CouponForPrefix(prefix string) (*IssuedCoupon, error) {
	return couponForPrefix(t.ctx, t.tx, prefix)
}

// CouponForPrefix is the read-only variant used by previews.
func (s *DB) CouponForPrefix(ctx context.Context, prefix string) (*IssuedCoupon, error) {
	return couponForPrefix(ctx, s, prefix)
}

func couponForPrefix(ctx context.Context, db namedRower, prefix string) (*IssuedCoupon, error) {
	var c IssuedCoupon
	var exp sql.NullInt64
	err := db.namedRow(ctx, "RuleCouponByKeyPrefix", prefix).Scan(&c.Code, &c.PercentOff, &c.AmountOff, &c.Currency, &c.FreeShipping, &exp)
	if err == sql.ErrNoRows {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	c.ExpiresAt = store.FromUnix(exp)
	return &c, nil
}

// AddDraftPOLine puts a line on the supplier's draft purchase order, the
// same draft inventory's "Reorder now" fills (store.AddToDraft): any open
// draft of the supplier collects, so there is never a second one. A SKU
// already on it keeps the seller's quantity, and a SKU marked "order once"
// is spent. It is AddToDraft's logic inside the step's transaction, so the
// line and its ledger key commit together (invariant 2). A draft the
// automations start carries the step's ledger key.
func (t *RuleTx) AddDraftPOLine(supplierID int64, currency string, l domain.DraftLine) (int64, error) {
	var poID int64
	err := t.tx.namedRow(t.ctx, "RulePODraftFor", supplierID).Scan(&poID)
	if err == sql.ErrNoRows {
		res, err := t.tx.namedExec(t.ctx, "RulePOInsert", supplierID, currency, "", t.now, t.key)
		if err != nil {
			return 0, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not draft the purchase order")
		}
		poID, _ = res.LastInsertId()
	} else if err != nil {
		return 0, err
	}
	if _, err := t.tx.namedExec(t.ctx, "RulePOLineAddIfMissing", poID, l.SKU, l.SupplierSKU, l.Quantity, l.UnitCost); err != nil {
		return 0, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not add the line to the purchase order")
	}
	if _, err := t.tx.namedExec(t.ctx, "RuleSKUOrderOnceSpent", t.now, l.SKU); err != nil {
		return 0, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not add the line to the purchase order")
	}
	return poID, nil
}

// SetCustomerTags adds and removes tags on a customer. updated_at moves so
// the detector sees the change (a tag added by one flow can start another).
func (t *RuleTx) SetCustomerTags(customerID int64, add, remove []string) error {
	var cur string
	if err := t.tx.namedRow(t.ctx, "RuleCustomerTagsGet", customerID).Scan(&cur); err != nil {
		return domain.Wrap(err, domain.CodeNotFound, "the customer to tag was not found")
	}
	tags := domain.SplitTags(cur)
	var changed []string
	var added []bool
	for _, a := range add {
		if !slices.ContainsFunc(tags, func(x string) bool { return strings.EqualFold(x, a) }) {
			tags = append(tags, a)
			changed, added = append(changed, a), append(added, true)
		}
	}
	tags = slices.DeleteFunc(tags, func(x string) bool {
		gone := slices.ContainsFunc(remove, func(r string) bool { return strings.EqualFold(x, r) })
		if gone {
			changed, added = append(changed, x), append(added, false)
		}
		return gone
	})
	if _, err := t.tx.namedExec(t.ctx, "RuleCustomerTagsSet", customerID, store.JoinTags(tags), t.now); err != nil {
		return err
	}
	// The stores that write tags back learn of each change in this same
	// transaction (the write-back queue, connector.Writer).
	for i, tag := range changed {
		if _, err := t.tx.namedExec(t.ctx, "RuleStoreMarkTag", customerID, tag, store.BoolInt(added[i]), t.now); err != nil {
			return err
		}
	}
	return nil
}

// InsertTask creates a task for the seller.
func (t *RuleTx) InsertTask(title, detail string, customerID, orderID int64, due *time.Time) (int64, error) {
	res, err := t.tx.namedExec(t.ctx, "RuleTaskInsert", title, detail, nullID(customerID), nullID(orderID), t.now, store.UnixOrNull(due), t.key)
	if err != nil {
		return 0, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not create the task")
	}
	return res.LastInsertId()
}

// StopSequences stops the other flows' sequences that began before at:
// those about orderID when it is set (a guest order has no customerID),
// else every one of the customer's.
func (t *RuleTx) StopSequences(customerID, orderID, ruleID int64, at time.Time, reason string) error {
	_, err := t.tx.namedExec(t.ctx, "RuleStopInsert", nullID(customerID), nullID(orderID), ruleID, at.Unix(), reason, t.key)
	return err
}

// HoldOrder keeps an order's confirmation back until the seller releases it.
func (t *RuleTx) HoldOrder(orderID int64, reason string) error {
	_, err := t.tx.namedExec(t.ctx, "RuleHoldInsert", orderID, t.now, reason, t.key)
	return err
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
