//go:build windows

package store

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/sys/windows"

	"shopclerk/backend/domain"
)

// fileLock is an exclusive byte-range lock held for as long as the shop is
// open, so a second Shopclerk on the same file is refused.
type fileLock struct{ f *os.File }

func lockFile(path string) (*fileLock, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("Shopclerk cannot write beside %s (is the folder read-only?)", path))
	}
	ol := new(windows.Overlapped)
	err = windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, ol)
	if err != nil {
		f.Close()
		if errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
			return nil, domain.Errorf(domain.CodeConflict, "This shop is already open in another Shopclerk window or command. Close it and try again.")
		}
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not lock the shop database")
	}
	return &fileLock{f: f}, nil
}

func (l *fileLock) release() {
	windows.UnlockFileEx(windows.Handle(l.f.Fd()), 0, 1, 0, new(windows.Overlapped))
	l.f.Close()
}
