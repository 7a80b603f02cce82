package customersdb

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"shopclerk/backend/domain"
	"shopclerk/backend/store"
)

// RFMInput is one customer's orders as scoring reads them: in the window
// (Last, Orders, Spent; zero when none) and the last order at all.
type RFMInput struct {
	ID      int64
	Last    int64
	Orders  int64
	Spent   int64
	LastAny int64
}

// RFMInputs reads every customer with an order created at or before asOf:
// their orders from from on, and their last order. One pass over the
// customers' index, on a connection with a small page cache (the pass
// reads every entry once).
func (s *DB) RFMInputs(ctx context.Context, from, asOf int64) ([]RFMInput, error) {
	var out []RFMInput
	err := s.OnSmallCache(ctx, func(conn *sql.Conn) error {
		rows, err := conn.QueryContext(ctx, q("RFMInputs"), from, asOf)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r RFMInput
			if err := rows.Scan(&r.ID, &r.Last, &r.Orders, &r.Spent, &r.LastAny); err != nil {
				return err
			}
			out = append(out, r)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the orders for the RFM scores")
	}
	return out, nil
}

// Score is one customer's stored RFM score.
type Score struct {
	CustomerID  int64
	R, F, M     int
	Orders      int64
	Spent       int64
	LastOrderAt int64
	Segment     string
	Since       int64
}

// RFMPrevious reads the stored scores, by customer.
func (s *DB) RFMPrevious(ctx context.Context) (map[int64]Score, error) {
	out := map[int64]Score{}
	err := s.scan(ctx, "RFMOld", nil, func(rows *sql.Rows) error {
		var sc Score
		if err := rows.Scan(&sc.CustomerID, &sc.R, &sc.F, &sc.M, &sc.Orders, &sc.Spent, &sc.LastOrderAt, &sc.Segment, &sc.Since); err != nil {
			return err
		}
		out[sc.CustomerID] = sc
		return nil
	})
	return out, err
}

// RFMRun is one scoring: the month it stands for, the moment its scores
// are as of, its window and how many customers it scored.
type RFMRun struct {
	Month      string
	At         int64
	WindowDays int
	Scored     int
}

// SaveScores makes scores the customers' scores in one transaction,
// writing only the rows that differ from prev (the stored ones, as
// RFMPrevious read them): from one scoring to the next most customers keep
// their quintiles, so a scoring writes a few thousand rows, not every one.
// The run is recorded as month's.
func (s *DB) SaveScores(ctx context.Context, run RFMRun, scores []Score, prev map[int64]Score) error {
	var changed []Score
	seen := make(map[int64]bool, len(scores))
	for _, sc := range scores {
		seen[sc.CustomerID] = true
		if p, ok := prev[sc.CustomerID]; !ok || p != sc {
			changed = append(changed, sc)
		}
	}
	err := s.InTx(ctx, func(tx *sql.Tx) error {
		if err := insertRows(ctx, tx, q("RFMPut"), 9, len(changed), func(i int, a []any) []any {
			sc := &changed[i]
			return append(a, sc.CustomerID, sc.R, sc.F, sc.M, sc.Orders, sc.Spent, sc.LastOrderAt, sc.Segment, sc.Since)
		}); err != nil {
			return err
		}
		for id := range prev {
			if !seen[id] {
				if _, err := tx.ExecContext(ctx, q("RFMDelete"), id); err != nil {
					return err
				}
			}
		}
		return setRun(ctx, tx, run)
	})
	if err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not save the RFM scores")
	}
	return nil
}

// SaveMonth stores scores as month's snapshot (a month scored after the
// fact: the first scoring makes last month's from the orders then).
func (s *DB) SaveMonth(ctx context.Context, run RFMRun, scores []Score) error {
	err := s.InTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, q("RFMMonthClear"), run.Month); err != nil {
			return err
		}
		if err := insertRows(ctx, tx, q("RFMMonthInsert"), 3, len(scores), func(i int, a []any) []any {
			return append(a, run.Month, scores[i].CustomerID, scores[i].Segment)
		}); err != nil {
			return err
		}
		return setRun(ctx, tx, run)
	})
	if err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not save the RFM snapshot")
	}
	return nil
}

