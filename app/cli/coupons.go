package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"shopclerk/backend/domain"
	"shopclerk/backend/email"
)

func init() {
	registerCommand(Command{
		Name: "coupons",
		Summary: "coupons [--status S] [--flow ID] [--search CODE|EMAIL] [--limit N]; coupons import-pool FILE (codes made in the store, one a row); " +
			"coupons export FILE (issued codes for the store to import); coupons attribution [--flow ID] [--weeks N]",
		Run: runCoupons,
	})
}

func runCoupons(ctx context.Context, env *CLIEnv, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "import-pool":
			return runCouponsImportPool(ctx, env, args[1:])
		case "export":
			return runCouponsExport(ctx, env, args[1:])
		case "attribution":
			return runCouponsAttribution(ctx, env, args[1:])
		}
	}
	fs := flag.NewFlagSet("coupons", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var f domain.CouponFilter
	var names []string
	for _, s := range domain.CouponStatuses {
		names = append(names, string(s))
	}
	status := fs.String("status", "", "only this status: "+strings.Join(names, ", "))
	fs.Int64Var(&f.FlowID, "flow", 0, "only this flow's coupons (its id)")
	fs.StringVar(&f.Search, "search", "", "a code, or a customer's email")
	fs.IntVar(&f.Limit, "limit", 100, "at most this many (up to 500)")
	if err := parseFlags(fs, args, env.Out); err != nil {
		return domain.Wrap(err, domain.CodeInvalid, "coupons: "+err.Error())
	}
	if fs.NArg() > 0 {
		return domain.Errorf(domain.CodeInvalid, "coupons: unexpected %q (import-pool FILE, export FILE, attribution, or flags)", fs.Arg(0))
	}
	f.Status = domain.CouponStatus(strings.ReplaceAll(strings.ToLower(*status), " ", "_"))
	page, err := env.Shop().Coupons.List(ctx, f)
	if err != nil {
		return err
	}
	env.Print(page, func(w io.Writer) { printCoupons(w, page) })
	return nil
}

func printCoupons(w io.Writer, p domain.CouponPage) {
	fmt.Fprintf(w, "%d coupon%s", p.Total, plural(p.Total))
	if p.Pool.Active {
		fmt.Fprintf(w, "; pool: %d code%s free", p.Pool.Free, plural(p.Pool.Free))
		if p.Pool.Low {
			fmt.Fprintf(w, " (fewer than %d: import more)", p.Pool.WarnBelow)
		}
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	if len(p.Rows) > 0 {
		fmt.Fprintln(tw, "CODE\tFROM\tCUSTOMER\tVALUE\tEXPIRES\tSTATUS\tORDER")
	}
	for _, r := range p.Rows {
		from := r.FlowName
		if r.CampaignID != 0 {
			from = fmt.Sprintf("campaign %d", r.CampaignID)
		}
		exp := ""
		if r.ExpiresAt != nil {
			exp = r.ExpiresAt.Format("2006-01-02")
		}
		order := r.OrderName
		if r.Shared {
			order += " (shared)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Code, from, r.Email, email.CouponDescription(r.PercentOff, r.AmountOff, r.Currency, r.FreeShipping),
			exp, strings.ReplaceAll(string(r.Status), "_", " "), order)
	}
	tw.Flush()
}

func runCouponsImportPool(ctx context.Context, env *CLIEnv, args []string) error {
	if len(args) != 1 {
		return domain.Errorf(domain.CodeInvalid, "coupons import-pool: name one file (CSV or xlsx, one code a row)")
	}
	res, err := env.Shop().Coupons.ImportPool(ctx, args[0], "")
	if err != nil {
		return err
	}
	env.Print(res, func(w io.Writer) {
		fmt.Fprintf(w, "%d code%s from %s added to the pool; %d free\n", res.Added, plural(res.Added), res.File, res.Free)
	})
	return nil
}

func runCouponsExport(ctx context.Context, env *CLIEnv, args []string) error {
	if len(args) != 1 {
		return domain.Errorf(domain.CodeInvalid, "coupons export: name the file to write (its name should hold \"discount\" for Matrixify)")
	}
	f, err := os.OpenFile(args[0], os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return domain.Wrap(err, domain.CodeInvalid, "coupons export: cannot create "+args[0]+" (it must not exist yet)")
	}
	n, err := env.Shop().Coupons.Export(ctx, f)
	if cerr := f.Close(); err == nil && cerr != nil {
		err = domain.Wrap(cerr, domain.CodeInvalid, "coupons export: cannot write "+args[0])
	}
	if err != nil {
		os.Remove(args[0])
		return err
	}
	env.Print(map[string]any{"file": args[0], "coupons": n}, func(w io.Writer) {
		fmt.Fprintf(w, "%d coupon%s written to %s\n", n, plural(n), args[0])
	})
	return nil
}

func runCouponsAttribution(ctx context.Context, env *CLIEnv, args []string) error {
	fs := flag.NewFlagSet("coupons attribution", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var f domain.AttributionFilter
	fs.Int64Var(&f.FlowID, "flow", 0, "one flow (its id)")
	fs.Int64Var(&f.CampaignID, "campaign", 0, "one campaign (its id)")
	fs.IntVar(&f.Weeks, "weeks", 12, "how many weeks back")
	if err := parseFlags(fs, args, env.Out); err != nil {
		return domain.Wrap(err, domain.CodeInvalid, "coupons attribution: "+err.Error())
	}
	a, err := env.Shop().Coupons.Attribution(ctx, f)
	if err != nil {
		return err
	}
	env.Print(a, func(w io.Writer) {
		fmt.Fprintf(w, "Counted from your orders' discount codes, no tracking pixel; carts count within %d days of a reminder.\n", a.RecoveryDays)
		tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "FLOW\tSENT\tREDEEMED\tSHARED\tREVENUE\tCARTS RECOVERED")
		for _, s := range a.Sources {
			fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\t%d\n", s.Name, s.Sent, s.Redeemed, s.Shared, moneyList(s.Revenue), s.CartsRecovered)
			for _, st := range s.Steps {
				fmt.Fprintf(tw, "  %s\t%d\t%d\t%d\t%s\t%d\n", st.Label, st.Sent, st.Redeemed, st.Shared, moneyList(st.Revenue), st.CartsRecovered)
			}
		}
		tw.Flush()
	})
	return nil
}

func moneyList(m []domain.Money) string {
	var out []string
	for _, v := range m {
		out = append(out, email.FormatMoney(v.Amount, v.Currency))
	}
	if len(out) == 0 {
		return "0"
	}
	return strings.Join(out, " + ")
}
