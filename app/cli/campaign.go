package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"shopclerk/backend/campaigns"
	"shopclerk/backend/domain"
	"shopclerk/backend/email"
)

func init() {
	registerCommand(Command{
		Name: "campaign",
		Summary: "one-off emails to a segment: campaign create --segment S --subject ... [--subject-b ...] [--template T] [--at TIME] " +
			"[--sample 20] [--decide-after 4h] [--by redemptions|replies] [--coupon 10%] | campaign send ID [--yes] | campaign status [ID]",
		Run: runCampaign,
	})
}

const campaignUsage = "(usage: shopclerk campaign create --segment S --subject TEXT [--subject-b TEXT] [--template T | --body HTML] [--body-b HTML] " +
	"[--at \"2026-12-08 09:00\"] [--sample 20] [--decide-after 4h] [--by redemptions|replies] [--coupon 10%|5.00|free-shipping] [--coupon-days 14] [--preview] | " +
	"campaign send ID [--yes] | campaign status [ID] [--json])"

func runCampaign(ctx context.Context, env *CLIEnv, args []string) error {
	if len(args) == 0 {
		return domain.Errorf(domain.CodeInvalid, "campaign: say create, send or status %s", campaignUsage)
	}
	svc := env.Shop().Campaigns
	switch args[0] {
	case "create":
		return campaignCreate(ctx, env, svc, args[1:])
	case "send":
		return campaignSend(ctx, env, svc, args[1:])
	case "status":
		return campaignStatus(ctx, env, svc, args[1:])
	}
	return domain.Errorf(domain.CodeInvalid, "campaign: %q is not create, send or status %s", args[0], campaignUsage)
}

func campaignCreate(ctx context.Context, env *CLIEnv, svc *campaigns.Service, args []string) error {
	fs := flag.NewFlagSet("campaign create", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var sp campaigns.Spec
	fs.StringVar(&sp.Name, "name", "", "a name for the campaign (default: its subject)")
	fs.StringVar(&sp.Segment, "segment", "", "who gets it: all, an RFM segment or one of yours (key or name; see `shopclerk segments`)")
	fs.StringVar(&sp.SubjectA, "subject", "", "the subject (A)")
	fs.StringVar(&sp.SubjectB, "subject-b", "", "a second subject to test against the first (B)")
	fs.StringVar(&sp.Template, "template", "", "an email template's name for the content")
	fs.StringVar(&sp.BodyA, "body", "", "the content as HTML (instead of a template's)")
	fs.StringVar(&sp.BodyB, "body-b", "", "a second content to test against the first (B)")
	fs.StringVar(&sp.SendAt, "at", "", "when to send, in the shop's time zone (\"2026-12-08 09:00\"); default: when sent")
	fs.IntVar(&sp.SamplePct, "sample", 0, "the test's share of the recipients in % (default 20 with a test)")
	after := fs.Duration("decide-after", 0, "how long after the sample goes out the winner is chosen (default 4h)")
	by := fs.String("by", "", "what chooses the winner: redemptions (needs --coupon) or replies")
	coupon := fs.String("coupon", "", "a coupon for each recipient: 10% off, an amount like 5.00, or free-shipping (join with +)")
	days := fs.Int("coupon-days", 0, "how many days the coupon is valid (0: no end)")
	preview := fs.Bool("preview", false, "show what it would send; save nothing")
	if err := parseFlags(fs, args, env.Out); err != nil {
		return domain.Wrap(err, domain.CodeInvalid, "campaign create: "+err.Error()+" "+campaignUsage)
	}
	if fs.NArg() > 0 {
		return domain.Errorf(domain.CodeInvalid, "campaign create takes flags only, not %q %s", fs.Arg(0), campaignUsage)
	}
	if sp.Segment == "" {
		return domain.Errorf(domain.CodeInvalid, "campaign create: say who gets it with --segment (all, an RFM segment or one of yours)")
	}
	sp.DecideAfterMinutes = int(after.Minutes())
	if *after > 0 && sp.DecideAfterMinutes == 0 {
		return domain.Errorf(domain.CodeInvalid, "campaign create: --decide-after is at least a minute")
	}
	sp.DecideBy = campaigns.DecideBy(*by)
	if *coupon != "" {
		cp, err := parseCoupon(*coupon)
		if err != nil {
			return err
		}
		cp.ValidDays = *days
		sp.Coupon = cp
	}
	if *preview {
		p, err := svc.PreviewSpec(ctx, sp)
		if err != nil {
			return err
		}
		env.Print(p, func(w io.Writer) { printCampaignPreview(w, p) })
		return nil
	}
	c, err := svc.Create(ctx, sp)
	if err != nil {
		return err
	}
	p, err := svc.Preview(ctx, c.ID)
	if err != nil {
		return err
	}
	env.Print(c, func(w io.Writer) {
		fmt.Fprintf(w, "campaign %d saved as a draft: %q to %s\n", c.ID, c.Name, c.SegmentName)
		printCampaignPreview(w, p)
		fmt.Fprintf(w, "send it with: shopclerk campaign send %d%s\n", c.ID, map[bool]string{true: " --yes", false: ""}[p.Confirm])
	})
	return nil
}

// parseCoupon reads "10%", "5.00", "free-shipping" or "10%+free-shipping".
func parseCoupon(s string) (*campaigns.CouponSpec, error) {
	cp := &campaigns.CouponSpec{}
	for _, part := range strings.Split(s, "+") {
		part = strings.TrimSpace(strings.ToLower(part))
		switch {
		case part == "free-shipping" || part == "freeshipping":
			cp.FreeShipping = true
		case strings.HasSuffix(part, "%"):
			n, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(part, "%")))
			if err != nil {
				return nil, domain.Errorf(domain.CodeInvalid, "--coupon: %q is not a percentage like 10%%", part)
			}
			cp.PercentOff = n
		default:
			amount, err := parseAmount(part)
			if err != nil {
				return nil, domain.Errorf(domain.CodeInvalid, "--coupon: %q is not 10%%, an amount like 5.00, or free-shipping", part)
			}
			cp.AmountOff = amount
		}
	}
	return cp, nil
}

