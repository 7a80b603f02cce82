package app

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/importer"
)

// TestUploadChunks: a file sent in pieces is the file, and the importer reads
// it under the seller's file name; a piece out of order, past the cap, or
// with a name that is not an upload id is refused with a message; discarding
// removes it; startup removes only old uploads.
func TestUploadChunks(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	s := &ImportService{}
	id := "00112233445566778899aabbccddeeff"
	data, err := os.ReadFile(realOrders)
	if err != nil {
		t.Fatal(err)
	}
	const piece = 4096
	for off := 0; off < len(data); off += piece {
		end := min(off+piece, len(data))
		if err := s.UploadChunk(id, int64(off), data[off:end]); err != nil {
			t.Fatalf("piece at %d: %v", off, err)
		}
	}
	path, _ := uploadPath(id)
	if got, _ := os.ReadFile(path); !bytes.Equal(got, data) {
		t.Fatalf("the upload is %d bytes, not the %d sent", len(got), len(data))
	}
	spec, err := uploadSpec(id, "orders_export.csv", importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	info, err := importer.Inspect(context.Background(), spec, nil)
	if err != nil || info.Name != "orders_export.csv" || info.Preset == "" {
		t.Fatalf("inspect: %+v %v", info, err)
	}

	refused := func(what string, err error, want string) {
		t.Helper()
		if domain.CodeOf(err) != domain.CodeInvalid || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want an invalid-input error saying %q", what, err, want)
		}
	}
	refused("a piece sent twice", s.UploadChunk(id, piece, data[piece:2*piece]), "out of order")
	refused("a piece past the cap", s.UploadChunk(id, importer.MaxUploadSize, []byte("x")), "at most 64 MB")
	refused("a path for an id", s.UploadChunk("../../etc/passwd", 0, []byte("x")), "choose the file again")

	if err := s.DiscardUpload(id); err != nil {
		t.Fatal(err)
	}
	if _, err := uploadSpec(id, "orders_export.csv", importer.Options{}); domain.CodeOf(err) != domain.CodeNotFound {
		t.Fatalf("a discarded upload: %v", err)
	}
	if err := s.DiscardUpload(id); err != nil {
		t.Fatalf("discarding twice: %v", err)
	}

	old, fresh := "aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"
	for _, u := range []string{old, fresh} {
		if err := s.UploadChunk(u, 0, []byte("Name\n")); err != nil {
			t.Fatal(err)
		}
	}
	oldPath, _ := uploadPath(old)
	freshPath, _ := uploadPath(fresh)
	yesterday := time.Now().Add(-25 * time.Hour)
	os.Chtimes(oldPath, yesterday, yesterday)
	removeOldUploads(time.Now(), uploadsMaxAge)
	if _, err := os.Stat(oldPath); err == nil {
		t.Error("an upload from yesterday survived startup")
	}
	if _, err := os.Stat(freshPath); err != nil {
		t.Errorf("a fresh upload was removed: %v", err)
	}
}
