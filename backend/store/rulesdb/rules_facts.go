package rulesdb

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store"
)

// SubjectFor names who an occurrence concerns: the customer row when there is
// one, else the email address.
func SubjectFor(customerID int64, email string) string {
	if customerID != 0 {
		return fmt.Sprintf("customer:%d", customerID)
	}
	return "email:" + email
}

// OrderOccurrences lists orders that reached state kind (created, paid,
// fulfilled, cancelled, refunded, overdue) with its time between from and to.
func (s *DB) OrderOccurrences(ctx context.Context, kind string, from, to time.Time) ([]domain.RuleOccurrence, error) {
	name := map[string]string{"created": "OccOrdersCreated", "paid": "OccOrdersPaid", "fulfilled": "OccOrdersFulfilled",
		"cancelled": "OccOrdersCancelled", "refunded": "OccOrdersRefunded", "overdue": "OccOrdersOverdue"}[kind]
	if name == "" {
		return nil, domain.Errorf(domain.CodeInvalid, "unknown order event %q", kind)
	}
	return s.orderOccurrences(ctx, kind, q(name), from.Unix(), to.Unix())
}

// SubscriptionOccurrences lists orders tagged tag, paid between from and to,
// that have no later order with the tag from the same customer: subscriptions
// not yet renewed.
func (s *DB) SubscriptionOccurrences(ctx context.Context, tag string, from, to time.Time) ([]domain.RuleOccurrence, error) {
	return s.orderOccurrences(ctx, "renewal", q("OccSubscriptionOrders"), from.Unix(), to.Unix(), tag)
}

func (s *DB) orderOccurrences(ctx context.Context, kind, query string, args ...any) ([]domain.RuleOccurrence, error) {
	list, err := s.occurrences(ctx, "Shopclerk could not read the orders for the automations", query, args, func(rows *sql.Rows, o *domain.RuleOccurrence) error {
		var at int64
		if err := rows.Scan(&o.OrderID, &o.CustomerID, &o.Email, &at); err != nil {
			return err
		}
		o.Occurrence = fmt.Sprintf("order:%d:%s", o.OrderID, kind)
		o.Subject = SubjectFor(o.CustomerID, o.Email)
		o.At = time.Unix(at, 0).UTC()
		return nil
	})
	// An order the query returns twice is one occurrence, the first.
	seen := map[int64]bool{}
	out := list[:0]
	for _, o := range list {
		if !seen[o.OrderID] {
			seen[o.OrderID] = true
			out = append(out, o)
		}
	}
	return out, err
}

