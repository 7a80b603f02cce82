//go:build unix

package shopify_test

import (
	"bufio"
	"os"
	"os/exec"
	"slices"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/connectordb"
	"shopclerk/backend/store/rulesdb"
	"shopclerk/backend/store/storetest"
)

// kill -9 between the hold's API call and its record, after the store
// answered and while the call is in flight: the next run reads the order
// back, finds Shopclerk's hold on it and places none again. (The child is
// pushChild, as for the coupon write.)
func TestKillNineHoldWrite(t *testing.T) {
	for _, hang := range []string{"answer", "in flight"} {
		t.Run(hang, func(t *testing.T) {
			r := marksRig(t, domain.StoreWrites{Holds: true})
			oid := r.idOf("orders", "name", orderName)
			r.flow("1/o/o/1", func(tx *rulesdb.RuleTx) error { return tx.HoldOrder(oid, "high risk") })
			path := r.db.Path()
			r.db.Close()

			reached, release := make(chan struct{}), make(chan struct{})
			if hang == "in flight" {
				r.srv.OnMutation = func(string) {
					close(reached)
					<-release
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
			if err := cmd.Process.Kill(); err != nil {
				t.Fatal(err)
			}
			cmd.Wait()
			if hang == "in flight" {
				close(release)
				r.srv.OnMutation = nil
			}
			for end := time.Now().Add(10 * time.Second); r.srv.HoldChanges() == 0; {
				if time.Now().After(end) {
					t.Fatal("the store never finished the request the dead client sent")
				}
				time.Sleep(10 * time.Millisecond)
			}
			r.db = connectordb.New(storetest.Open(t, storetest.Path(path), storetest.Clock(r.clock)))
			if w := r.writes()["hold "+orderName]; w.Status != domain.WriteApplying {
				t.Fatalf("after the kill the write is %q, want applying", w.Status)
			}
			if res := r.push(); res.Done != 1 {
				t.Fatalf("after the kill: %+v", res)
			}
			if got := r.srv.Holds(orderName); !slices.Equal(got, []string{"shopclerk-review"}) || r.srv.HoldChanges() != 1 {
				t.Fatalf("holds %v after %d changes, want exactly one", got, r.srv.HoldChanges())
			}
		})
	}
}
