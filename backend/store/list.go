package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"shopclerk/backend/domain"
)

// A table's server-side paging: sort keys map to indexed columns only, so
// every page on a million-order shop is an index walk, not a full scan.
type tableSpec struct {
	base        string            // SELECT ... FROM ... (no WHERE): the columns of one row
	from        string            // the FROM clause that filters and searches need
	id          string            // the row's unique id column; empty for one-step paging
	sorts       map[string]string // sort key -> ORDER BY expression
	defaultSort string
	tieBreak    []string // unique columns that make the order total
	filters     map[string]filter
	// search is either rangeSearch (index ranges over the id table, each
	// searched through its own index) or likeSearch (a plain WHERE clause).
	rangeSearch func(term string) (ranges []string, args [][]any)
	likeSearch  func(term string) (string, []any)
}

// filter is one status filter of a table.
type filter struct {
	where string
	// most marks a filter most rows pass (paid orders): a page then walks
	// the sort column's index and tests each row (the unary + keeps SQLite
	// off the filter's index, which would mean sorting nearly every row),
	// while the count still counts through the filter's index.
	most bool
}

const maxPageSize = 500

func (t tableSpec) build(req domain.PageRequest) (rowsSQL, countSQL string, args []any, err error) {
	var where, pageWhere []string // the count's clauses, and the page's
	if req.Filter != "" {
		f, ok := t.filters[req.Filter]
		if !ok {
			return "", "", nil, domain.Errorf(domain.CodeInvalid, "unknown filter %q", req.Filter)
		}
		where = append(where, f.where)
		if f.most {
			pageWhere = append(pageWhere, "+"+f.where)
		} else {
			pageWhere = append(pageWhere, f.where)
		}
	}
	var ids string // the search's ids alone, when it has them
	term := strings.TrimSpace(req.Search)
	if term != "" {
		var clause string
		var a []any
		if t.rangeSearch != nil {
			ranges, ra := t.rangeSearch(term)
			ids, a = idsOf(t.from, ranges), flatten(ra)
			clause = t.id + " IN (" + ids + ")"
		} else {
			clause, a = t.likeSearch(term)
		}
		where = append(where, clause)
		if ids != "" && req.Filter != "" && !t.filters[req.Filter].most {
			// A small filter has an index in every sort order: walk it and test
			// each row against the search's ids, rather than reading and
			// sorting every match of a broad search (the unary + decides).
			pageWhere = append(pageWhere, "+"+clause)
		} else {
			pageWhere = append(pageWhere, clause)
		}
		args = append(args, a...)
	}
	sortKey := req.Sort
	if sortKey == "" {
		sortKey = t.defaultSort
	}
	order, ok := t.sorts[sortKey]
	if !ok {
		return "", "", nil, domain.Errorf(domain.CodeInvalid, "this table cannot be sorted by %q", req.Sort)
	}
	dir := "ASC"
	if req.Desc {
		dir = "DESC"
	}
	w, pw := "", ""
	if len(where) > 0 {
		w = " WHERE " + strings.Join(where, " AND ")
		pw = " WHERE " + strings.Join(pageWhere, " AND ")
	}
	limit := req.Limit
	if limit <= 0 || limit > maxPageSize {
		limit = 50
	}
	offset := max(req.Offset, 0)
	// The tie-break keeps paging stable when many rows share a sort value.
	keys := []string{order + " " + dir}
	for _, k := range t.tieBreak {
		keys = append(keys, k+" "+dir)
	}
	orderBy := strings.Join(keys, ", ")
	countSQL = "SELECT COUNT(*) FROM " + t.from + w
	if term != "" {
		countSQL = "SELECT COUNT(*) FROM " + t.from + pw // the search is the selective part
		if req.Filter == "" && ids != "" {
			countSQL = "SELECT COUNT(*) FROM (" + ids + ")"
		}
	}
	if t.id == "" {
		rowsSQL = fmt.Sprintf("%s%s ORDER BY %s LIMIT %d OFFSET %d", t.base, pw, orderBy, limit, offset)
		return rowsSQL, countSQL, args, nil
	}
	// Two steps: find the page's ids by walking only the indexes, then read
	// the columns (joins, line counts) of those rows alone. In one step
	// SQLite computes every column of every row it sorts before the LIMIT.
	rowsSQL = fmt.Sprintf("%s WHERE %s IN (SELECT %s FROM %s%s ORDER BY %s LIMIT %d OFFSET %d) ORDER BY %s",
		t.base, t.id, t.id, t.from, pw, orderBy, limit, offset, orderBy)
	return rowsSQL, countSQL, args, nil
}

