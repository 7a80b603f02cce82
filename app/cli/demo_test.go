package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestDemoCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "shop.db")
	args := []string{"--size", "s", "--db", db, "--now", "2026-03-01T09:00:00Z", "--json", "--csv", filepath.Join(dir, "csv")}
	var out, errOut bytes.Buffer
	if code := RunCommand(context.Background(), "demo", args, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s %s", code, out.String(), errOut.String())
	}
	var res demoResult
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatalf("%v: %s", err, out.String())
	}
	if res.Orders != 1000 || res.DB != db || res.Checksum == "" {
		t.Errorf("result = %+v", res)
	}

	// A second run into the same file is refused, with a hint.
	out.Reset()
	if code := RunCommand(context.Background(), "demo", args, &out, &errOut); code != 1 {
		t.Fatalf("second run: exit %d", code)
	}
	var fail struct {
		Error struct{ Code, Message string }
	}
	json.Unmarshal(out.Bytes(), &fail)
	if fail.Error.Code != "conflict" || !strings.Contains(fail.Error.Message, "--db") {
		t.Errorf("second run said %+v", fail.Error)
	}

	out.Reset()
	if code := RunCommand(context.Background(), "demo", []string{"--size", "xl", "--db", filepath.Join(dir, "x.db")}, &out, &errOut); code != 1 {
		t.Errorf("--size xl: exit %d", code)
	}
}
