package domain

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func TestSplitTags(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{{"", []string{}}, {" , ,", []string{}}, {"vip", []string{"vip"}}, {" vip, wholesale ,,Gold ", []string{"vip", "wholesale", "Gold"}}} {
		got := SplitTags(c.in)
		if got == nil || !slices.Equal(got, c.want) {
			t.Errorf("%q: %#v, want %#v", c.in, got, c.want)
		}
	}
	// No tags reach the frontend as [], which its string[] types promise.
	if b, _ := json.Marshal(Customer{Tags: SplitTags("")}); !strings.Contains(string(b), `"tags":[]`) {
		t.Errorf("%s", b)
	}
}