// prefixRange turns a search term into [lo, hi) for an index range scan on a
// lower-cased column: "anna" matches "anna", "annabel@…" but not "joanna".
func prefixRange(term string) (string, string) {
	lo := strings.ToLower(term)
	return lo, lo + "\uffff"
}

// nocasePrefix is the same range for a column indexed COLLATE NOCASE. LIKE
// cannot use such an index (the column itself is BINARY), a range can.
func nocasePrefix(col, term string) (string, []any) {
	return "(" + col + " COLLATE NOCASE >= ? AND " + col + " COLLATE NOCASE < ?)", []any{term, term + "\uffff"}
}

// idsOf is the UNION of the rows' ids found by each range through its own
// index. A plain OR of ranges with bound parameters makes SQLite guess the
// ranges wide and scan the whole table instead; and a count of the UNION
// alone reads only the indexes, never the rows.
func idsOf(from string, ranges []string) string {
	parts := make([]string, len(ranges))
	alias := from[strings.LastIndex(from, " ")+1:]
	for i, r := range ranges {
		parts[i] = "SELECT " + alias + ".id FROM " + from + " WHERE " + r
	}
	return strings.Join(parts, " UNION ")
}

func flatten(args [][]any) []any {
	var all []any
	for _, a := range args {
		all = append(all, a...)
	}
	return all
}

var orderTable = tableSpec{
	base: q("OrderRows"),
	from: "orders o",
	id:   "o.id",
	sorts: map[string]string{
		"createdAt": "o.created_at", "name": "o.name COLLATE NOCASE", "total": "o.total", "email": "o.email",
	},
	defaultSort: "createdAt",
	tieBreak:    []string{"o.id"},
	filters: map[string]filter{
		"paid":        {where: "o.financial_status = 'paid'", most: true},
		"pending":     {where: "o.financial_status = 'pending'"},
		"refunded":    {where: "o.financial_status IN ('refunded', 'partially_refunded')"},
		"unfulfilled": {where: "o.fulfillment_status IN ('unfulfilled', '') AND o.cancelled_at IS NULL"}, // = index orders_open
		"cancelled":   {where: "o.cancelled_at IS NOT NULL"},                                             // = index orders_cancelled
		"held":        {where: "o.id IN (SELECT order_id FROM rule_holds WHERE released_at IS NULL)"},    // held for review (issue 13)
	},
	rangeSearch: func(term string) ([]string, [][]any) {
		lo, hi := prefixRange(term)
		name := strings.TrimPrefix(term, "#")
		bare, a1 := nocasePrefix("o.name", name)
		hashed, a2 := nocasePrefix("o.name", "#"+name)
		return []string{"o.email >= ? AND o.email < ?", bare, hashed}, [][]any{{lo, hi}, a1, a2}
	},
}

// ListOrders returns one page of the Orders table.
func (s *Store) ListOrders(ctx context.Context, req domain.PageRequest) (domain.OrderPage, error) {
	page := domain.OrderPage{Rows: []domain.OrderRow{}}
	err := s.list(ctx, orderTable, req, &page.Total, func(rows *sql.Rows) error {
		var r domain.OrderRow
		var created int64
		var cancelled sql.NullInt64
		if err := rows.Scan(&r.ID, &r.Name, &r.Email, &r.CustomerName, &created, &r.FinancialStatus,
			&r.FulfillmentStatus, &r.Total.Amount, &r.Total.Currency, &r.Items, &cancelled, &r.Held); err != nil {
			return err
		}
		r.CreatedAt = time.Unix(created, 0).UTC()
		r.Cancelled = cancelled.Valid
		page.Rows = append(page.Rows, r)
		return nil
	})
	return page, err
}

var customerTable = tableSpec{
	base: q("CustomerRows"),
	from: "customers c",
	id:   "c.id",
	sorts: map[string]string{
		"createdAt": "c.created_at", "lastName": "c.last_name COLLATE NOCASE", "email": "c.email",
		"totalSpent": "c.total_spent", "ordersCount": "c.orders_count", "lastOrderAt": "c.last_order_at",
	},
	defaultSort: "createdAt",
	tieBreak:    []string{"c.id"},
	filters: map[string]filter{
		"marketing": {where: "c.accepts_marketing = 1"},
		"repeat":    {where: "c.orders_count > 1"},
		"noOrders":  {where: "c.orders_count = 0"},
	},
	rangeSearch: func(term string) ([]string, [][]any) {
		lo, hi := prefixRange(term)
		last, a1 := nocasePrefix("c.last_name", term)
		first, a2 := nocasePrefix("c.first_name", term)
		// email <> '' lets SQLite use the partial unique index on email.
		return []string{"c.email <> '' AND c.email >= ? AND c.email < ?", last, first}, [][]any{{lo, hi}, a1, a2}
	},
}