// CloseMonth keeps the stored scores as month's snapshot: called at the
// first scoring of a later month, when they are month's last.
func (s *DB) CloseMonth(ctx context.Context, month string) error {
	err := s.InTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, q("RFMMonthClear"), month); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, q("RFMMonthFromScores"), month)
		return err
	})
	if err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not keep last month's RFM snapshot")
	}
	return nil
}

func setRun(ctx context.Context, tx *sql.Tx, run RFMRun) error {
	_, err := tx.ExecContext(ctx, q("RFMRunSet"), run.Month, run.At, run.WindowDays, run.Scored)
	return err
}

// insertRows runs a one-row INSERT over n rows, 100 rows a statement (the
// VALUES tuple repeated), which is several times faster than a statement
// a row through database/sql.
func insertRows(ctx context.Context, tx *sql.Tx, one string, cols, n int, row func(i int, args []any) []any) error {
	const chunk = 100
	i := strings.LastIndex(one, "VALUES")
	head, tuple := one[:i+len("VALUES")], strings.TrimSpace(one[i+len("VALUES"):])
	stmts := map[int]*sql.Stmt{}
	defer func() {
		for _, st := range stmts {
			st.Close()
		}
	}()
	args := make([]any, 0, chunk*cols)
	for start := 0; start < n; start += chunk {
		k := min(chunk, n-start)
		st, ok := stmts[k]
		if !ok {
			var b strings.Builder
			b.WriteString(head)
			for j := range k {
				if j > 0 {
					b.WriteByte(',')
				}
				b.WriteString(" " + tuple)
			}
			var err error
			if st, err = tx.PrepareContext(ctx, b.String()); err != nil {
				return err
			}
			stmts[k] = st
		}
		args = args[:0]
		for j := start; j < start+k; j++ {
			args = row(j, args)
		}
		if _, err := st.ExecContext(ctx, args...); err != nil {
			return err
		}
	}
	return nil
}

// LatestRFMRun is the newest scoring; ok is false before the first.
func (s *DB) LatestRFMRun(ctx context.Context) (RFMRun, bool, error) {
	r, err := s.gen().RFMRunLatest(ctx)
	return runOf(r.Month, r.At, r.WindowDays, r.Scored, err)
}

// RFMRunBefore is the newest scoring of a month before month.
func (s *DB) RFMRunBefore(ctx context.Context, month string) (RFMRun, bool, error) {
	r, err := s.gen().RFMRunBefore(ctx, month)
	return runOf(r.Month, r.At, r.WindowDays, r.Scored, err)
}

func runOf(month string, at, window, scored int64, err error) (RFMRun, bool, error) {
	if errors.Is(err, sql.ErrNoRows) {
		return RFMRun{}, false, nil
	}
	if err != nil {
		return RFMRun{}, false, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the RFM scores")
	}
	return RFMRun{Month: month, At: at, WindowDays: int(window), Scored: int(scored)}, true, nil
}

// RFMCounts counts the customers of each segment now.
func (s *DB) RFMCounts(ctx context.Context) (map[string]int, error) {
	rows, err := s.gen().RFMCounts(ctx)
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not count the segments")
	}
	out := map[string]int{}
	for _, r := range rows {
		out[r.Segment] = int(r.N)
	}
	return out, nil
}

// RFMMonthCounts counts the customers of each segment in month's snapshot.
func (s *DB) RFMMonthCounts(ctx context.Context, month string) (map[string]int, error) {
	out := map[string]int{}
	err := s.scan(ctx, "RFMMonthCounts", []any{month}, func(rows *sql.Rows) error {
		var seg string
		var n int
		if err := rows.Scan(&seg, &n); err != nil {
			return err
		}
		out[seg] = n
		return nil
	})
	return out, err
}

// Move is how many customers went from one segment to another ("" is not
// scored).
type Move struct {
	From  string
	To    string
	Count int
}

// RFMMoves counts the moves from month's snapshot to now.
func (s *DB) RFMMoves(ctx context.Context, month string) ([]Move, error) {
	var out []Move
	err := s.scan(ctx, "RFMMoves", []any{month}, func(rows *sql.Rows) error {
		var m Move
		if err := rows.Scan(&m.From, &m.To, &m.Count); err != nil {
			return err
		}
		out = append(out, m)
		return nil
	})
	return out, err
}

