package store

import (
	"fmt"
	"os"

	"shopclerk/backend/domain"
)

// fileLock is an OS lock held for as long as the shop is open, so a second
// Shopclerk on the same file is refused instead of racing the first. The
// lock itself is per OS: flock on Unix, a byte-range lock on Windows.
type fileLock struct{ f *os.File }

func lockFile(path string) (*fileLock, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("Shopclerk cannot write beside %s (is the folder read-only?)", path))
	}
	if held, err := tryLock(f); err != nil {
		f.Close()
		if held {
			return nil, domain.Errorf(domain.CodeConflict, "This shop is already open in another Shopclerk window or command. Close it and try again.")
		}
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not lock the shop database")
	}
	return &fileLock{f: f}, nil
}

func (l *fileLock) release() {
	unlock(l.f)
	l.f.Close()
}