// parseAmount reads "5" or "5.50" as minor units (cents).
func parseAmount(s string) (int64, error) {
	whole, frac, _ := strings.Cut(s, ".")
	if len(frac) > 2 {
		return 0, fmt.Errorf("more than two decimals")
	}
	frac += strings.Repeat("0", 2-len(frac))
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || w < 0 {
		return 0, fmt.Errorf("not an amount")
	}
	f, err := strconv.ParseInt(frac, 10, 64)
	if err != nil || f < 0 {
		return 0, fmt.Errorf("not an amount")
	}
	return w*100 + f, nil
}

func printCampaignPreview(w io.Writer, p campaigns.Preview) {
	a := p.Audience
	fmt.Fprintf(w, "%s: %d customers, %d can get it. %s\n", a.SegmentName, a.Members, a.Sendable, a.Note)
	if p.SampleB > 0 {
		fmt.Fprintf(w, "test: %d get A, %d get B; the winner goes to the other %d at %s\n", p.SampleA, p.SampleB, p.Rest,
			p.DecideAt.Format("2006-01-02 15:04 UTC"))
	}
	fmt.Fprintf(w, "first emails go at %s %s\n", p.SendAt.Format("2006-01-02 15:04 UTC"), p.SendNote)
	if p.Confirm {
		fmt.Fprintf(w, "more than %d recipients: sending asks for --yes\n", p.ConfirmOver)
	}
	for _, e := range p.Emails {
		fmt.Fprintf(w, "--- %s, as %s gets it\nSubject: %s\n\n%s\n", e.Variant, e.To, e.Subject, strings.TrimSpace(e.Text))
	}
}