// CustomerRFM is one customer's current score; ok is false when unscored.
func (s *DB) CustomerRFM(ctx context.Context, id int64) (Score, bool, error) {
	r, err := s.gen().RFMOf(ctx, id)
	if errors.Is(err, sql.ErrNoRows) {
		return Score{}, false, nil
	}
	if err != nil {
		return Score{}, false, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the customer's RFM score")
	}
	return Score{CustomerID: id, R: int(r.R), F: int(r.F), M: int(r.M), Orders: r.Orders, Spent: r.Spent,
		LastOrderAt: r.LastOrderAt, Segment: r.Segment, Since: r.Since}, true, nil
}

// MonthSegment is a customer's segment in one month's snapshot.
type MonthSegment struct {
	Month   string
	Segment string
}

// CustomerMonths lists a customer's monthly segments, newest first.
func (s *DB) CustomerMonths(ctx context.Context, id int64) ([]MonthSegment, error) {
	rows, err := s.gen().RFMMonthsOf(ctx, id)
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the customer's segment history")
	}
	out := make([]MonthSegment, len(rows))
	for i, r := range rows {
		out[i] = MonthSegment{Month: r.Month, Segment: r.Segment}
	}
	return out, nil
}

// EachCustomer calls fn with every customer (erased ones aside) and their
// RFM segment, in id order.
func (s *DB) EachCustomer(ctx context.Context, fn func(c domain.Customer, segment string) error) error {
	err := s.OnSmallCache(ctx, func(conn *sql.Conn) error {
		rows, err := conn.QueryContext(ctx, q("SegmentCustomers"))
		if err != nil {
			return err
		}
		defer rows.Close()
		var seg string
		for rows.Next() {
			c, err := store.ScanCustomer(extraCols{rows, []any{&seg}})
			if err != nil {
				return err
			}
			if err := fn(c, seg); err != nil {
				return err
			}
		}
		return rows.Err()
	})
	var de *domain.Error
	if err != nil && !errors.As(err, &de) {
		err = domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the customers")
	}
	return err
}

// extraCols scans the columns store.ScanCustomer knows, then extra.
type extraCols struct {
	*sql.Rows
	extra []any
}

func (e extraCols) Scan(dest ...any) error { return e.Rows.Scan(append(dest, e.extra...)...) }

// ProductsBought lists the SKUs each customer bought (cancelled orders
// aside), by customer: one pass over every order line.
func (s *DB) ProductsBought(ctx context.Context) (map[int64][]string, error) {
	out := map[int64][]string{}
	err := s.OnSmallCache(ctx, func(conn *sql.Conn) error {
		rows, err := conn.QueryContext(ctx, q("ProductsBoughtAll"))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var sku string
			if err := rows.Scan(&id, &sku); err != nil {
				return err
			}
			out[id] = append(out[id], sku)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read what the customers bought")
	}
	return out, nil
}

// CustomerExtras is what a condition reads about one customer beyond its
// row: its RFM segment and, when products is set, the SKUs it bought.
func (s *DB) CustomerExtras(ctx context.Context, id int64, products bool) (segment string, skus []string, err error) {
	err = s.SQL().QueryRowContext(ctx, q("RFMSegmentOf"), id).Scan(&segment)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the customer's segment")
	}
	skus = []string{}
	if !products {
		return segment, skus, nil
	}
	err = s.scan(ctx, "ProductsBoughtOne", []any{id}, func(rows *sql.Rows) error {
		var sku string
		err := rows.Scan(&sku)
		skus = append(skus, sku)
		return err
	})
	return segment, skus, err
}

// scan runs a named query and calls fn for each row.
func (s *DB) scan(ctx context.Context, name string, args []any, fn func(*sql.Rows) error) error {
	rows, err := s.SQL().QueryContext(ctx, q(name), args...)
	if err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the customers' data")
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the customers' data")
		}
	}
	if err := rows.Err(); err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the customers' data")
	}
	return nil
}

// CustomerCount counts the customers (erased ones aside).
func (s *DB) CustomerCount(ctx context.Context) (int, error) {
	var n int
	if err := s.SQL().QueryRowContext(ctx, q("CustomerCount")).Scan(&n); err != nil {
		return 0, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not count the customers")
	}
	return n, nil
}