// occurrences runs one of a trigger's queries and reads each row into an
// occurrence with scan; fail is the seller's words when the query fails.
// Every trigger reads its facts this way.
func (s *DB) occurrences(ctx context.Context, fail, query string, args []any, scan func(*sql.Rows, *domain.RuleOccurrence) error) ([]domain.RuleOccurrence, error) {
	rows, err := s.SQL().QueryContext(ctx, query, args...)
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, fail)
	}
	defer rows.Close()
	var out []domain.RuleOccurrence
	for rows.Next() {
		var o domain.RuleOccurrence
		if err := scan(rows, &o); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// EventOccurrences lists detected events of a trigger between from and to.
func (s *DB) EventOccurrences(ctx context.Context, trigger domain.Trigger, from, to time.Time) ([]domain.RuleOccurrence, error) {
	return s.occurrences(ctx, "Shopclerk could not read the detected events", q("OccEvents"), []any{string(trigger), from.Unix(), to.Unix()}, func(rows *sql.Rows, o *domain.RuleOccurrence) error {
		var id, ref, at int64
		if err := rows.Scan(&id, &o.Occurrence, &o.CustomerID, &ref, &o.Value, &at); err != nil {
			return err
		}
		o.At = time.Unix(at, 0).UTC()
		o.Subject = SubjectFor(o.CustomerID, "")
		if trigger == domain.TriggerShipmentStatus || trigger == domain.TriggerShipmentShipped {
			o.ShipmentID = ref
		}
		return nil
	})
}

// DeliveredOccurrences lists shipments delivered between from and to.
func (s *DB) DeliveredOccurrences(ctx context.Context, from, to time.Time) ([]domain.RuleOccurrence, error) {
	return s.occurrences(ctx, "Shopclerk could not read the deliveries", q("OccDelivered"), []any{from.Unix(), to.Unix()}, func(rows *sql.Rows, o *domain.RuleOccurrence) error {
		var at int64
		if err := rows.Scan(&o.ShipmentID, &o.OrderID, &o.CustomerID, &o.Email, &at); err != nil {
			return err
		}
		o.Occurrence = fmt.Sprintf("shipment:%d:delivered", o.ShipmentID)
		o.Subject = SubjectFor(o.CustomerID, o.Email)
		o.At = time.Unix(at, 0).UTC()
		return nil
	})
}

// IdleCartOccurrences lists open carts last touched between from and to with
// no order from the same email since. The occurrence carries the cart's
// last-touched time: a cart touched again becomes a new occurrence.
func (s *DB) IdleCartOccurrences(ctx context.Context, from, to time.Time) ([]domain.RuleOccurrence, error) {
	return s.occurrences(ctx, "Shopclerk could not read the abandoned carts", q("OccIdleCarts"), []any{from.Unix(), to.Unix()}, func(rows *sql.Rows, o *domain.RuleOccurrence) error {
		var at int64
		if err := rows.Scan(&o.CartID, &o.CustomerID, &o.Email, &at); err != nil {
			return err
		}
		o.Occurrence = fmt.Sprintf("cart:%d:idle:%d", o.CartID, at)
		o.Subject = SubjectFor(o.CustomerID, o.Email)
		o.At = time.Unix(at, 0).UTC()
		return nil
	})
}

// StockCrossings lists stock changes between from and to that took a SKU's
// available quantity at a location from at or above its reorder point (or
// def when it has none) to below it. Each change row is one occurrence:
// re-importing the same levels writes no change row, so nothing repeats.
// With stillLow, only SKUs whose available stock is below that point now, or
// that have no supplier, are listed.
func (s *DB) StockCrossings(ctx context.Context, from, to time.Time, def int, stillLow bool) ([]domain.RuleOccurrence, error) {
	name := "OccStockCrossed"
	if stillLow {
		name = "OccStockCrossedStillLow"
	}
	return s.occurrences(ctx, "Shopclerk could not read the stock changes", q(name), []any{from.Unix(), to.Unix(), def}, func(rows *sql.Rows, o *domain.RuleOccurrence) error {
		var id, at int64
		if err := rows.Scan(&id, &o.SKU, &o.Location, &o.Before, &o.After, &o.Threshold, &at); err != nil {
			return err
		}
		o.Occurrence = fmt.Sprintf("stock:%d", id)
		o.Subject = "sku:" + o.SKU
		o.At = time.Unix(at, 0).UTC()
		return nil
	})
}

// BirthdayCustomers lists customers whose birthday (MM-DD or YYYY-MM-DD) falls
// on mmdd.
func (s *DB) BirthdayCustomers(ctx context.Context, mmdd string) ([]domain.RuleOccurrence, error) {
	return s.occurrences(ctx, "Shopclerk could not read the birthdays", q("OccBirthdays"), []any{mmdd}, func(rows *sql.Rows, o *domain.RuleOccurrence) error {
		if err := rows.Scan(&o.CustomerID, &o.Email); err != nil {
			return err
		}
		o.Subject = SubjectFor(o.CustomerID, o.Email)
		return nil
	})
}

// LastOrderBetween lists customers whose last order was between from and to;
// the caller adds the inactivity period.
func (s *DB) LastOrderBetween(ctx context.Context, from, to time.Time) ([]domain.RuleOccurrence, error) {
	return s.occurrences(ctx, "Shopclerk could not read the customers' last orders", q("OccInactive"), []any{from.Unix(), to.Unix()}, func(rows *sql.Rows, o *domain.RuleOccurrence) error {
		var at int64
		if err := rows.Scan(&o.CustomerID, &o.Email, &at); err != nil {
			return err
		}
		o.Subject = SubjectFor(o.CustomerID, o.Email)
		o.At = time.Unix(at, 0).UTC()
		return nil
	})
}

// UnansweredMarketing lists customers with at least n marketing emails since
// their last order, the newest between from and to. The occurrence is tied
// to the last order, so a new purchase starts a fresh count.
func (s *DB) UnansweredMarketing(ctx context.Context, n int, from, to time.Time) ([]domain.RuleOccurrence, error) {
	return s.occurrences(ctx, "Shopclerk could not count the marketing emails", q("OccUnanswered"), []any{n, to.Unix(), from.Unix()}, func(rows *sql.Rows, o *domain.RuleOccurrence) error {
		var count int
		var at, lastOrder int64
		if err := rows.Scan(&o.CustomerID, &o.Email, &count, &at, &lastOrder); err != nil {
			return err
		}
		o.Occurrence = fmt.Sprintf("customer:%d:unanswered:%d", o.CustomerID, lastOrder)
		o.Subject = SubjectFor(o.CustomerID, o.Email)
		o.At = time.Unix(at, 0).UTC()
		return nil
	})
}

// CustomerByEmail returns the customer with that email, or false.
func (s *DB) CustomerByEmail(ctx context.Context, email string) (domain.Customer, bool, error) {
	c, err := store.ScanCustomer(s.namedRow(ctx, "RuleCustomerByEmailGet", email))
	if err == sql.ErrNoRows {
		return c, false, nil
	}
	return c, err == nil, err
}

// GetCart returns one cart with its lines.
func (s *DB) GetCart(ctx context.Context, id int64) (domain.Cart, error) {
	var c domain.Cart
	var cust, recovered sql.NullInt64
	var created, updated int64
	err := s.namedRow(ctx, "RuleCartGet", id).Scan(&c.ID, &c.Source, &c.ExternalID, &c.Email, &cust, &c.Currency,
		&c.Total, &c.RecoveryURL, &created, &updated, &recovered)
	if err == sql.ErrNoRows {
		return c, domain.Errorf(domain.CodeNotFound, "cart %d was not found", id)
	}
	if err != nil {
		return c, err
	}
	if cust.Valid {
		c.CustomerID = &cust.Int64
	}
	c.CreatedAt, c.UpdatedAt, c.RecoveredAt = time.Unix(created, 0).UTC(), time.Unix(updated, 0).UTC(), store.FromUnix(recovered)
	rows, err := s.namedQuery(ctx, "RuleCartLinesGet", id)
	if err != nil {
		return c, err
	}
	defer rows.Close()
	for rows.Next() {
		var l domain.LineItem
		if err := rows.Scan(&l.Position, &l.SKU, &l.Name, &l.Quantity, &l.Price); err != nil {
			return c, err
		}
		c.Lines = append(c.Lines, l)
	}
	return c, rows.Err()
}

// ProductInfo is a product with its supplier and total stock, what a
// low-stock rule and its purchase order need.
type ProductInfo struct {
	domain.Product
	SupplierName     string
	SupplierEmail    string
	SupplierCurrency string
	MinOrderQty      int
	PackSize         int
	SupplierSKU      string
	UnitCost         int64
	Available        int
	Incoming         int
}

// GetProductInfo returns one SKU's product, supplier and stock.
func (s *DB) GetProductInfo(ctx context.Context, sku string) (ProductInfo, error) {
	b, _ := json.Marshal([]string{sku})
	p, err := scanProductInfo(s.namedRow(ctx, "RuleProductInfo", string(b)))
	if err == sql.ErrNoRows {
		return p, domain.Errorf(domain.CodeNotFound, "product %s was not found", sku)
	}
	return p, err
}

// ProductInfos loads several SKUs' products, suppliers and stock in batches;
// SKUs without a product are missing from the map.
func (s *DB) ProductInfos(ctx context.Context, skus []string) (map[string]*ProductInfo, error) {
	out := make(map[string]*ProductInfo, len(skus))
	err := chunks(skus, func(part []string) error {
		b, _ := json.Marshal(part)
		rows, err := s.namedQuery(ctx, "RuleProductInfo", string(b))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			p, err := scanProductInfo(rows)
			if err != nil {
				return err
			}
			out[p.SKU] = &p
		}
		return rows.Err()
	})
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the products for the automations")
	}
	return out, nil
}

