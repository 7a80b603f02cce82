package customers

import (
	"context"
	"errors"
	"log/slog"
	"testing"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/store"
	"shopclerk/backend/store/storetest"
)

// taskShop is annShop with a flow hold on #1003 and its review task, a
// reply task from the inbox, a stuck-shipment flow's task, and the
// seller's own task; it returns the ids of the tasks and of #1003.
func taskShop(t *testing.T) (f *fixture, order int64, ids map[string]int64) {
	f, ann := annShop(t)
	if err := f.st.SQL().QueryRowContext(f.ctx, `SELECT id FROM orders WHERE name = '#1003'`).Scan(&order); err != nil {
		t.Fatal(err)
	}
	at := testNow.Add(-3 * time.Hour).Unix()
	storetest.Exec(f.t, f.st, `INSERT INTO rules (id, name, enabled, definition, created_at, updated_at) VALUES
		(8, 'High-risk hold', 1, '{"trigger":{"type":"order_paid"}}', 0, 0),
		(9, 'Stuck shipment', 1, '{"trigger":{"type":"shipment_status"}}', 0, 0)`)
	storetest.Exec(f.t, f.st, `INSERT INTO rule_holds (order_id, at, reason, ledger_key) VALUES (?, ?, 'high risk', '8/order:1/p/0')`, order, at)
	ids = map[string]int64{}
	for _, tk := range []struct {
		name, key string
		cust, ord any
	}{
		{"review", "8/order:1/p/1", ann, order},
		{"reply", "inbox/reply/<q@x>", ann, nil},
		{"shipment", "9/shipment:4/s/0", ann, order + 1000}, // an order id no row has: LEFT JOIN keeps the task
		{"yours", "", nil, nil},
	} {
		var key any
		if tk.key != "" {
			key = tk.key
		}
		var ord any = tk.ord
		if tk.name == "shipment" {
			ord = nil
		}
		res, err := f.st.SQL().ExecContext(f.ctx, `INSERT INTO tasks (title, detail, customer_id, order_id, status, created_at, ledger_key)
			VALUES (?, '', ?, ?, 'open', ?, ?)`, "task "+tk.name, tk.cust, ord, at, key)
		if err != nil {
			t.Fatal(err)
		}
		ids[tk.name], _ = res.LastInsertId()
	}
	return f, order, ids
}

func kinds(ts []domain.Task) map[domain.TaskKind]domain.Task {
	out := map[domain.TaskKind]domain.Task{}
	for _, t := range ts {
		out[t.Kind] = t
	}
	return out
}

func TestTasksKindsFiltersDoneAndSnooze(t *testing.T) {
	f, order, ids := taskShop(t)
	open, err := f.svc.Tasks(f.ctx, domain.TaskFilter{})
	if err != nil {
		t.Fatal(err)
	}
	got := kinds(open)
	if len(open) != 4 || len(got) != 4 {
		t.Fatalf("open tasks: %+v", open)
	}
	if r := got[domain.TaskReview]; r.ID != ids["review"] || !r.OrderHeld || r.OrderName != "#1003" || r.Email != "ann@example.com" {
		t.Errorf("review task: %+v", r)
	}
	if got[domain.TaskReply].ID != ids["reply"] || got[domain.TaskShipment].ID != ids["shipment"] || got[domain.TaskYours].ID != ids["yours"] {
		t.Errorf("kinds: %+v", got)
	}
	only, err := f.svc.Tasks(f.ctx, domain.TaskFilter{Kind: domain.TaskReply})
	if err != nil || len(only) != 1 || only[0].ID != ids["reply"] {
		t.Fatalf("kind filter: %+v %v", only, err)
	}
	if _, err := f.svc.Tasks(f.ctx, domain.TaskFilter{Kind: "chores"}); domain.CodeOf(err) != domain.CodeInvalid {
		t.Errorf("unknown kind: %v", err)
	}

	if err := f.svc.SetTaskDone(f.ctx, ids["reply"], true); err != nil {
		t.Fatal(err)
	}
	if err := f.svc.SnoozeTask(f.ctx, ids["yours"], 48); err != nil {
		t.Fatal(err)
	}
	c, err := f.svc.TaskCounts(f.ctx)
	if err != nil || c != (domain.TaskCounts{Open: 2, Snoozed: 1, Done: 1, Held: 1}) {
		t.Fatalf("counts: %+v %v", c, err)
	}
	done, _ := f.svc.Tasks(f.ctx, domain.TaskFilter{State: domain.TaskDone})
	if len(done) != 1 || done[0].DoneAt == nil || !done[0].DoneAt.Equal(testNow) || done[0].State != domain.TaskDone {
		t.Errorf("done list: %+v", done)
	}
	if err := f.svc.SnoozeTask(f.ctx, ids["reply"], 4); domain.CodeOf(err) != domain.CodeConflict {
		t.Errorf("snoozing a done task: %v", err)
	}
	if err := f.svc.SnoozeTask(f.ctx, ids["review"], 24*91); domain.CodeOf(err) != domain.CodeInvalid {
		t.Errorf("a 91-day snooze: %v", err)
	}
	if err := f.svc.SetTaskDone(f.ctx, 999, true); domain.CodeOf(err) != domain.CodeNotFound {
		t.Errorf("no such task: %v", err)
	}

	// Two days and an hour later the snooze has run out: the task is open again.
	later := New(f.db, clock.Fixed{T: testNow.Add(49 * time.Hour)}, slog.New(slog.DiscardHandler))
	open, _ = later.Tasks(f.ctx, domain.TaskFilter{})
	if y, ok := kinds(open)[domain.TaskYours]; !ok || y.State != domain.TaskOpen || y.SnoozedUntil != nil {
		t.Errorf("after the snooze: %+v", open)
	}
	snoozed, _ := f.svc.Tasks(f.ctx, domain.TaskFilter{State: domain.TaskSnoozed})
	if len(snoozed) != 1 || snoozed[0].SnoozedUntil == nil || !snoozed[0].SnoozedUntil.Equal(testNow.Add(48*time.Hour)) {
		t.Errorf("snoozed list: %+v", snoozed)
	}
	// Back on the list.
	if err := f.svc.SetTaskDone(f.ctx, ids["reply"], false); err != nil {
		t.Fatal(err)
	}
	if c, _ := f.svc.TaskCounts(f.ctx); c.Open != 3 || c.Done != 0 {
		t.Errorf("reopened: %+v", c)
	}
	_ = order
}

