package rules

import "time"

// Quiet tells whether t falls in the shop's quiet hours and, if so, when
// they end: campaigns wait for it as a flow's marketing email does.
func (s Settings) Quiet(t time.Time) (bool, time.Time) { return s.quiet(t) }
