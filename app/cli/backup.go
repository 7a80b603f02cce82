package cli

import (
	"context"
	"fmt"
	"io"
)

func init() {
	registerCommand(Command{
		Name:    "backup",
		Summary: "copy the shop into the backups folder beside it (the newest 7 are kept)",
		NoArgs:  true,
		Run: func(ctx context.Context, env *CLIEnv, _ []string) error {
			path, err := env.Store.Backup(ctx, "manual", 7)
			if err != nil {
				return err
			}
			env.Print(map[string]string{"backup": path}, func(w io.Writer) { fmt.Fprintln(w, "Backed up to", path) })
			return nil
		},
	})
}
