package domain

import "strings"

// SplitTags reads a comma-separated tag list ("vip, wholesale") as the
// tags, blanks dropped. No tags is an empty list, never nil: tags go to the
// frontend as JSON (an array, not null) and into conditions (hasTag).
func SplitTags(s string) []string {
	if strings.TrimSpace(s) == "" {
		return []string{}
	}
	parts := strings.Split(s, ",")
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