// ListCustomers returns one page of the Customers table.
func (s *Store) ListCustomers(ctx context.Context, req domain.PageRequest) (domain.CustomerPage, error) {
	page := domain.CustomerPage{Rows: []domain.Customer{}}
	err := s.list(ctx, customerTable, req, &page.Total, func(rows *sql.Rows) error {
		c, err := ScanCustomer(rows)
		if err == nil {
			page.Rows = append(page.Rows, c)
		}
		return err
	})
	return page, err
}

func ScanCustomer(r Scanner) (domain.Customer, error) {
	var c domain.Customer
	var consent, lastOrder sql.NullInt64
	var created int64
	var tags string
	err := r.Scan(&c.ID, &c.Email, &c.Source, &c.ExternalID, &c.FirstName, &c.LastName, &c.Phone, &c.Country,
		&c.City, &c.AcceptsMarketing, &consent, &c.Birthday, &tags, &c.Note, &created, &c.OrdersCount,
		&c.TotalSpent.Amount, &c.TotalSpent.Currency, &lastOrder)
	c.ConsentAt, c.LastOrderAt = FromUnix(consent), FromUnix(lastOrder)
	c.CreatedAt = time.Unix(created, 0).UTC()
	c.Tags = domain.SplitTags(tags)
	return c, err
}

var stockTable = tableSpec{
	base: q("StockRows"),
	from: "stock_levels s LEFT JOIN products p ON p.sku = s.sku",
	sorts: map[string]string{
		"sku": "s.sku", "available": "s.available", "onHand": "s.on_hand", "location": "s.location",
	},
	defaultSort: "sku",
	tieBreak:    []string{"s.sku", "s.location"},
	filters: map[string]filter{
		"low":        {where: "s.stocked = 1 AND s.available <= COALESCE(p.reorder_point, 5)"},
		"outOfStock": {where: "s.stocked = 1 AND s.available <= 0"},
		"notStocked": {where: "s.stocked = 0"},
	},
	likeSearch: func(term string) (string, []any) {
		return "(s.sku LIKE ? OR p.title LIKE ?)", []any{term + "%", term + "%"}
	},
}

// ListStock returns one page of stock levels per SKU and location.
func (s *Store) ListStock(ctx context.Context, req domain.PageRequest) (domain.StockPage, error) {
	page := domain.StockPage{Rows: []domain.StockRow{}}
	err := s.list(ctx, stockTable, req, &page.Total, func(rows *sql.Rows) error {
		r, err := scanStockRow(rows)
		if err == nil {
			page.Rows = append(page.Rows, r)
		}
		return err
	})
	return page, err
}

func scanStockRow(r Scanner) (domain.StockRow, error) {
	var row domain.StockRow
	var updated int64
	var rp sql.NullInt64
	err := r.Scan(&row.SKU, &row.Location, &row.OnHand, &row.Committed, &row.Available, &row.Incoming,
		&row.Stocked, &updated, &row.Title, &rp, &row.Supplier, &row.SKUGenerated)
	row.UpdatedAt = time.Unix(updated, 0).UTC()
	if rp.Valid {
		v := int(rp.Int64)
		row.ReorderPoint = &v
	}
	return row, err
}

var cartTable = tableSpec{
	base: q("CartRows"),
	from: "carts c",
	id:   "c.id",
	sorts: map[string]string{
		"updatedAt": "c.updated_at", "createdAt": "c.created_at", "total": "c.total", "email": "c.email",
	},
	defaultSort: "updatedAt",
	tieBreak:    []string{"c.id"},
	filters: map[string]filter{
		"open":      {where: "c.recovered_at IS NULL"},
		"recovered": {where: "c.recovered_at IS NOT NULL"},
	},
	rangeSearch: func(term string) ([]string, [][]any) {
		lo, hi := prefixRange(term)
		ext, a := nocasePrefix("c.external_id", strings.TrimPrefix(term, "#"))
		return []string{"c.email >= ? AND c.email < ?", ext}, [][]any{{lo, hi}, a}
	},
}

