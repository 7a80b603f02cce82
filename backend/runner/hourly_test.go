package runner

import (
	"testing"
	"time"
)

// The first check runs at once on the timer's goroutine (the digest starts
// with firstAfter 0); stop returned while it was still writing, so the shop
// could be closed, or its folder removed, under it.
func TestHourlyStopWaitsForTheFirstCheck(t *testing.T) {
	var h hourly
	started, release := make(chan struct{}), make(chan struct{})
	h.start(0, func() {
		close(started)
		<-release
	})
	<-started
	stopped := make(chan struct{})
	go func() {
		h.stop()
		close(stopped)
	}()
	select {
	case <-stopped:
		t.Fatal("stop returned while the first check was running")
	case <-time.After(50 * time.Millisecond):
	}
	close(release)
	<-stopped
}

func TestHourlyStopBeforeTheFirstCheck(t *testing.T) {
	var h hourly
	ran := make(chan struct{}, 1)
	h.start(time.Hour, func() { ran <- struct{}{} })
	h.stop() // must not wait for a check that never fires
	select {
	case <-ran:
		t.Fatal("the first check ran after stop")
	default:
	}
}
