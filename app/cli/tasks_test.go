package cli

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/storetest"
)

// The tasks and hold commands over a shop where a flow held Ann's order #B
// and made its review task, and the inbox made a reply task.
func TestCLITasksAndHoldRelease(t *testing.T) {
	db, now := segmentsShop(t)
	st := storetest.Open(t, storetest.Path(db), storetest.At(now))
	for _, q := range []string{
		`INSERT INTO rule_holds (order_id, at, reason, ledger_key) SELECT id, 0, 'high risk', '3/order/x/0' FROM orders WHERE name = '#B'`,
		`INSERT INTO tasks (title, customer_id, order_id, status, created_at, ledger_key) SELECT 'Review order #B', customer_id, id, 'open', 1, '3/order/x/1' FROM orders WHERE name = '#B'`,
		`INSERT INTO tasks (title, status, created_at, ledger_key) VALUES ('Reply from ann', 'open', 2, 'inbox/reply/<a@b>')`,
	} {
		if _, err := st.SQL().ExecContext(context.Background(), q); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()

	code, out, errOut := runCLI(t, db, now, "tasks", "--open", "--json")
	if code != 0 {
		t.Fatalf("tasks: %d %s", code, errOut)
	}
	var got tasksOutput
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err, out)
	}
	if got.Counts != (domain.TaskCounts{Open: 2, Held: 1}) || len(got.Tasks) != 2 || len(got.Held) != 1 || got.Held[0].OrderName != "#B" {
		t.Fatalf("tasks --json: %+v", got)
	}
	var reply int64
	for _, tk := range got.Tasks {
		if tk.Kind == domain.TaskReply {
			reply = tk.ID
		}
	}
	if code, _, errOut := runCLI(t, db, now, "tasks", "done", strconv.FormatInt(reply, 10)); code != 0 {
		t.Fatalf("tasks done: %s", errOut)
	}
	if code, out, _ := runCLI(t, db, now, "hold", "release", "B"); code != 0 || !strings.Contains(out, "order #B released") {
		t.Fatalf("hold release: %d %s", code, out)
	}
	code, out, _ = runCLI(t, db, now, "tasks")
	if code != 0 || !strings.HasPrefix(out, "0 open, 0 snoozed, 2 done; 0 orders held for review") {
		t.Fatalf("tasks after: %s", out)
	}
	if code, _, errOut := runCLI(t, db, now, "hold", "release", "#B"); code == 0 || !strings.Contains(errOut, "released") {
		t.Errorf("second release: %d %s", code, errOut)
	}
	if code, _, errOut := runCLI(t, db, now, "tasks", "snooze", "x", "3"); code == 0 || !strings.Contains(errOut, "not a task number") {
		t.Errorf("bad id: %d %s", code, errOut)
	}
}
