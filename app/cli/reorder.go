package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"shopclerk/backend/domain"
	"shopclerk/backend/email"
	"shopclerk/backend/inventory"
	"shopclerk/backend/runner"
)

func init() {
	registerCommand(Command{
		Name:    "reorder",
		Summary: "draft a purchase order per supplier for SKUs at their reorder point: reorder [--dry-run]; the daily low-stock email: reorder --digest [--dry-run]",
		Run:     runReorder,
	})
}

// reorderResult is what `shopclerk reorder --json` prints.
type reorderResult struct {
	DryRun bool              `json:"dryRun"`
	Drafts []inventory.Draft `json:"drafts"`
	// Skipped lists SKUs due for reorder that could not go on an order,
	// with the reason (no supplier, unusable supplier figures).
	Skipped []skippedSKU `json:"skipped"`
}

type skippedSKU struct {
	SKU   string           `json:"sku"`
	Flags []inventory.Flag `json:"flags"`
}

func runReorder(ctx context.Context, env *CLIEnv, args []string) error {
	fs := flag.NewFlagSet("reorder", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dry := fs.Bool("dry-run", false, "show the purchase orders without writing them")
	digest := fs.Bool("digest", false, "queue today's low-stock digest to your own address (once per shop day)")
	if err := parseFlags(fs, args, env.Out); err != nil {
		return domain.Wrap(err, domain.CodeInvalid, "reorder: "+err.Error()+" (usage: shopclerk reorder [--digest] [--dry-run] [--json] [--db PATH])")
	}
	b := env.Shop()
	if *digest {
		d, err := runner.SendDigest(ctx, b.Store, b.Inventory, *dry)
		if err != nil {
			return err
		}
		env.Print(d, func(w io.Writer) { printDigest(w, d) })
		return nil
	}
	plan, err := b.Inventory.Plan(ctx)
	if err != nil {
		return err
	}
	drafts, err := b.Inventory.ReorderNow(ctx, *dry)
	if err != nil {
		return err
	}
	res := reorderResult{DryRun: *dry, Drafts: drafts, Skipped: []skippedSKU{}}
	for _, it := range plan.Items {
		if it.Decision == nil || (it.SupplierID == nil && it.Decision.Quantity > 0) {
			res.Skipped = append(res.Skipped, skippedSKU{SKU: it.SKU, Flags: it.Flags})
		}
	}
	env.Print(res, func(w io.Writer) { printDrafts(w, res) })
	return nil
}

func printDrafts(w io.Writer, res reorderResult) {
	if len(res.Drafts) == 0 {
		fmt.Fprintln(w, "Nothing to reorder: every SKU with a supplier is above its reorder point.")
	}
	verb := "Draft"
	if res.DryRun {
		verb = "Would draft"
	}
	for _, d := range res.Drafts {
		num := d.PO.Number
		if num == "" || d.DryRun {
			num = "(new)"
		}
		fmt.Fprintf(w, "%s %s for %s <%s>: %d lines, %s %s\n", verb, num, d.PO.SupplierName, d.PO.SupplierEmail,
			len(d.PO.Lines), email.Decimal(d.PO.Total, d.PO.Currency), d.PO.Currency)
		for _, l := range d.PO.Lines {
			fmt.Fprintf(w, "  %-16s %6d x %10s  %s\n", l.SKU, l.Quantity, email.Decimal(l.UnitCost, d.PO.Currency), l.Title)
		}
		for _, f := range d.Flags {
			fmt.Fprintf(w, "  ! %s\n", f.Message)
		}
	}
	for _, s := range res.Skipped {
		msgs := make([]string, 0, len(s.Flags))
		for _, f := range s.Flags {
			msgs = append(msgs, f.Message)
		}
		fmt.Fprintf(w, "Skipped %s: %s\n", s.SKU, strings.Join(msgs, " "))
	}
}

func printDigest(w io.Writer, d inventory.Digest) {
	switch {
	case d.Queued:
		fmt.Fprintf(w, "Queued the low-stock digest for %s to %s: %s\n", d.Day, d.To, d.Subject)
	case d.Sendable:
		fmt.Fprintf(w, "Would send the low-stock digest for %s to %s: %s\n", d.Day, d.To, d.Subject)
	default:
		fmt.Fprintf(w, "No digest sent for %s: %s. %s\n", d.Day, d.Skipped, d.Subject)
	}
	if !d.Empty() {
		fmt.Fprintf(w, "\n%s", d.Text)
	}
}
