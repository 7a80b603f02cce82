package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// -h on a command with flags printed "flag: help requested" and exited 1
// (issue 14, item 17): it lists the flags with what each does, and exits 0.
func TestCommandHelpListsItsFlags(t *testing.T) {
	db := filepath.Join(t.TempDir(), "shop.db")
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"account", "set", "-h"}, []string{"-provider", "-smtp-host", "-password-stdin", "read the password from standard input"}},
		{[]string{"import", "-h"}, []string{"-preset", "-rejects"}},
		{[]string{"send", "--help"}, []string{"-max"}},
		{[]string{"reorder", "-h"}, []string{"-digest", "-dry-run"}},
		{[]string{"run", "-h"}, []string{"-dry-run", "-confirm"}},
		{[]string{"demo", "-h"}, []string{"-size", "-seed"}},
	} {
		var out, errb bytes.Buffer
		code := RunCommand(context.Background(), c.args[0], append([]string{"--db", db}, c.args[1:]...), &out, &errb)
		if code != 0 {
			t.Errorf("%q: exit %d, stderr %q", c.args, code, errb.String())
		}
		for _, w := range c.want {
			if !strings.Contains(out.String(), w) {
				t.Errorf("%q: the help lacks %q:\n%s", c.args, w, out.String())
			}
		}
	}
}
