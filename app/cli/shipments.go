package cli

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"shopclerk/backend/domain"
	"shopclerk/backend/runner"
)

func init() {
	registerCommand(Command{
		Name:    "shipments",
		Summary: "list shipments: shipments [--status S] [--stuck] [--problems] [--over DAYS] [--search ORDER|NUMBER] [--limit N] [--unmatched]",
		Run:     runShipments,
	})
	registerCommand(Command{
		Name:    "track",
		Summary: "ask the carriers with API keys about due shipments now: track; track --key dhl|usps reads the key (usps: id, then secret) from stdin",
		Run:     runTrack,
	})
}

// shipmentsOutput is what `shopclerk shipments --json` prints.
type shipmentsOutput struct {
	Shipments []domain.ShipmentRow       `json:"shipments"`
	Total     int                        `json:"total"`
	Unmatched []domain.UnmatchedTracking `json:"unmatched,omitempty"`
}

func runShipments(ctx context.Context, env *CLIEnv, args []string) error {
	fs := flag.NewFlagSet("shipments", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var f domain.ShipmentFilter
	status := fs.String("status", "", "only this status: "+strings.Join(statusNames(), ", "))
	fs.BoolVar(&f.Stuck, "stuck", false, fmt.Sprintf("only shipments with no news for %d days", domain.DefaultStuckDays))
	fs.BoolVar(&f.Problems, "problems", false, "only exceptions and failed delivery attempts")
	fs.IntVar(&f.InTransitOver, "over", 0, "only shipments on the way longer than this many days")
	fs.StringVar(&f.Search, "search", "", "an order (1001 or #1001) or a tracking number")
	fs.IntVar(&f.Limit, "limit", 100, "at most this many (up to 500)")
	unmatched := fs.Bool("unmatched", false, "also list tracking numbers whose order is not in the shop yet")
	if err := parseFlags(fs, args, env.Out); err != nil {
		return domain.Wrap(err, domain.CodeInvalid, "shipments: "+err.Error())
	}
	if fs.NArg() > 0 {
		return domain.Errorf(domain.CodeInvalid, "shipments: unexpected %q (flags only)", fs.Arg(0))
	}
	f.Status = domain.ShipmentStatus(strings.ReplaceAll(strings.ToLower(*status), " ", "_"))
	b := env.Shop()
	page, err := b.Shipping.Shipments(ctx, f)
	if err != nil {
		return err
	}
	out := shipmentsOutput{Shipments: page.Rows, Total: page.Total}
	if *unmatched {
		if out.Unmatched, err = b.Shipping.Unmatched(ctx); err != nil {
			return err
		}
	}
	env.Print(out, func(w io.Writer) { printShipments(w, out) })
	return nil
}

func statusNames() []string {
	var out []string
	for _, s := range domain.ShipmentStatuses {
		out = append(out, string(s))
	}
	return out
}

func printShipments(w io.Writer, out shipmentsOutput) {
	fmt.Fprintf(w, "%d shipment%s\n", out.Total, plural(out.Total))
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	if len(out.Shipments) > 0 {
		fmt.Fprintln(tw, "ORDER\tCUSTOMER\tCARRIER\tNUMBER\tSTATUS\tDAYS\tLAST EVENT\tLINK")
	}
	for _, r := range out.Shipments {
		carrier := r.Carrier
		if carrier == "" {
			carrier = "unknown carrier"
		}
		status := strings.ReplaceAll(string(r.Status), "_", " ")
		if r.Stuck {
			status += " (stuck)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", r.OrderName, r.CustomerName, carrier, r.TrackingNumber, status, r.DaysInTransit, r.LastEvent, r.TrackingURL)
	}
	tw.Flush()
	if len(out.Unmatched) > 0 {
		fmt.Fprintf(w, "\n%d tracking number%s wait for their order:\n", len(out.Unmatched), plural(len(out.Unmatched)))
		for _, u := range out.Unmatched {
			fmt.Fprintf(w, "  order %s: %s %s (%s, row %d)\n", u.OrderRef, u.Carrier, u.TrackingNumber, u.File, u.Row)
		}
	}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func runTrack(ctx context.Context, env *CLIEnv, args []string) error {
	fs := flag.NewFlagSet("track", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	key := fs.String("key", "", "save a carrier's API key read from stdin (dhl, or usps: consumer key then secret, one a line)")
	if err := parseFlags(fs, args, env.Out); err != nil {
		return domain.Wrap(err, domain.CodeInvalid, "track: "+err.Error())
	}
	b := env.Shop()
	if *key != "" {
		lines := readLines(os.Stdin, 2)
		secret := ""
		if len(lines) > 1 {
			secret = lines[1]
		}
		first := ""
		if len(lines) > 0 {
			first = lines[0]
		}
		if err := b.SetCarrierKey(strings.ToLower(*key), first, secret); err != nil {
			return err
		}
		st, err := b.CarrierKeys()
		if err != nil {
			return err
		}
		env.Print(st.Status(), func(w io.Writer) { fmt.Fprintf(w, "%s key saved in the keychain\n", strings.ToUpper(*key)) })
		return nil
	}
	rep, err := b.Tracker.Run(ctx, runner.Manual)
	if err != nil {
		return err
	}
	env.Print(rep, func(w io.Writer) { printTrack(w, rep) })
	return nil
}

func readLines(r io.Reader, n int) []string {
	var out []string
	sc := bufio.NewScanner(r)
	for len(out) < n && sc.Scan() {
		out = append(out, strings.TrimSpace(sc.Text()))
	}
	return out
}

func printTrack(w io.Writer, rep runner.TrackReport) {
	if rep.NoKeys {
		fmt.Fprintln(w, "No carrier API key is set, so no carrier was asked. Add a free DHL or USPS developer key: shopclerk track --key dhl")
		return
	}
	for _, c := range rep.Carriers {
		fmt.Fprintf(w, "%s: asked about %d shipment%s, %d changed status, %d failed", c.Carrier, c.Asked, plural(c.Asked), c.Changed, c.Failed)
		if c.Stopped != "" {
			fmt.Fprintf(w, "; stopped: %s", c.Stopped)
		}
		fmt.Fprintln(w)
	}
}