func scanProductInfo(r interface{ Scan(...any) error }) (ProductInfo, error) {
	var p ProductInfo
	var tags string
	var supplier, rp sql.NullInt64
	err := r.Scan(&p.ID, &p.SKU, &p.Title, &p.VariantTitle, &p.Vendor, &p.Type,
		&p.Price.Currency, &p.Price.Amount, &p.Cost.Amount, &p.Status, &tags, &supplier, &rp, &p.SupplierName,
		&p.SupplierEmail, &p.SupplierCurrency, &p.MinOrderQty, &p.PackSize, &p.SupplierSKU, &p.UnitCost, &p.Available, &p.Incoming)
	if err != nil {
		return p, err
	}
	p.Cost.Currency = p.Price.Currency
	p.Tags = domain.SplitTags(tags)
	if supplier.Valid {
		p.SupplierID = &supplier.Int64
	}
	if rp.Valid {
		v := int(rp.Int64)
		p.ReorderPoint = &v
	}
	return p, nil
}

// GetShipment returns one shipment.
func (s *DB) GetShipment(ctx context.Context, id int64) (domain.Shipment, error) {
	var sh domain.Shipment
	var shipped, updated int64
	var delivered sql.NullInt64
	err := s.namedRow(ctx, "RuleShipmentGet", id).Scan(&sh.ID, &sh.OrderID, &sh.Carrier, &sh.TrackingNumber,
		&sh.TrackingURL, &sh.Status, &shipped, &delivered, &updated)
	if err == sql.ErrNoRows {
		return sh, domain.Errorf(domain.CodeNotFound, "shipment %d was not found", id)
	}
	sh.ShippedAt, sh.UpdatedAt, sh.DeliveredAt = time.Unix(shipped, 0).UTC(), time.Unix(updated, 0).UTC(), store.FromUnix(delivered)
	return sh, err
}