// ListCarts returns one page of abandoned checkouts.
func (s *Store) ListCarts(ctx context.Context, req domain.PageRequest) (domain.CartPage, error) {
	page := domain.CartPage{Rows: []domain.CartRow{}}
	err := s.list(ctx, cartTable, req, &page.Total, func(rows *sql.Rows) error {
		var r domain.CartRow
		var created, updated int64
		var recovered sql.NullInt64
		if err := rows.Scan(&r.ID, &r.ExternalID, &r.Email, &r.Total.Amount, &r.Total.Currency, &r.Items,
			&created, &updated, &recovered); err != nil {
			return err
		}
		r.CreatedAt, r.UpdatedAt = time.Unix(created, 0).UTC(), time.Unix(updated, 0).UTC()
		r.RecoveredAt = FromUnix(recovered)
		page.Rows = append(page.Rows, r)
		return nil
	})
	return page, err
}

func (s *Store) list(ctx context.Context, t tableSpec, req domain.PageRequest, total *int, scan func(*sql.Rows) error) error {
	rowsSQL, countSQL, args, err := t.build(req)
	if err != nil {
		return err
	}
	if err := s.db.QueryRowContext(ctx, countSQL, args...).Scan(total); err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the table")
	}
	rows, err := s.db.QueryContext(ctx, rowsSQL, args...)
	if err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the table")
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the table")
		}
	}
	return rows.Err()
}

// GetOrder returns one order with its lines, customer and shipments.
func (s *Store) GetOrder(ctx context.Context, id int64) (domain.OrderDetail, error) {
	var d domain.OrderDetail
	o := &d.Order
	var created int64
	var paid, fulfilled, cancelled sql.NullInt64
	var custID sql.NullInt64
	var tags, billing, shipping string
	err := s.PreparedRow(ctx, q("OrderGet"), id).Scan(&o.ID, &o.Source, &o.ExternalID, &o.Name, &o.Email,
		&custID, &o.FinancialStatus, &o.FulfillmentStatus, &o.Currency, &o.Subtotal, &o.Shipping, &o.Taxes,
		&o.Discount, &o.Total, &o.Refunded, &o.DiscountCode, &o.ShippingMethod, &o.PaymentMethod, &o.RiskLevel,
		&o.AcceptsMarketing, &tags, &o.Note, &billing, &shipping, &created, &paid, &fulfilled, &cancelled)
	if err == sql.ErrNoRows {
		return d, domain.Errorf(domain.CodeNotFound, "order %d was not found", id)
	}
	if err != nil {
		return d, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the order")
	}
	o.CreatedAt = time.Unix(created, 0).UTC()
	o.PaidAt, o.FulfilledAt, o.CancelledAt = FromUnix(paid), FromUnix(fulfilled), FromUnix(cancelled)
	o.Tags = domain.SplitTags(tags)
	json.Unmarshal([]byte(billing), &o.Billing)
	json.Unmarshal([]byte(shipping), &o.ShippingAddress)
	if custID.Valid {
		o.CustomerID = &custID.Int64
		c, err := ScanCustomer(s.PreparedRow(ctx, q("CustomerGet"), custID.Int64))
		if err == nil {
			d.Customer = &c
		}
	}
	o.Lines = []domain.LineItem{}
	rows, err := s.PreparedQuery(ctx, q("OrderLines"), id)
	if err != nil {
		return d, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the order lines")
	}
	defer rows.Close()
	for rows.Next() {
		var l domain.LineItem
		if err := rows.Scan(&l.Position, &l.SKU, &l.Name, &l.Vendor, &l.Quantity, &l.Price, &l.CompareAtPrice,
			&l.Discount, &l.RequiresShipping, &l.FulfillmentStatus); err != nil {
			return d, err
		}
		o.Lines = append(o.Lines, l)
	}
	d.Shipments = []domain.Shipment{}
	srows, err := s.PreparedQuery(ctx, q("OrderShipments"), id)
	if err != nil {
		return d, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the shipments")
	}
	defer srows.Close()
	for srows.Next() {
		var sh domain.Shipment
		var shipped, updated int64
		var delivered sql.NullInt64
		if err := srows.Scan(&sh.ID, &sh.OrderID, &sh.Carrier, &sh.TrackingNumber, &sh.TrackingURL, &sh.Status,
			&shipped, &delivered, &updated); err != nil {
			return d, err
		}
		sh.ShippedAt, sh.UpdatedAt, sh.DeliveredAt = time.Unix(shipped, 0).UTC(), time.Unix(updated, 0).UTC(), FromUnix(delivered)
		d.Shipments = append(d.Shipments, sh)
	}
	return d, srows.Err()
}

// CustomerByID returns one customer.
func (s *Store) CustomerByID(ctx context.Context, id int64) (domain.Customer, error) {
	c, err := ScanCustomer(s.db.QueryRowContext(ctx, q("CustomerGet"), id))
	if err == sql.ErrNoRows {
		return c, domain.Errorf(domain.CodeNotFound, "customer %d was not found", id)
	}
	return c, err
}
