package cli

import (
	"context"
	"fmt"
	"io"

	"shopclerk/backend/domain"
)

func init() {
	registerCommand(Command{
		Name:    "migrate",
		Summary: "upgrade the shop file to this Shopclerk (backed up first) and print its schema version",
		NoArgs:  true,
		Run: func(ctx context.Context, env *CLIEnv, _ []string) error {
			// Opening the store (done for every command) already migrated it.
			v, err := env.Store.SchemaVersion(ctx)
			if err != nil {
				return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the schema version")
			}
			env.Print(map[string]any{"db": env.DBPath, "schemaVersion": v}, func(w io.Writer) {
				fmt.Fprintf(w, "%s is at schema version %d\n", env.DBPath, v)
			})
			return nil
		},
	})
}
