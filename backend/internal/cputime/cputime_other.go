//go:build !unix

// Package cputime tells the CPU time this process has used, the figure the
// benchmarks print beside wall time.
package cputime

import "time"

// Process is not measured here (0): the benchmarks report wall time only.
func Process() time.Duration { return 0 }