func TestReleaseHoldTicksTheReviewAndQueuesTheStoreWrite(t *testing.T) {
	f, order, ids := taskShop(t)

	// A queue that fails leaves the order held: release and write go together.
	f.svc.HoldQueue = func(ctx context.Context, tx store.Execer, id int64) error { return errors.New("queue is down") }
	if _, err := f.svc.Release(f.ctx, order); err == nil {
		t.Fatal("release with a failing queue succeeded")
	}
	if n := storetest.Count(f.t, f.st, `SELECT COUNT(*) FROM rule_holds WHERE released_at IS NULL`); n != 1 {
		t.Fatalf("held after a failed release: %d", n)
	}
	if n := storetest.Count(f.t, f.st, `SELECT COUNT(*) FROM tasks WHERE status = 'done'`); n != 0 {
		t.Fatalf("tasks done after a failed release: %d", n)
	}

	var queued []int64
	f.svc.HoldQueue = func(ctx context.Context, tx store.Execer, id int64) error {
		queued = append(queued, id)
		// the release is visible inside the transaction the write joins
		var n int
		err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM rule_holds WHERE order_id = ? AND released_at IS NOT NULL`, id).Scan(&n)
		if n != 1 {
			t.Errorf("queue sees released=%d", n)
		}
		return err
	}
	h, err := f.svc.ReleaseByName(f.ctx, "1003")
	if err != nil {
		t.Fatal(err)
	}
	if h.ReleasedAt == nil || !h.ReleasedAt.Equal(testNow) || len(queued) != 1 || queued[0] != order {
		t.Fatalf("released: %+v queued %v", h, queued)
	}
	if n := storetest.Count(f.t, f.st, `SELECT COUNT(*) FROM tasks WHERE status = 'done' AND id = ?`, ids["review"]); n != 1 {
		t.Errorf("review task not ticked off")
	}
	if n := storetest.Count(f.t, f.st, `SELECT COUNT(*) FROM tasks WHERE status = 'done'`); n != 1 {
		t.Errorf("release ticked off other tasks too: %d", n)
	}
	// The rules' own view: the order is no longer held.
	if n := storetest.Count(f.t, f.st, `SELECT EXISTS (SELECT 1 FROM rule_holds WHERE order_id = ? AND released_at IS NULL)`, order); n != 0 {
		t.Errorf("still held")
	}
	if _, err := f.svc.Release(f.ctx, order); domain.CodeOf(err) != domain.CodeConflict {
		t.Errorf("second release: %v", err)
	}
	if _, err := f.svc.ReleaseByName(f.ctx, "#1001"); domain.CodeOf(err) != domain.CodeNotFound {
		t.Errorf("release of an order never held: %v", err)
	}
	if _, err := f.svc.ReleaseByName(f.ctx, "9999"); domain.CodeOf(err) != domain.CodeNotFound {
		t.Errorf("release of no order: %v", err)
	}
	list, err := f.svc.HeldOrders(f.ctx)
	if err != nil || len(list) != 1 || list[0].ReleasedAt == nil {
		t.Errorf("held list keeps the week's releases: %+v %v", list, err)
	}
	if c, _ := f.svc.TaskCounts(f.ctx); c.Held != 0 {
		t.Errorf("held count: %+v", c)
	}
}
