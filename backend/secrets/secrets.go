// Package secrets keeps passwords and OAuth tokens out of the database
// (invariant 7). They go to the OS keychain through go-keyring (Windows
// Credential Manager, macOS Keychain, Secret Service on Linux). Where no
// keychain answers (a Linux box without Secret Service, CI) they fall back
// to a 0600 file beside the database, and Backend says so for the UI.
package secrets

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sync"

	"github.com/zalando/go-keyring"

	"shopclerk/backend/domain"
)

// Service is the keychain entry's service name.
const Service = "Shopclerk"

// BackendKind tells where secrets are kept.
type BackendKind string

const (
	BackendKeychain BackendKind = "keychain"
	BackendFile     BackendKind = "file"
)

// Store reads and writes secrets by key.
type Store interface {
	Get(key string) (string, error) // "" and nil when absent
	Set(key, value string) error
	Delete(key string) error
	Backend() BackendKind
}

var (
	_ Store = (*keychain)(nil)
	_ Store = (*fileStore)(nil)
)

// Open returns the keychain when it works, else the file store at
// dir/secrets.json. The probe writes and deletes a throwaway entry,
// because some Secret Service setups accept reads but fail writes.
func Open(dir string) Store {
	k := &keychain{}
	if err := keyring.Set(Service, "probe", "1"); err == nil {
		keyring.Delete(Service, "probe")
		return k
	}
	return &fileStore{path: filepath.Join(dir, "secrets.json")}
}

type keychain struct{}

func (keychain) Get(key string) (string, error) {
	v, err := keyring.Get(Service, key)
	if errors.Is(err, keyring.ErrNotFound) {
		return "", nil
	}
	if err != nil {
		return "", domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read from the system keychain")
	}
	return v, nil
}

func (keychain) Set(key, value string) error {
	if err := keyring.Set(Service, key, value); err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not save to the system keychain")
	}
	return nil
}

func (keychain) Delete(key string) error {
	if err := keyring.Delete(Service, key); err != nil && !errors.Is(err, keyring.ErrNotFound) {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not remove the entry from the system keychain")
	}
	return nil
}

func (keychain) Backend() BackendKind { return BackendKeychain }

// fileStore is the fallback: a JSON map in a file only the user can read.
type fileStore struct {
	mu   sync.Mutex
	path string
}

func (f *fileStore) load() (map[string]string, error) {
	m := map[string]string{}
	b, err := os.ReadFile(f.path)
	if errors.Is(err, os.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read its secrets file")
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "the secrets file "+f.path+" is damaged; set the password again")
	}
	return m, nil
}

func (f *fileStore) save(m map[string]string) error {
	b, _ := json.Marshal(m)
	tmp := f.path + ".tmp"
	if err := os.MkdirAll(filepath.Dir(f.path), 0o700); err != nil {
		return err
	}
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not write its secrets file")
	}
	os.Chmod(tmp, 0o600) // WriteFile keeps the mode of an existing file
	return os.Rename(tmp, f.path)
}

func (f *fileStore) Get(key string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	m, err := f.load()
	return m[key], err
}

func (f *fileStore) Set(key, value string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	m, err := f.load()
	if err != nil {
		return err
	}
	m[key] = value
	return f.save(m)
}

func (f *fileStore) Delete(key string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	m, err := f.load()
	if err != nil {
		return err
	}
	delete(m, key)
	return f.save(m)
}

func (f *fileStore) Backend() BackendKind { return BackendFile }

// MailPasswordKey is the key of the mail account's password.
func MailPasswordKey(login string) string { return "mail-password:" + login }

// OAuthTokenKey is the key of the account's OAuth token (JSON).
func OAuthTokenKey(login string) string { return "oauth-token:" + login }
