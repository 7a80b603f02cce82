package importer

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shopclerk/backend/domain"
)

// TestUploads: a file sent in pieces is the file, and the importer reads it
// under the seller's file name; a piece repeated or out of order, past the
// cap, or with a name that is not an upload id is refused with a message and
// leaves the file as it was; discarding removes it; RemoveOld removes only
// old uploads.
func TestUploads(t *testing.T) {
	u := &Uploads{Dir: filepath.Join(t.TempDir(), "uploads")}
	id := "00112233445566778899aabbccddeeff"
	data := readReal(t, "shopify/orders_export_2025-04_CAD_79col.csv")
	const piece = 4096
	for off := 0; off < len(data); off += piece {
		if err := u.Append(id, int64(off), data[off:min(off+piece, len(data))]); err != nil {
			t.Fatalf("piece at %d: %v", off, err)
		}
	}
	path, _ := u.path(id)
	whole := func(what string) {
		t.Helper()
		if got, _ := os.ReadFile(path); !bytes.Equal(got, data) {
			t.Fatalf("%s: the upload is %d bytes, not the %d sent", what, len(got), len(data))
		}
	}
	whole("sent")
	spec, err := u.Spec(id, "orders_export.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	info, err := Inspect(context.Background(), spec, nil)
	if err != nil || info.Name != "orders_export.csv" || info.Preset == "" {
		t.Fatalf("inspect: %+v %v", info, err)
	}

	refused := func(what string, err error, want string) {
		t.Helper()
		if domain.CodeOf(err) != domain.CodeInvalid || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want an invalid-input error saying %q", what, err, want)
		}
		whole(what)
	}
	refused("the first piece again", u.Append(id, 0, data[:piece]), "out of order")
	refused("a middle piece again", u.Append(id, piece, data[piece:2*piece]), "out of order")
	refused("a piece past the cap", u.Append(id, MaxUploadSize, []byte("x")), "at most 64 MB")
	refused("a path for an id", u.Append("../../etc/passwd", 0, []byte("x")), "choose the file again")

	if err := u.Discard(id); err != nil {
		t.Fatal(err)
	}
	if _, err := u.Spec(id, "orders_export.csv", Options{}); domain.CodeOf(err) != domain.CodeNotFound {
		t.Fatalf("a discarded upload: %v", err)
	}
	if err := u.Discard(id); err != nil {
		t.Fatalf("discarding twice: %v", err)
	}

	old, fresh := "aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"
	for _, id := range []string{old, fresh} {
		if err := u.Append(id, 0, []byte("Name\n")); err != nil {
			t.Fatal(err)
		}
	}
	oldPath, _ := u.path(old)
	freshPath, _ := u.path(fresh)
	yesterday := time.Now().Add(-25 * time.Hour)
	os.Chtimes(oldPath, yesterday, yesterday)
	u.RemoveOld(time.Now(), UploadsMaxAge)
	if _, err := os.Stat(oldPath); err == nil {
		t.Error("an upload from yesterday survived")
	}
	if _, err := os.Stat(freshPath); err != nil {
		t.Errorf("a fresh upload was removed: %v", err)
	}
}
