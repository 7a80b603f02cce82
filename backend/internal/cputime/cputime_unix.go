//go:build unix

// Package cputime tells the CPU time this process has used, the figure the
// benchmarks print beside wall time: on a shared machine it does not move
// with the load of other processes.
package cputime

import (
	"syscall"
	"time"
)

// Process is the CPU time (user + system) this process has used.
func Process() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
