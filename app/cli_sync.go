package app

import (
	"context"
	"flag"
	"fmt"
	"io"

	"shopclerk/backend/connector"
	"shopclerk/backend/domain"
	"shopclerk/backend/store/connectordb"
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
	db := connectordb.New(env.Store)
	stores, err := db.Stores(ctx)
	if err != nil {
		return err
	}
	if *only != "" {
		cs, ok, err := db.StoreByName(ctx, *only)
		if err != nil {
			return err
		}
		if !ok {
			return domain.Errorf(domain.CodeNotFound, "no store named %q is connected (see `shopclerk store list`)", *only)
		}
		stores = []domain.ConnectedStore{cs}
	}
	if len(stores) == 0 {
		return domain.Errorf(domain.CodeInvalid, "no store is connected yet: shopclerk store add --kind shopify|woocommerce --url ...")
	}
	sec := storeSecrets(env)
	syncer := &connector.Syncer{DB: db}
	res := syncResult{Stores: []connector.Result{}}
	failed, changed := false, false
	for _, cs := range stores {
		var r connector.Result
		_, secret, err := storeByName(ctx, db, sec, cs.Name)
		var c connector.Connector
		if err == nil {
			c, err = storeConnector(cs, secret)
		}
		if err == nil {
			r, err = syncer.Sync(ctx, cs, c, *full)
		}
		if err != nil {
			failed = true
			r.Store, r.Error, r.ErrorCode = cs.Name, err.Error(), domain.CodeOf(err)
		}
		changed = changed || r.Counts.Created+r.Counts.Updated > 0
		res.Stores = append(res.Stores, r)
	}
	// The automations look at synced data as at imported data.
	if changed {
		detectAfterImport(ctx, env.Store, env.Log)
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
