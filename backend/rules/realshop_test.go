package rules

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"strings"
	"testing"
	"time"

	"shopclerk/backend/email"
	"shopclerk/backend/importer"
	"shopclerk/backend/mail"
	"shopclerk/backend/rules/flow"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/rulesdb"
	"shopclerk/backend/store/storetest"
)

// zarOrders is a real Shopify orders export (testdata/real, pseudonymized):
// 50 orders paid or pending from 13 to 17 May 2021 in ZAR, most customers
// opted in, customer020 with two paid orders (#13538 725.00, #13542
// 3252.00), totals on both sides of the spend tiers (#13520 344.00,
// #13543 419.00).
const zarOrders = "../../testdata/real/shopify/orders_export_2021-05_ZAR_75col.csv"

// zarTime reads a time as the export writes it.
func zarTime(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse("2006-01-02 15:04:05 -0700", s)
	if err != nil {
		t.Fatal(err)
	}
	return v.UTC()
}

// testClock is a store clock a test moves forward.
type testClock struct{ t time.Time }

func (c *testClock) Now() time.Time { return c.t }

// realShop is a shop whose store clock follows the test's "now" and which
// imports export files as a seller does.
type realShop struct {
	*shop
	clk *testClock
}

// newRealShop opens a shop (a new one, or the file opts name) at at, whose
// engine renders with the mail package's templates, so emails read as
// customers get them.
func newRealShop(t *testing.T, at time.Time, opts ...storetest.Option) *realShop {
	t.Helper()
	clk := &testClock{t: at}
	st := rulesdb.New(storetest.Open(t, append(opts, storetest.Clock(clk))...))
	s := &shop{t: t, ctx: context.Background(), st: st}
	s.e = New(st, Options{Log: quietLog, Renderer: &mail.Templates{Store: st.DB}})
	return &realShop{shop: s, clk: clk}
}

// at moves the store's clock (imports, switches and the ledger write
// their times with it).
func (s *realShop) at(t time.Time) time.Time {
	s.clk.t = t
	return t
}

// importCSV imports an export file as the Import screen does.
func (s *realShop) importCSV(name string, data []byte) {
	s.t.Helper()
	res, err := importer.Import(s.ctx, importdb.New(s.st.Store), []importer.FileSpec{{Name: name, Data: data}}, nil)
	if err != nil || res.RejectedWhole() {
		s.t.Fatalf("import %s: %v %+v", name, err, res)
	}
}

// installCopy stores a ready-made flow as Shopclerk did before it refused
// a second copy of one: with the template's key, switched on.
func (s *realShop) installCopy(key string) int64 {
	s.t.Helper()
	tpl, _ := flow.TemplateByKey(key)
	id, err := s.e.SaveFlow(s.ctx, Flow{Name: tpl.Name, Template: key, Definition: tpl.Definition})
	if err != nil {
		s.t.Fatal(err)
	}
	if err := s.e.SetEnabled(s.ctx, id, true); err != nil {
		s.t.Fatal(err)
	}
	return id
}

// zarExport is the ZAR export with cells changed: edit gets each order's
// first row (its order-level cells) by column name.
func zarExport(t *testing.T, edit func(order string, row map[string]*string)) []byte {
	t.Helper()
	raw, err := os.ReadFile(zarOrders)
	if err != nil {
		t.Fatal(err)
	}
	if edit == nil {
		return raw
	}
	recs, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head := recs[0]
	seen := map[string]bool{}
	for _, rec := range recs[1:] {
		row := map[string]*string{}
		for i, h := range head {
			row[h] = &rec[i]
		}
		name := *row["Name"]
		if seen[name] {
			continue
		}
		seen[name] = true
		edit(name, row)
	}
	var out bytes.Buffer
	w := csv.NewWriter(&out)
	if err := w.WriteAll(recs); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// emailsTo lists, per recipient, the text of the emails a plan would send.
func emailsTo(p *Preview, flowID int64) map[string][]string {
	out := map[string][]string{}
	for _, it := range flowItems(p, flowID) {
		if it.Email != nil {
			out[it.Email.To] = append(out[it.Email.To], it.Email.Text)
		}
	}
	return out
}

// itemsFor lists the summaries of a flow's planned items that mention who.
func itemsFor(p *Preview, flowID int64, who string) []string {
	var out []string
	for _, it := range flowItems(p, flowID) {
		if strings.Contains(it.Summary, who) {
			out = append(out, it.Summary)
		}
	}
	return out
}

var _ email.Renderer = (*mail.Templates)(nil)

// ordersItems lists a flow's planned items for the order named name.
func orderItems(p *Preview, flowID int64, name string) []Item {
	var out []Item
	for _, it := range flowItems(p, flowID) {
		if it.sub != nil && it.sub.Order != nil && it.sub.Order.Name == name {
			out = append(out, it)
		}
	}
	return out
}
