package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"shopclerk/backend/customers"
	"shopclerk/backend/email"
	"shopclerk/backend/rules"
	"shopclerk/backend/rules/flow"
	"shopclerk/backend/service"
	"shopclerk/backend/store/customersdb"
	"shopclerk/backend/store/rulesdb"
)

// runOutput is what `shopclerk run --json` prints.
type runOutput struct {
	Preview *rules.Preview  `json:"preview,omitempty"`
	Result  rules.RunResult `json:"result"`
}

func init() {
	registerCommand(Command{
		Name:    "run",
		Summary: "run the automations once (--dry-run shows the plan; --confirm includes big and late items; --install-templates)",
		Run:     runAutomations,
	})
}

// runAutomations is the headless run for an OS scheduler. Without --confirm
// it does what the app's schedule does: everything except late items and
// flows that would email more customers than the confirmation limit.
func runAutomations(ctx context.Context, env *CLIEnv, args []string) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dry := fs.Bool("dry-run", false, "only show what would be done")
	confirm := fs.Bool("confirm", false, "also run late items and flows that need confirmation")
	install := fs.Bool("install-templates", false, "first add every ready-made flow not yet added, switched on")
	if err := parseFlags(fs, args, env.Out); err != nil {
		return fmt.Errorf("run: %w (flags: --dry-run, --confirm, --json)", err)
	}
	rdb := rulesdb.New(env.Store)
	opts := service.AutomationOptions(rdb, customers.New(customersdb.New(env.Store), env.Clock, env.Log), env.Log)
	if n, err := strconv.Atoi(os.Getenv(crashAfterEffectsEnv)); err == nil && n > 0 {
		opts.WrapEffects = crashBeforeEffect(n)
	}
	e := rules.New(rdb, opts)
	now := env.Clock.Now()
	if *install {
		if err := installTemplates(ctx, e); err != nil {
			return err
		}
	}
	if *dry {
		p, res, err := e.DryRun(ctx, now)
		if err != nil {
			return err
		}
		env.Print(runOutput{Preview: p, Result: res}, func(w io.Writer) { printPreview(w, p) })
		return nil
	}
	p, err := e.Plan(ctx, now)
	if err != nil {
		return err
	}
	keys := p.ApprovableKeys()
	if *confirm {
		keys = p.AllKeys()
	}
	res, err := e.RunPreview(ctx, p, keys)
	if err != nil {
		return err
	}
	env.Print(runOutput{Result: res}, func(w io.Writer) {
		fmt.Fprintf(w, "Done %d, already done %d, not run %d, waiting %d, failed %d\n", res.Done, res.AlreadyDone, res.NotApproved, res.Waiting, len(res.Failed))
		for name, n := range res.ByFlow {
			fmt.Fprintf(w, "  %-50s %d\n", name, n)
		}
		for _, f := range res.Failed {
			fmt.Fprintf(w, "  failed: %s: %s\n", f.Summary, f.Message)
		}
	})
	return nil
}

func printPreview(w io.Writer, p *rules.Preview) {
	fmt.Fprintf(w, "Plan at %s: %d items, %d deferred, %d late\n", p.At.Format("2006-01-02 15:04 MST"), p.Items, p.Deferred, p.Late)
	for _, f := range p.Flows {
		if len(f.Items) == 0 && f.Error == "" {
			continue
		}
		note := ""
		if f.NeedsConfirm {
			note = fmt.Sprintf(" (emails %d customers: needs --confirm)", f.Recipients)
		}
		fmt.Fprintf(w, "\n%s%s\n", f.Name, note)
		if f.Error != "" {
			fmt.Fprintf(w, "  cannot run: %s\n", f.Error)
		}
		for _, it := range f.Items {
			flags := []string{}
			if it.Late {
				flags = append(flags, "late")
			}
			if it.Problem != "" {
				flags = append(flags, it.Problem)
			}
			extra := ""
			if len(flags) > 0 {
				extra = " [" + strings.Join(flags, "; ") + "]"
			}
			fmt.Fprintf(w, "  - %s%s\n", it.Summary, extra)
		}
		for _, po := range f.PurchaseOrders {
			fmt.Fprintf(w, "  purchase order to %s: %d lines, %s\n", po.Supplier, len(po.Lines), email.FormatMoney(po.Total, po.Currency))
		}
	}
}

// installTemplates adds and switches on each ready-made flow that is not
// installed yet, for a headless setup.
func installTemplates(ctx context.Context, e *rules.Engine) error {
	flows, err := e.ListFlows(ctx)
	if err != nil {
		return err
	}
	have := map[string]bool{}
	for _, f := range flows {
		have[f.Template] = true
	}
	for _, t := range flow.Templates {
		if have[t.Key] {
			continue
		}
		id, err := e.InstallTemplate(ctx, t.Key)
		if err != nil {
			return err
		}
		if err := e.SetEnabled(ctx, id, true); err != nil {
			return err
		}
	}
	return nil
}

// crashAfterEffectsEnv is a failpoint for the crash test: with N set, the
// process exits at once, as a kill would, when the (N+1)th effect starts,
// after N committed ones and inside the transaction of the next.
const crashAfterEffectsEnv = "SHOPCLERK_CRASH_AFTER_EFFECTS"

func crashBeforeEffect(n int) func(rules.Effects, *rulesdb.RuleTx) rules.Effects {
	applied := 0
	return func(fx rules.Effects, _ *rulesdb.RuleTx) rules.Effects {
		if applied == n {
			os.Exit(3)
		}
		applied++
		return fx
	}
}
