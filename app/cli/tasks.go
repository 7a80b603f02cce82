package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"shopclerk/backend/domain"
)

func init() {
	registerCommand(Command{
		Name:    "tasks",
		Summary: "the seller's tasks and held orders: tasks [--open|--done|--snoozed|--all] [--kind K] | tasks done ID | tasks undo ID | tasks snooze ID HOURS",
		Run:     runTasks,
	})
	registerCommand(Command{
		Name:    "hold",
		Summary: "orders held for review: hold list | hold release ORDER (its confirmation and rewards go out on the next run)",
		Run:     runHold,
	})
}

// tasksOutput is what `shopclerk tasks --json` prints.
type tasksOutput struct {
	Counts domain.TaskCounts  `json:"counts"`
	Tasks  []domain.Task      `json:"tasks"`
	Held   []domain.HeldOrder `json:"held"`
}

const tasksUsage = "usage: shopclerk tasks [--open|--done|--snoozed|--all] [--kind reply|review|shipment|flow|yours] [--json] | tasks done|undo ID | tasks snooze ID HOURS"

func runTasks(ctx context.Context, env *CLIEnv, args []string) error {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		return runTaskChange(ctx, env, args)
	}
	fs := flag.NewFlagSet("tasks", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	_ = fs.Bool("open", false, "the tasks to do now (the default)")
	done := fs.Bool("done", false, "the tasks done")
	snoozed := fs.Bool("snoozed", false, "the tasks snoozed")
	all := fs.Bool("all", false, "every task")
	kind := fs.String("kind", "", "only this kind: reply, review, shipment, flow, yours")
	if err := parseFlags(fs, args, env.Out); err != nil {
		return domain.Wrap(err, domain.CodeInvalid, "tasks: "+err.Error()+" ("+tasksUsage+")")
	}
	f := domain.TaskFilter{State: domain.TaskOpen, Kind: domain.TaskKind(*kind), Limit: 1000}
	switch {
	case *all:
		f.State = domain.TaskAll
	case *done:
		f.State = domain.TaskDone
	case *snoozed:
		f.State = domain.TaskSnoozed
	}
	svc := env.Shop().Customers
	var out tasksOutput
	var err error
	if out.Tasks, err = svc.Tasks(ctx, f); err != nil {
		return err
	}
	if out.Counts, err = svc.TaskCounts(ctx); err != nil {
		return err
	}
	if out.Held, err = svc.HeldOrders(ctx); err != nil {
		return err
	}
	env.Print(out, func(w io.Writer) {
		c := out.Counts
		fmt.Fprintf(w, "%d open, %d snoozed, %d done; %d orders held for review\n", c.Open, c.Snoozed, c.Done, c.Held)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, t := range out.Tasks {
			when := t.CreatedAt.Format("2006-01-02")
			if t.SnoozedUntil != nil {
				when = "until " + t.SnoozedUntil.Format("2006-01-02 15:04")
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", t.ID, t.Kind, t.State, when, t.Title)
		}
		tw.Flush()
		for _, h := range out.Held {
			printHeld(w, h)
		}
	})
	return nil
}

func printHeld(w io.Writer, h domain.HeldOrder) {
	state := "held"
	if h.ReleasedAt != nil {
		state = "released " + h.ReleasedAt.Format("2006-01-02 15:04")
	}
	fmt.Fprintf(w, "order %s (%s): %s since %s: %s\n", h.OrderName, h.Email, state, h.HeldAt.Format("2006-01-02 15:04"), h.Reason)
}

// runTaskChange is `tasks done|undo ID` and `tasks snooze ID HOURS`.
func runTaskChange(ctx context.Context, env *CLIEnv, args []string) error {
	verb, rest := args[0], args[1:]
	want := map[string]int{"done": 1, "undo": 1, "snooze": 2}[verb]
	if want == 0 || len(rest) < want {
		return domain.Errorf(domain.CodeInvalid, "tasks: %q is not a command here (%s)", strings.Join(args, " "), tasksUsage)
	}
	id, err := strconv.ParseInt(rest[0], 10, 64)
	if err != nil {
		return domain.Errorf(domain.CodeInvalid, "tasks %s: %q is not a task number (%s)", verb, rest[0], tasksUsage)
	}
	svc := env.Shop().Customers
	var msg string
	switch verb {
	case "done", "undo":
		err, msg = svc.SetTaskDone(ctx, id, verb == "done"), fmt.Sprintf("task %d: done", id)
		if verb == "undo" {
			msg = fmt.Sprintf("task %d: open again", id)
		}
	case "snooze":
		hours, perr := strconv.Atoi(rest[1])
		if perr != nil {
			return domain.Errorf(domain.CodeInvalid, "tasks snooze: %q is not a number of hours", rest[1])
		}
		err, msg = svc.SnoozeTask(ctx, id, hours), fmt.Sprintf("task %d: snoozed for %d hours", id, hours)
	}
	if err != nil {
		return err
	}
	env.Print(map[string]any{"id": id, "done": verb == "done", "message": msg}, func(w io.Writer) { fmt.Fprintln(w, msg) })
	return nil
}

func runHold(ctx context.Context, env *CLIEnv, args []string) error {
	svc := env.Shop().Customers
	rest := args
	switch {
	case len(rest) == 0 || rest[0] == "list":
		held, err := svc.HeldOrders(ctx)
		if err != nil {
			return err
		}
		printList(env, held, "no order is held for review", printHeld)
		return nil
	case rest[0] == "release" && len(rest) == 2:
		h, err := svc.ReleaseByName(ctx, rest[1])
		if err != nil {
			return err
		}
		env.Print(h, func(w io.Writer) {
			fmt.Fprintf(w, "order %s released: its confirmation and rewards go out on the next automation run\n", h.OrderName)
		})
		return nil
	}
	return domain.Errorf(domain.CodeInvalid, "hold: %q is not a command here (usage: shopclerk hold list | hold release ORDER [--json])", strings.Join(rest, " "))
}
