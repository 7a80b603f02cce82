//go:build !unix

package mail

import "time"

func processCPU() time.Duration { return 0 }
