package customersdb

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store"
)

// Tasks lists the seller's tasks that f picks, as of now.
func (s *DB) Tasks(ctx context.Context, f domain.TaskFilter, now time.Time) ([]domain.Task, error) {
	limit := f.Limit
	if limit <= 0 {
		limit = 200
	}
	limit = min(limit, 1000)
	state := f.State
	if state == "" {
		state = domain.TaskOpen
	}
	rows, err := s.SQL().QueryContext(ctx, q("TaskList"), now.Unix(), string(state), string(f.Kind), limit)
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the tasks")
	}
	defer rows.Close()
	out := []domain.Task{}
	for rows.Next() {
		var t domain.Task
		var cust, order, due, done, snoozed sql.NullInt64
		var status string
		var created int64
		if err := rows.Scan(&t.ID, &t.Title, &t.Detail, &cust, &t.Email, &order, &t.OrderName, &status,
			&created, &due, &done, &snoozed, &t.Kind, &t.OrderHeld); err != nil {
			return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the tasks")
		}
		t.CustomerID, t.OrderID = idOrNil(cust), idOrNil(order)
		t.CreatedAt = time.Unix(created, 0).UTC()
		t.DueAt, t.DoneAt, t.SnoozedUntil = store.FromUnix(due), store.FromUnix(done), store.FromUnix(snoozed)
		switch {
		case status == "done":
			t.State = domain.TaskDone
		case t.SnoozedUntil != nil && t.SnoozedUntil.After(now):
			t.State = domain.TaskSnoozed
		default:
			t.State, t.SnoozedUntil = domain.TaskOpen, nil // a snooze that ran out is no news
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

func idOrNil(v sql.NullInt64) *int64 {
	if !v.Valid {
		return nil
	}
	return &v.Int64
}

// TaskCounts counts the lists as of now.
func (s *DB) TaskCounts(ctx context.Context, now time.Time) (domain.TaskCounts, error) {
	var c domain.TaskCounts
	err := s.SQL().QueryRowContext(ctx, q("TaskCounts"), now.Unix()).Scan(&c.Open, &c.Snoozed, &c.Done, &c.Held)
	if err != nil {
		return c, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not count the tasks")
	}
	return c, nil
}

// taskStatus is a task's stored status, or not_found.
func (s *DB) taskStatus(ctx context.Context, id int64) (string, error) {
	var status string
	err := s.SQL().QueryRowContext(ctx, q("TaskStatus"), id).Scan(&status)
	if errors.Is(err, sql.ErrNoRows) {
		return "", domain.Errorf(domain.CodeNotFound, "There is no task %d.", id)
	}
	return status, err
}

// SetTaskDone ticks a task off (done) or puts it back on the open list.
// Ticking a done task again changes nothing (its done time stays).
func (s *DB) SetTaskDone(ctx context.Context, id int64, done bool, now time.Time) error {
	if _, err := s.taskStatus(ctx, id); err != nil {
		return err
	}
	query, args := q("TaskReopen"), []any{id}
	if done {
		query, args = q("TaskDone"), []any{id, now.Unix()}
	}
	if _, err := s.SQL().ExecContext(ctx, query, args...); err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not change the task")
	}
	return nil
}

// SnoozeTask hides an open task until until (a zero time wakes it now).
func (s *DB) SnoozeTask(ctx context.Context, id int64, until time.Time) error {
	status, err := s.taskStatus(ctx, id)
	if err != nil {
		return err
	}
	if status != "open" {
		return domain.Errorf(domain.CodeConflict, "Task %d is done: only an open task can be snoozed.", id)
	}
	var at any
	if !until.IsZero() {
		at = until.Unix()
	}
	if _, err := s.SQL().ExecContext(ctx, q("TaskSnooze"), id, at); err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not snooze the task")
	}
	return nil
}

// AddTask puts the seller's own task on the list.
func (s *DB) AddTask(ctx context.Context, title, detail string, customerID, orderID *int64, due *time.Time, now time.Time) (int64, error) {
	res, err := s.SQL().ExecContext(ctx, q("TaskInsertOwn"), title, detail, nullable(customerID), nullable(orderID), now.Unix(), store.UnixOrNull(due))
	if err != nil {
		return 0, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not add the task")
	}
	return res.LastInsertId()
}

func nullable(p *int64) any {
	if p == nil {
		return nil
	}
	return *p
}

// HeldOrders lists the orders held now, and those released since
// releasedSince when it is not zero.
func (s *DB) HeldOrders(ctx context.Context, releasedSince time.Time) ([]domain.HeldOrder, error) {
	withReleased := 0
	if !releasedSince.IsZero() {
		withReleased = 1
	}
	rows, err := s.SQL().QueryContext(ctx, q("HoldList"), withReleased, releasedSince.Unix())
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the held orders")
	}
	defer rows.Close()
	out := []domain.HeldOrder{}
	for rows.Next() {
		h, err := scanHold(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

func scanHold(r interface{ Scan(...any) error }) (domain.HeldOrder, error) {
	var h domain.HeldOrder
	var cust, released sql.NullInt64
	var ordered, held int64
	if err := r.Scan(&h.OrderID, &h.OrderName, &h.Email, &cust, &h.Total, &h.Currency, &h.RiskLevel, &ordered,
		&held, &h.Reason, &released); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return h, err
		}
		return h, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the held orders")
	}
	h.CustomerID, h.ReleasedAt = idOrNil(cust), store.FromUnix(released)
	h.OrderedAt, h.HeldAt = time.Unix(ordered, 0).UTC(), time.Unix(held, 0).UTC()
	return h, nil
}

// HoldOf is the order's hold, if a flow ever held it (ok false if not).
func (s *DB) HoldOf(ctx context.Context, orderID int64) (domain.HeldOrder, bool, error) {
	h, err := scanHold(s.SQL().QueryRowContext(ctx, q("HoldOf"), orderID))
	if errors.Is(err, sql.ErrNoRows) {
		return h, false, nil
	}
	return h, err == nil, err
}

// OrderIDByName finds an order by its name (1001 or #1001) or the store's id.
func (s *DB) OrderIDByName(ctx context.Context, name string) (int64, error) {
	var id int64
	err := s.SQL().QueryRowContext(ctx, q("HoldOrderByName"), name).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, domain.Errorf(domain.CodeNotFound, "There is no order %s in this shop.", name)
	}
	return id, err
}

// HoldQueue queues, inside the release's transaction, the store write that
// releases the order in the store it came from (issue 11, write-back 4):
// the write-back queue (connectordb) provides it where it writes holds.
type HoldQueue func(ctx context.Context, tx store.Execer, orderID int64) error

// ReleaseHold releases a held order and ticks off its review tasks, in one
// transaction; then, inside it, queue runs (when not nil), so a release and
// its store write are recorded together or not at all. released is false
// when the order was not held (nothing changed).
func (s *DB) ReleaseHold(ctx context.Context, orderID int64, now time.Time, queue HoldQueue) (released bool, err error) {
	err = s.InTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, q("HoldRelease"), orderID, now.Unix())
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		released = true
		if _, err := tx.ExecContext(ctx, q("HoldTasksDone"), orderID, now.Unix()); err != nil {
			return err
		}
		if queue != nil {
			return queue(ctx, tx, orderID)
		}
		return nil
	})
	if err != nil {
		return false, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not release the order")
	}
	return released, nil
}
