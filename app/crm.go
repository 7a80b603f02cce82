package app

import (
	"shopclerk/backend/domain"
)

// The Tasks screen's bound methods (issue 13): the seller's tasks, the
// orders held for review and Release. They hang on CustomerService, whose
// backend (customers.Service) keeps them.

// Tasks lists the tasks f picks.
func (s *CustomerService) Tasks(f domain.TaskFilter) ([]domain.Task, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return nil, err
	}
	return b.Customers.Tasks(ctx, f)
}

// TaskCounts counts open, snoozed and done tasks and held orders, for the
// navigation and the dashboard.
func (s *CustomerService) TaskCounts() (domain.TaskCounts, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return domain.TaskCounts{}, err
	}
	return b.Customers.TaskCounts(ctx)
}

// SetTaskDone ticks a task off, or puts it back on the list.
func (s *CustomerService) SetTaskDone(id int64, done bool) error {
	b, ctx, err := s.app.current()
	if err != nil {
		return err
	}
	return b.Customers.SetTaskDone(ctx, id, done)
}

// SnoozeTask hides an open task for hours (0 wakes it).
func (s *CustomerService) SnoozeTask(id int64, hours int) error {
	b, ctx, err := s.app.current()
	if err != nil {
		return err
	}
	return b.Customers.SnoozeTask(ctx, id, hours)
}

// AddTask puts the seller's own task on the list.
func (s *CustomerService) AddTask(title, detail string) (int64, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return 0, err
	}
	return b.Customers.AddTask(ctx, title, detail)
}

// HeldOrders lists the orders held for review (and the week's releases).
func (s *CustomerService) HeldOrders() ([]domain.HeldOrder, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return nil, err
	}
	return b.Customers.HeldOrders(ctx)
}

// HoldOf is the order's hold (nil if no flow held it), for the order page.
func (s *CustomerService) HoldOf(orderID int64) (*domain.HeldOrder, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return nil, err
	}
	return b.Customers.HoldOf(ctx, orderID)
}

// ReleaseOrder releases a held order (and queues its store write where a
// store writes holds).
func (s *CustomerService) ReleaseOrder(orderID int64) (domain.HeldOrder, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return domain.HeldOrder{}, err
	}
	return b.Customers.Release(ctx, orderID)
}
