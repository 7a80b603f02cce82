package domain

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// ErasureKeys are the hashes an erased customer is remembered by: of their
// email (lower case) and of their store's customer id (source + id), each
// one an import could bring them back by. The customers package writes
// them when it erases someone; an import leaves out whoever matches one.
// Only the hash is kept, never the address.
func ErasureKeys(email string, source Source, externalID string) []string {
	var out []string
	if e := strings.ToLower(strings.TrimSpace(email)); e != "" {
		out = append(out, erasureHash("email", e))
	}
	if id := strings.TrimSpace(externalID); id != "" && source != "" {
		out = append(out, erasureHash("customer", string(source)+"\x00"+id))
	}
	return out
}

func erasureHash(kind, value string) string {
	h := sha256.Sum256([]byte("shopclerk erased " + kind + "\x00" + value))
	return hex.EncodeToString(h[:])
}
