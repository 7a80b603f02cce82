package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"shopclerk/backend/customers"
	"shopclerk/backend/domain"
	"shopclerk/backend/email"
)

func init() {
	registerCommand(Command{
		Name:    "segments",
		Summary: "the RFM segments and yours, each with its count: segments [--rescore] [--window DAYS]",
		Run:     runSegments,
	})
	registerCommand(Command{
		Name:    "customer",
		Summary: "one customer: customer show EMAIL [--limit N] | customer export EMAIL [--out DIR] | customer erase EMAIL [--yes]",
		Run:     runCustomer,
	})
}

// segmentCount is one segment in `shopclerk segments --json`.
type segmentCount struct {
	Key       string `json:"key"` // the RFM segment's key, or the seller's segment's id
	Name      string `json:"name"`
	Kind      string `json:"kind"` // rfm or yours
	Count     int    `json:"count"`
	LastMonth *int   `json:"lastMonth"` // at last month's snapshot; null when there is none
	Condition string `json:"condition,omitempty"`
}

// segmentsResult is what `shopclerk segments --json` prints.
type segmentsResult struct {
	WindowDays int            `json:"windowDays"`
	ScoredAt   *time.Time     `json:"scoredAt"`
	Customers  int            `json:"customers"`
	Unscored   int            `json:"unscored"` // customers without an order
	Segments   []segmentCount `json:"segments"`
}