// BoughtSince tells whether the customer (or email) placed an order after since.
func (s *DB) BoughtSince(ctx context.Context, customerID int64, email string, since time.Time) (bool, error) {
	var b bool
	err := s.namedRow(ctx, "RuleBoughtSince", customerID, email, since.Unix()).Scan(&b)
	return b, err
}

// RepliedSince tells whether email replied after since, from the signals the
// inbox recorded and, when the mail tables exist, the inbox's own items.
func (s *DB) RepliedSince(ctx context.Context, email string, since time.Time) (bool, error) {
	var b bool
	if err := s.namedRow(ctx, "RuleRepliedSince", email, since.Unix()).Scan(&b); err != nil || b {
		return b, err
	}
	var has bool
	if err := s.namedRow(ctx, "RuleTableExists", "inbox_items").Scan(&has); err != nil || !has {
		return false, err
	}
	err := s.namedRow(ctx, "RuleRepliedSinceInbox", email, since.Unix()).Scan(&b)
	return b, err
}

// MarketingSentSince counts marketing emails queued or sent to a customer
// since since: the frequency cap.
func (s *DB) MarketingSentSince(ctx context.Context, customerID int64, since time.Time) (int, error) {
	var n int
	err := s.namedRow(ctx, "RuleMarketingSentSince", customerID, since.Unix()).Scan(&n)
	return n, err
}

// CartOutOfStock tells whether every item of the cart is out of stock.
func (s *DB) CartOutOfStock(ctx context.Context, cartID int64) (bool, error) {
	var b sql.NullBool
	err := s.namedRow(ctx, "RuleCartOutOfStock", cartID).Scan(&b)
	return b.Bool, err
}

// OrderHeld tells whether an order waits for the seller's review.
func (s *DB) OrderHeld(ctx context.Context, orderID int64) (bool, error) {
	var b bool
	err := s.namedRow(ctx, "RuleOrderHeld", orderID).Scan(&b)
	return b, err
}

// StoppedSince returns the reason the customer's sequences were all stopped
// after since by something else than flow ruleID, or "".
func (s *DB) StoppedSince(ctx context.Context, customerID, ruleID int64, since time.Time) (string, error) {
	return s.SequenceStopped(ctx, customerID, 0, ruleID, since)
}

// SequenceStopped returns the reason a sequence of flow ruleID that began at
// since, for customerID about orderID (either may be 0), was stopped by
// something else after it began: a stop of all the customer's sequences, or
// of the order's. "" when none was.
func (s *DB) SequenceStopped(ctx context.Context, customerID, orderID, ruleID int64, since time.Time) (string, error) {
	var reason string
	var err error
	switch {
	case customerID != 0:
		err = s.namedRow(ctx, "RuleStoppedSince", customerID, ruleID, since.Unix(), orderID).Scan(&reason)
	case orderID != 0:
		err = s.namedRow(ctx, "RuleOrderStoppedSince", orderID, ruleID, since.Unix()).Scan(&reason)
	}
	return reason, err
}
