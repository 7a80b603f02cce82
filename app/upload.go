package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/importer"
)

// A file a browser sends (the dev server, or any browser pointed at it)
// arrives in pieces: one call per piece, appended to a file in the temp
// folder, which the import then reads from disk like a dropped file. One
// call per file failed for anything over a few dozen KB: the dev server's
// websocket (x/net/websocket) reads each frame as a message of its own, so a
// message Chromium sends in two frames is never answered. The pieces are
// small enough to go in one frame (frontend/src/api/imports.ts). The
// Shopclerk window never uploads: its drops and "Choose files" give paths.

// uploadID is what the frontend names an upload: random hex, so it is also
// a safe file name.
var uploadID = regexp.MustCompile(`^[0-9a-f]{16,64}$`)

// uploadsMaxAge is how old an upload left behind (an app that was closed
// between choosing a file and importing it) is before startup removes it.
const uploadsMaxAge = 24 * time.Hour

func uploadsDir() string { return filepath.Join(os.TempDir(), "shopclerk-uploads") }

func uploadPath(id string) (string, error) {
	if !uploadID.MatchString(id) {
		return "", domain.Errorf(domain.CodeInvalid, "This upload has no valid name; choose the file again.")
	}
	return filepath.Join(uploadsDir(), id), nil
}

// UploadChunk appends one piece of a file the browser sends, at offset (the
// bytes it sent before), so a piece sent twice or out of order is refused
// instead of corrupting the file.
func (s *ImportService) UploadChunk(id string, offset int64, data []byte) error {
	path, err := uploadPath(id)
	if err != nil {
		return err
	}
	if offset+int64(len(data)) > importer.MaxUploadSize {
		return domain.Errorf(domain.CodeInvalid, "Files sent through the browser can be at most %d MB. Drop the file onto the Shopclerk window instead, or use `shopclerk import`.", importer.MaxUploadSize>>20)
	}
	if err := os.MkdirAll(uploadsDir(), 0o700); err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not store the file it was sent")
	}
	flags := os.O_WRONLY | os.O_CREATE | os.O_APPEND
	if offset == 0 {
		flags |= os.O_TRUNC
	}
	f, err := os.OpenFile(path, flags, 0o600)
	if err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not store the file it was sent")
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not store the file it was sent")
	}
	if st.Size() != offset {
		return domain.Errorf(domain.CodeInvalid, "The file arrived out of order (piece at %d bytes, %d received); choose it again.", offset, st.Size())
	}
	if _, err := f.Write(data); err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not store the file it was sent")
	}
	return nil
}

// uploadSpec is the FileSpec of a finished upload: the file on disk under
// the name the seller's file had.
func uploadSpec(id, name string, opts importer.Options) (importer.FileSpec, error) {
	path, err := uploadPath(id)
	if err != nil {
		return importer.FileSpec{}, err
	}
	if _, err := os.Stat(path); err != nil {
		return importer.FileSpec{}, domain.Errorf(domain.CodeNotFound, "%s is no longer here (uploads are kept for a day); choose it again.", name)
	}
	return importer.FileSpec{Path: path, Name: name, Options: opts}, nil
}

// DiscardUpload removes an upload the seller took off the list; an unknown
// one is fine.
func (s *ImportService) DiscardUpload(id string) error {
	path, err := uploadPath(id)
	if err != nil {
		return err
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return domain.Wrap(err, domain.CodeInternal, fmt.Sprintf("Shopclerk could not remove %s", path))
	}
	return nil
}

// removeOldUploads deletes uploads older than maxAge (run at startup).
func removeOldUploads(now time.Time, maxAge time.Duration) {
	entries, err := os.ReadDir(uploadsDir())
	if err != nil {
		return
	}
	for _, e := range entries {
		if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > maxAge {
			os.Remove(filepath.Join(uploadsDir(), e.Name()))
		}
	}
}
