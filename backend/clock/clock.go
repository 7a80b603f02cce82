// Package clock is the one source of "now" for the whole backend. Tests,
// scripts and the demo shop pin it (--now or SHOPCLERK_NOW) so every
// date-based rule and generated shop is reproducible.
package clock

import (
	"context"
	"fmt"
	"os"
	"time"
)

// EnvVar pins the clock when set to an RFC 3339 time.
const EnvVar = "SHOPCLERK_NOW"

// Clock tells the current time in UTC.
type Clock interface {
	Now() time.Time
}

// System is the real wall clock.
type System struct{}

func (System) Now() time.Time { return time.Now().UTC() }

// Fixed is a pinned clock. It does not advance: a pinned run sees one instant.
type Fixed struct{ T time.Time }

func (f Fixed) Now() time.Time { return f.T.UTC() }

// FromFlagOrEnv returns a Fixed clock from flag (if non-empty) or the
// environment, else the system clock.
func FromFlagOrEnv(flag string) (Clock, error) {
	v := flag
	if v == "" {
		v = os.Getenv(EnvVar)
	}
	if v == "" {
		return System{}, nil
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return nil, fmt.Errorf("the time %q is not in the form 2026-03-01T09:00:00Z", v)
	}
	return Fixed{T: t}, nil
}

// Sleep waits d on a real timer, or until ctx ends (then it returns
// ctx.Err()). Code that waits takes it as a replaceable func, so tests move
// a pinned clock instead of waiting.
func Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
