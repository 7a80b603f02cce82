package secrets

import "sync"

// Memory is a keychain held in memory, for tests and for a shop opened
// without one. Its zero value is empty and ready to use.
type Memory struct {
	mu sync.Mutex
	m  map[string]string
}

func (s *Memory) Get(key string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.m[key], nil
}

func (s *Memory) Set(key, value string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil {
		s.m = map[string]string{}
	}
	s.m[key] = value
	return nil
}

func (s *Memory) Delete(key string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.m, key)
	return nil
}

// Backend reports a keychain: code under test takes the keychain's paths.
func (s *Memory) Backend() BackendKind { return BackendKeychain }
