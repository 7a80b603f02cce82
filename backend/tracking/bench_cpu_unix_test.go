//go:build unix

package tracking

import (
	"syscall"
	"time"
)

// processCPU is the CPU time (user + system) this process has used: the
// load-independent cost of a benchmark on a shared machine.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