func campaignID(verb string, fs *flag.FlagSet) (int64, error) {
	if fs.NArg() != 1 {
		return 0, domain.Errorf(domain.CodeInvalid, "campaign %s: say which campaign by its number %s", verb, campaignUsage)
	}
	id, err := strconv.ParseInt(fs.Arg(0), 10, 64)
	if err != nil {
		return 0, domain.Errorf(domain.CodeInvalid, "campaign %s: %q is not a campaign number", verb, fs.Arg(0))
	}
	return id, nil
}

// flagsAnywhere parses flags before and after the positional arguments.
func flagsAnywhere(fs *flag.FlagSet, args []string, out io.Writer) ([]string, error) {
	var pos []string
	for {
		if err := parseFlags(fs, args, out); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func campaignSend(ctx context.Context, env *CLIEnv, svc *campaigns.Service, args []string) error {
	fs := flag.NewFlagSet("campaign send", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	yes := fs.Bool("yes", false, "send to more people than the confirmation setting without asking")
	pos, err := flagsAnywhere(fs, args, env.Out)
	if err != nil {
		return domain.Wrap(err, domain.CodeInvalid, "campaign send: "+err.Error()+" "+campaignUsage)
	}
	fs.Parse(pos)
	id, err := campaignID("send", fs)
	if err != nil {
		return err
	}
	c, err := svc.Send(ctx, id, *yes)
	if domain.CodeOf(err) == domain.CodeConflict && !*yes && strings.Contains(err.Error(), "confirm") {
		return domain.Errorf(domain.CodeConflict, "%s (add --yes)", err.Error())
	}
	if err != nil {
		return err
	}
	env.Print(c, func(w io.Writer) {
		printCampaign(w, c)
		fmt.Fprintln(w, "the outbox sends the queued emails (the window's automatic sending, or `shopclerk send`)")
	})
	return nil
}

func campaignStatus(ctx context.Context, env *CLIEnv, svc *campaigns.Service, args []string) error {
	fs := flag.NewFlagSet("campaign status", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	pos, err := flagsAnywhere(fs, args, env.Out)
	if err != nil {
		return domain.Wrap(err, domain.CodeInvalid, "campaign status: "+err.Error()+" "+campaignUsage)
	}
	fs.Parse(pos)
	if fs.NArg() == 0 {
		list, err := svc.List(ctx)
		if err != nil {
			return err
		}
		printList(env, list, "no campaigns yet: shopclerk campaign create --segment all --subject ...", printCampaign)
		return nil
	}
	id, err := campaignID("status", fs)
	if err != nil {
		return err
	}
	c, err := svc.Get(ctx, id)
	if err != nil {
		return err
	}
	env.Print(c, func(w io.Writer) { printCampaign(w, c) })
	return nil
}

func printCampaign(w io.Writer, c campaigns.Campaign) {
	fmt.Fprintf(w, "#%d %s  [%s]  to %s: %d recipients\n", c.ID, c.Name, c.Status, c.SegmentName, c.Audience)
	if c.Test != "" {
		fmt.Fprintf(w, "  A/B test of the %s, %d %% sample, decided by %s", c.Test, c.SamplePct, c.DecideBy)
		if c.DecideAt != nil {
			fmt.Fprintf(w, " at %s", c.DecideAt.Format(time.RFC3339))
		}
		fmt.Fprintln(w)
	}
	if c.Decision != "" {
		fmt.Fprintf(w, "  %s\n", c.Decision)
	}
	for _, p := range c.Parts {
		fmt.Fprintf(w, "  %-5s %d recipients, %d queued, %d sent, %d not sent\n", p.Group, p.Recipients, p.Queued, p.Sent, p.Failed)
	}
	for _, v := range c.Variants {
		fmt.Fprintf(w, "  %s %q: sent %d, redeemed %d (%s), replies %d\n", v.Name, v.Subject, v.Sent, v.Redeemed,
			email.FormatMoney(v.Revenue, c.Currency), v.Replied)
	}
}
