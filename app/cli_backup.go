package app

import (
	"context"
	"fmt"
	"io"

	"shopclerk/backend/domain"
)

func init() {
	registerCommand(Command{
		Name:    "backup",
		Summary: "copy the shop into the backups folder beside it (the newest 7 are kept)",
		Run: func(ctx context.Context, env *CLIEnv, args []string) error {
			if len(args) > 0 {
				return domain.Errorf(domain.CodeInvalid, "backup takes no arguments, only --db, --now and --json")
			}
			path, err := env.Store.Backup(ctx, "manual", 7)
			if err != nil {
				return err
			}
			env.Print(map[string]string{"backup": path}, func(w io.Writer) { fmt.Fprintln(w, "Backed up to", path) })
			return nil
		},
	})
}
