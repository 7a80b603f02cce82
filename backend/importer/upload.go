package importer

import (
	"errors"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/importer/sheet"
)

// Uploads holds the files a browser sends (the dev server, or any browser
// pointed at it). A file arrives in pieces: one call per piece, appended to
// a file in Dir, which the import then reads from disk like a dropped file.
// One call per file failed for anything over a few dozen KB: the dev
// server's websocket (x/net/websocket) reads each frame as a message of its
// own, so a message Chromium sends in two frames is never answered. The
// pieces are small enough to go in one frame (frontend/src/api/imports.ts).
// The Shopclerk window never uploads: its drops and "Choose files" give paths.
type Uploads struct {
	// Dir is the seller's own folder for uploads (in their user cache, not
	// the shared temp folder: orders exports hold customers' addresses).
	Dir string
	Log *slog.Logger
	mu  sync.Mutex
}

// uploadID is what the frontend names an upload: random hex, so it is also
// a safe file name.
var uploadID = regexp.MustCompile(`^[0-9a-f]{16,64}$`)

// MaxUploadSize bounds what a browser may send: no more than the reader
// takes from memory (sheet.MaxUploadSize).
const MaxUploadSize = sheet.MaxUploadSize

// UploadsMaxAge is how old an upload left behind (an app closed between
// choosing a file and importing it) is before RemoveOld removes it.
const UploadsMaxAge = 24 * time.Hour

func (u *Uploads) path(id string) (string, error) {
	if !uploadID.MatchString(id) {
		return "", domain.Errorf(domain.CodeInvalid, "This upload has no valid name; choose the file again.")
	}
	return filepath.Join(u.Dir, id), nil
}

func (u *Uploads) storeFailed(err error) error {
	if u.Log != nil {
		u.Log.Error("upload not stored", "dir", u.Dir, "err", err)
	}
	return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not store the file it was sent")
}

// Append adds one piece of upload id at offset (the bytes sent before it).
// A piece sent twice or out of order is refused instead of corrupting the
// file; pieces of one upload are appended one at a time.
func (u *Uploads) Append(id string, offset int64, data []byte) error {
	path, err := u.path(id)
	if err != nil {
		return err
	}
	if offset < 0 || offset+int64(len(data)) > MaxUploadSize {
		return domain.Errorf(domain.CodeInvalid, "Files sent through the browser can be at most %d MB. Drop the file onto the Shopclerk window instead, or use `shopclerk import`.", MaxUploadSize>>20)
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	if err := os.MkdirAll(u.Dir, 0o700); err != nil {
		return u.storeFailed(err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return u.storeFailed(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return u.storeFailed(err)
	}
	if st.Size() != offset {
		return domain.Errorf(domain.CodeInvalid, "The file arrived out of order (a piece at %d bytes after %d had arrived); choose it again.", offset, st.Size())
	}
	if _, err := f.Write(data); err != nil {
		return u.storeFailed(err)
	}
	return nil
}

// Spec is the FileSpec of a finished upload: the file on disk under the
// name the seller's file had.
func (u *Uploads) Spec(id, name string, opts Options) (FileSpec, error) {
	path, err := u.path(id)
	if err != nil {
		return FileSpec{}, err
	}
	if _, err := os.Stat(path); err != nil {
		return FileSpec{}, domain.Errorf(domain.CodeNotFound, "%s is no longer here (it was imported or removed); choose it again.", name)
	}
	return FileSpec{Path: path, Name: name, Options: opts}, nil
}

// Discard removes an upload; an unknown one is fine.
func (u *Uploads) Discard(id string) error {
	path, err := u.path(id)
	if err != nil {
		return err
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		if u.Log != nil {
			u.Log.Warn("upload not removed", "path", path, "err", err)
		}
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not remove the file it was sent")
	}
	return nil
}

// RemoveOld deletes uploads older than maxAge (the app runs it at startup).
func (u *Uploads) RemoveOld(now time.Time, maxAge time.Duration) {
	entries, err := os.ReadDir(u.Dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > maxAge {
			os.Remove(filepath.Join(u.Dir, e.Name()))
		}
	}
}