func runSegments(ctx context.Context, env *CLIEnv, args []string) error {
	fs := flag.NewFlagSet("segments", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	rescoreNow := fs.Bool("rescore", false, "score the customers again before counting")
	window := fs.Int("window", 0, fmt.Sprintf("set the RFM window in days (%d-%d) and score again", customers.MinWindowDays, customers.MaxWindowDays))
	if err := parseFlags(fs, args, env.Out); err != nil {
		return domain.Wrap(err, domain.CodeInvalid, "segments: "+err.Error()+" (usage: shopclerk segments [--rescore] [--window DAYS] [--json])")
	}
	if fs.NArg() > 0 {
		return domain.Errorf(domain.CodeInvalid, "segments takes no arguments, only flags (usage: shopclerk segments [--rescore] [--window DAYS] [--json])")
	}
	svc := env.Shop().Customers
	switch {
	case *window != 0:
		if _, err := svc.SetWindowDays(ctx, *window); err != nil {
			return err
		}
	case *rescoreNow:
		if _, err := svc.Recompute(ctx); err != nil {
			return err
		}
	}
	o, err := svc.Overview(ctx)
	if err != nil {
		return err
	}
	res := segmentsResult{WindowDays: o.WindowDays, ScoredAt: o.ScoredAt, Customers: o.Customers, Unscored: o.Unscored, Segments: []segmentCount{}}
	for _, c := range o.RFM {
		sc := segmentCount{Key: string(c.Segment), Name: c.Label, Kind: "rfm", Count: c.Count}
		if o.LastMonth != "" {
			n := c.LastMonth
			sc.LastMonth = &n
		}
		res.Segments = append(res.Segments, sc)
	}
	for _, c := range o.Custom {
		res.Segments = append(res.Segments, segmentCount{Key: fmt.Sprint(c.ID), Name: c.Name, Kind: "yours", Count: c.Members, LastMonth: c.LastMonth, Condition: c.Condition})
	}
	env.Print(res, func(w io.Writer) {
		fmt.Fprintf(w, "%d customers; RFM over the last %d days, scored %s (%d without an order)\n", res.Customers, res.WindowDays,
			res.ScoredAt.Format("2006-01-02 15:04 UTC"), res.Unscored)
		for _, s := range res.Segments {
			last := ""
			if s.LastMonth != nil {
				last = fmt.Sprintf("  (last month %d)", *s.LastMonth)
			}
			kind := ""
			if s.Kind == "yours" {
				kind = "  [yours] " + s.Condition
			}
			fmt.Fprintf(w, "  %-14s %7d%s%s\n", s.Name, s.Count, last, kind)
		}
	})
	return nil
}

func runCustomer(ctx context.Context, env *CLIEnv, args []string) error {
	usage := "(usage: shopclerk customer show|export|erase EMAIL [--json])"
	if len(args) == 0 {
		return domain.Errorf(domain.CodeInvalid, "customer: say show, export or erase, then the email %s", usage)
	}
	verb, rest := args[0], args[1:]
	fs := flag.NewFlagSet("customer "+verb, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	limit := fs.Int("limit", 30, "show: timeline items to print")
	out := fs.String("out", "", "export: write the JSON and the PDF into this folder instead of printing the JSON")
	yes := fs.Bool("yes", false, "erase: erase even with orders not yet shipped or paid")
	var emails []string
	for {
		if err := parseFlags(fs, rest, env.Out); err != nil {
			return domain.Wrap(err, domain.CodeInvalid, "customer: "+err.Error()+" "+usage)
		}
		if fs.NArg() == 0 {
			break
		}
		emails, rest = append(emails, fs.Arg(0)), fs.Args()[1:]
	}
	if len(emails) != 1 {
		return domain.Errorf(domain.CodeInvalid, "customer %s: give exactly one email %s", verb, usage)
	}
	svc := env.Shop().Customers
	c, err := svc.CustomerByEmail(ctx, emails[0])
	if err != nil {
		return err
	}
	switch verb {
	case "show":
		p, err := svc.Page(ctx, c.ID)
		if err != nil {
			return err
		}
		if *limit != len(p.Timeline.Items) {
			if p.Timeline, err = svc.Timeline(ctx, c.ID, "", *limit); err != nil {
				return err
			}
		}
		env.Print(p, func(w io.Writer) { printCustomer(w, p) })
	case "export":
		return exportCustomer(ctx, env, svc, c.ID, *out)
	case "erase":
		res, err := svc.Erase(ctx, c.ID, *yes)
		if domain.CodeOf(err) == customers.ErrOpenOrders && !*yes {
			return domain.Errorf(customers.ErrOpenOrders, "%s Run again with --yes to erase anyway.", strings.TrimSuffix(err.Error(), " Confirm to erase anyway."))
		}
		if err != nil {
			return err
		}
		env.Print(res, func(w io.Writer) {
			fmt.Fprintf(w, "Erased %s: %d orders and %d carts kept without the person, %d emails and %d notes deleted; the next import leaves them out.\n",
				emails[0], res.Orders, res.Carts, res.Emails, res.Notes)
		})
	default:
		return domain.Errorf(domain.CodeInvalid, "customer: %q is not show, export or erase %s", verb, usage)
	}
	return nil
}

// exportCustomer prints the JSON export, or writes it and the PDF into dir.
func exportCustomer(ctx context.Context, env *CLIEnv, svc *customers.Service, id int64, dir string) error {
	e, err := svc.Export(ctx, id)
	if err != nil {
		return err
	}
	if dir == "" {
		data, err := e.JSON()
		if err != nil {
			return err
		}
		env.printed = env.JSON
		_, err = env.Out.Write(data)
		return err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return domain.Wrap(err, domain.CodeInvalid, "Shopclerk could not create "+dir)
	}
	written := map[string]string{}
	for _, format := range []string{"json", "pdf"} {
		data, err := e.Bytes(format)
		if err != nil {
			return err
		}
		path := filepath.Join(dir, e.FileName()+"."+format)
		if err := os.WriteFile(path, data, 0o600); err != nil {
			return domain.Wrap(err, domain.CodeInvalid, "Shopclerk could not write "+path)
		}
		written[format] = path
	}
	env.Print(written, func(w io.Writer) { fmt.Fprintf(w, "Wrote %s\nWrote %s\n", written["json"], written["pdf"]) })
	return nil
}

func printCustomer(w io.Writer, p customers.Page) {
	c := p.Customer
	name := strings.TrimSpace(c.FirstName + " " + c.LastName)
	if p.ErasedAt != nil {
		fmt.Fprintf(w, "Customer %d: erased on %s\n", c.ID, p.ErasedAt.Format("2006-01-02"))
	} else {
		fmt.Fprintf(w, "%s <%s>  %s\n", name, c.Email, strings.Trim(c.City+", "+c.Country, ", "))
	}
	l := p.Lifetime
	fmt.Fprintf(w, "  %d orders, %s spent", l.Orders, email.FormatMoney(l.Spent.Amount, nonEmpty(l.Spent.Currency, "EUR")))
	if l.OpenOrders > 0 {
		fmt.Fprintf(w, ", %d open", l.OpenOrders)
	}
	fmt.Fprintf(w, "; %d emails sent, %d received\n", l.EmailsSent, l.EmailsIn)
	for _, cs := range p.Consent {
		fmt.Fprintf(w, "  %s consent: %s (%s)\n", cs.Channel, strings.ReplaceAll(string(cs.Status), "_", " "), cs.Source)
	}
	if len(p.Tags) > 0 {
		var tags []string
		for _, t := range p.Tags {
			if t.Automation {
				tags = append(tags, t.Name+" (by "+t.Rule+")")
			} else {
				tags = append(tags, t.Name)
			}
		}
		fmt.Fprintf(w, "  tags: %s\n", strings.Join(tags, ", "))
	}
	if r := p.RFM; r != nil {
		fmt.Fprintf(w, "  RFM: %s since %s (R%d F%d M%d)\n", r.Label, r.Since.Format("2006-01-02"), r.R, r.F, r.M)
	}
	if len(p.Segments) > 0 {
		fmt.Fprintf(w, "  your segments: %s\n", strings.Join(p.Segments, ", "))
	}
	for _, it := range p.Timeline.Items {
		line := it.Title
		if it.Detail != "" {
			line += " · " + it.Detail
		}
		if it.Amount != nil && it.Amount.Currency != "" {
			line += " · " + email.FormatMoney(it.Amount.Amount, it.Amount.Currency)
		}
		fmt.Fprintf(w, "  %s  %-15s %s\n", it.At.Format("2006-01-02 15:04"), it.Kind, line)
	}
	if p.Timeline.Next != "" {
		fmt.Fprintln(w, "  ... (--limit N for more)")
	}
}

func nonEmpty(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
