package customers

import (
	"context"
	"strings"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/customersdb"
)

// Tasks and holds: the to-do list the automations (review a high-risk
// order, a stuck shipment) and the inbox (a reply to read, a draft to
// approve) fill, and the orders a flow held for review. A held order's
// confirmation and rewards wait (rules reads order.held) until the seller
// releases it here; Release also ticks off its review task.

// maxSnooze bounds a snooze: a task hidden for longer is better done or
// deleted.
const maxSnooze = 90 * 24 * time.Hour

// Tasks lists the tasks f picks.
func (s *Service) Tasks(ctx context.Context, f domain.TaskFilter) ([]domain.Task, error) {
	switch f.State {
	case "", domain.TaskOpen, domain.TaskSnoozed, domain.TaskDone, domain.TaskAll:
	default:
		return nil, domain.Errorf(domain.CodeInvalid, "%q is not a task list: open, snoozed, done or all.", f.State)
	}
	if f.Kind != "" && !validKind(f.Kind) {
		return nil, domain.Errorf(domain.CodeInvalid, "%q is not a kind of task: %s.", f.Kind, kindNames())
	}
	return s.db.Tasks(ctx, f, s.clk.Now())
}

func validKind(k domain.TaskKind) bool {
	for _, x := range domain.TaskKinds {
		if x == k {
			return true
		}
	}
	return false
}

func kindNames() string {
	var names []string
	for _, k := range domain.TaskKinds {
		names = append(names, string(k))
	}
	return strings.Join(names, ", ")
}

// TaskCounts counts the open, snoozed and done tasks and the held orders.
func (s *Service) TaskCounts(ctx context.Context) (domain.TaskCounts, error) {
	return s.db.TaskCounts(ctx, s.clk.Now())
}

// SetTaskDone ticks a task off, or (done false) puts it back on the list.
func (s *Service) SetTaskDone(ctx context.Context, id int64, done bool) error {
	return s.db.SetTaskDone(ctx, id, done, s.clk.Now())
}

// SnoozeTask hides an open task for the given hours (0 wakes it now).
func (s *Service) SnoozeTask(ctx context.Context, id int64, hours int) error {
	d := time.Duration(hours) * time.Hour
	if hours < 0 || d > maxSnooze {
		return domain.Errorf(domain.CodeInvalid, "A task can be snoozed for up to %d days.", int(maxSnooze.Hours()/24))
	}
	var until time.Time
	if hours > 0 {
		until = s.clk.Now().Add(d)
	}
	return s.db.SnoozeTask(ctx, id, until)
}

// AddTask puts the seller's own task on the list.
func (s *Service) AddTask(ctx context.Context, title, detail string) (int64, error) {
	title = strings.TrimSpace(title)
	if title == "" {
		return 0, domain.Errorf(domain.CodeInvalid, "Give the task a title.")
	}
	if len(title) > 300 {
		return 0, domain.Errorf(domain.CodeInvalid, "A task's title can be up to 300 characters.")
	}
	return s.db.AddTask(ctx, title, strings.TrimSpace(detail), nil, nil, nil, s.clk.Now())
}

// HeldOrders lists the orders held now and those released in the last week.
func (s *Service) HeldOrders(ctx context.Context) ([]domain.HeldOrder, error) {
	return s.db.HeldOrders(ctx, s.clk.Now().Add(-7*24*time.Hour))
}

// HoldOf is the order's hold, if a flow ever held it.
func (s *Service) HoldOf(ctx context.Context, orderID int64) (*domain.HeldOrder, error) {
	h, ok, err := s.db.HoldOf(ctx, orderID)
	if err != nil || !ok {
		return nil, err
	}
	return &h, nil
}

// Release lets a held order's confirmation and rewards go out on the next
// automation run, ticks off its review task and, where a store writes
// holds (HoldQueue), queues the release there in the same transaction. An
// order that is not held is refused with the reason.
func (s *Service) Release(ctx context.Context, orderID int64) (domain.HeldOrder, error) {
	h, ok, err := s.db.HoldOf(ctx, orderID)
	if err != nil {
		return h, err
	}
	if !ok {
		return h, domain.Errorf(domain.CodeNotFound, "Order %d is not held: no flow held it for review.", orderID)
	}
	if h.ReleasedAt != nil {
		return h, domain.Errorf(domain.CodeConflict, "Order %s was released on %s.", h.OrderName, h.ReleasedAt.Format("2 Jan 2006 15:04 MST"))
	}
	released, err := s.db.ReleaseHold(ctx, orderID, s.clk.Now(), s.HoldQueue)
	if err != nil {
		return h, err
	}
	if !released { // released by another window or the CLI between the two reads
		return h, domain.Errorf(domain.CodeConflict, "Order %s was released already.", h.OrderName)
	}
	h2, _, err := s.db.HoldOf(ctx, orderID)
	return h2, err
}

// ReleaseByName is Release for an order named as the seller writes it
// (1001, #1001, or the store's id).
func (s *Service) ReleaseByName(ctx context.Context, name string) (domain.HeldOrder, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return domain.HeldOrder{}, domain.Errorf(domain.CodeInvalid, "Name the order to release (for example 1001).")
	}
	id, err := s.db.OrderIDByName(ctx, strings.TrimPrefix(name, "#"))
	if err != nil {
		return domain.HeldOrder{}, err
	}
	return s.Release(ctx, id)
}

// HoldQueue is re-exported so the app can plug the write-back queue in.
type HoldQueue = customersdb.HoldQueue
