package cli

import (
	"context"
	"flag"
	"fmt"
	"io"

	"shopclerk/backend/connector"
	"shopclerk/backend/domain"
)

func init() {
	registerCommand(Command{
		Name:    "sync",
		Summary: "bring in what changed in the connected stores: sync [--store NAME] [--full]",
		Run:     runSync,
	})
}

// syncResult is what `shopclerk sync --json` prints.
type syncResult struct {
	Stores []connector.Result `json:"stores"`
}

// errSyncFailed makes the exit code non-zero when a store failed; what
// each store did is printed already.
var errSyncFailed = domain.Errorf(domain.CodeTemporary, "at least one store could not be synced; what was read before the failure is kept")

func runSync(ctx context.Context, env *CLIEnv, args []string) error {
	fs := flag.NewFlagSet("sync", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	only := fs.String("store", "", "sync only this store (default: every connected store)")
	full := fs.Bool("full", false, "read everything again, not only what changed (also finds orders deleted in the store)")
	if err := parseFlags(fs, args, env.Out); err != nil {
		return domain.Wrap(err, domain.CodeInvalid, "sync: "+err.Error()+" (usage: shopclerk sync [--store NAME] [--full])")
	}
	mgr := cliStores(env)
	var ids []int64
	if *only != "" {
		cs, err := storeNamed(ctx, mgr.DB, *only)
		if err != nil {
			return err
		}
		ids = []int64{cs.ID}
	} else if stores, err := mgr.DB.Stores(ctx); err != nil {
		return err
	} else if len(stores) == 0 {
		return domain.Errorf(domain.CodeInvalid, "no store is connected yet: shopclerk store add --kind shopify|woocommerce --url ...")
	}
	results, err := mgr.Sync(ctx, ids, *full, nil)
	if err != nil {
		return err
	}
	res := syncResult{Stores: results}
	failed := false
	for _, r := range results {
		failed = failed || r.Error != ""
	}
	env.Print(res, func(w io.Writer) {
		for _, r := range res.Stores {
			if r.Error != "" {
				fmt.Fprintf(w, "%s: failed: %s\n", r.Store, r.Error)
			}
			c := r.Counts
			fmt.Fprintf(w, "%s: %d created, %d updated, %d unchanged, %d rejected, %d marked deleted\n", r.Store, c.Created, c.Updated, c.Unchanged, c.Rejected, r.Deleted)
			for _, n := range r.Notes {
				fmt.Fprintf(w, "  note: %s\n", n)
			}
		}
	})
	if failed {
		return errSyncFailed
	}
	return nil
}
