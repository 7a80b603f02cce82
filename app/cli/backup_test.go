package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

func TestBackupCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "shop.db")
	var out, errOut bytes.Buffer
	if code := RunCommand(context.Background(), "backup", []string{"--db", db, "--json"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s %s", code, out.String(), errOut.String())
	}
	var res map[string]string
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatalf("not JSON: %q", out.String())
	}
	if _, err := os.Stat(res["backup"]); err != nil {
		t.Errorf("the backup %q was not written: %v", res["backup"], err)
	}
	if code := RunCommand(context.Background(), "backup", []string{"--db", db, "extra"}, &out, &errOut); code == 0 {
		t.Error("stray arguments must be refused")
	}
}

func TestMigrateCommandReportsTheSchemaVersion(t *testing.T) {
	db := filepath.Join(t.TempDir(), "shop.db")
	var out, errOut bytes.Buffer
	if code := RunCommand(context.Background(), "migrate", []string{"--db", db, "--json"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	var res struct {
		SchemaVersion int64 `json:"schemaVersion"`
	}
	if err := json.Unmarshal(out.Bytes(), &res); err != nil || res.SchemaVersion < 10 {
		t.Errorf("got %q (%v), want a schema version of at least 10", out.String(), err)
	}
}
