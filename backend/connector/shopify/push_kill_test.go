//go:build unix

package shopify_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"testing"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/connector"
	"shopclerk/backend/domain"
	"shopclerk/backend/store/connectordb"
	"shopclerk/backend/store/storetest"
)

// The child process of TestKillNineCouponWrite: it applies the shop's
// write-back queue to the stand-in; with PUSH_HANG=answer it
// says "called" once the store answered the write and hangs before the
// answer is recorded, to be killed there.
func pushChild() {
	db, cs, c := child(0)
	w := &connector.Writer{DB: db, Clock: clock.Fixed{T: now}}
	if os.Getenv("PUSH_HANG") == "answer" {
		w.AfterCall = func() {
			fmt.Println("called")
			select {}
		}
	}
	w.Run(context.Background(), cs, c)
	os.Exit(3) // never reached: the parent kills us first
}

// kill -9 between the API call and its record, in both places it can
// fall: after the store answered (the answer is lost with the process),
// and while the call is in flight (the store makes the code after the
// process is gone). Either way the next run reads the code back and the
// coupon exists exactly once in the store.
func TestKillNineCouponWrite(t *testing.T) {
	for _, hang := range []string{"answer", "in flight"} {
		t.Run(hang, func(t *testing.T) {
			r := pushRig(t)
			r.coupon("SC-ONCE", "customer001@example.com", 10, 0, false, 0, "1/c1/o1/0")
			r.killMidWrite(t, hang, func() bool { return len(r.srv.Discounts()) > 0 })
			if w := r.writes()["SC-ONCE"]; w.Status != domain.WriteApplying {
				t.Fatalf("after the kill the write is %q, want applying (begun, outcome unknown)", w.Status)
			}
			res := r.push()
			if res.Done != 1 || len(r.srv.Discounts()) != 1 {
				t.Fatalf("after the kill: %+v, %d codes in the store, want exactly 1", res, len(r.srv.Discounts()))
			}
			if w := r.writes()["SC-ONCE"]; w.Status != domain.WriteDone || w.RemoteID != r.srv.Discounts()[0].ID {
				t.Errorf("write %+v", w)
			}
		})
	}
}

// killMidWrite runs the shop's write-back queue in a child process
// (pushChild) and kills it (SIGKILL) at hang: "answer", once the store
// answered the first write and before the answer is recorded, or "in
// flight", while the store holds its answer (it finishes after the child is
// dead, until landed says the write is there). The rig's shop is opened
// again afterwards.
func (r *rig) killMidWrite(t *testing.T, hang string, landed func() bool) {
	t.Helper()
	path := r.db.Path()
	r.db.Close()
	reached, release := make(chan struct{}), make(chan struct{})
	if hang == "in flight" {
		r.srv.OnMutation = func(string) {
			close(reached)
			<-release // the store answers once the client is dead
		}
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "PUSH_CHILD=1", "SYNC_DB="+path, "SYNC_URL="+r.srv.URL, "PUSH_HANG="+hang)
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if hang == "answer" {
		go func() {
			if line, _ := bufio.NewReader(out).ReadString('\n'); line == "called\n" {
				close(reached)
			}
		}()
	}
	select {
	case <-reached:
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		t.Fatal("the child never reached the write")
	}
	if err := cmd.Process.Kill(); err != nil { // SIGKILL
		t.Fatal(err)
	}
	cmd.Wait()
	if hang == "in flight" {
		close(release)
		r.srv.OnMutation = nil
	}
	for end := time.Now().Add(10 * time.Second); !landed(); {
		if time.Now().After(end) {
			t.Fatal("the store never finished the request the dead client sent")
		}
		time.Sleep(10 * time.Millisecond)
	}
	r.db = connectordb.New(storetest.Open(t, storetest.Path(path), storetest.Clock(r.clock)))
}
