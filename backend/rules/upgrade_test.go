package rules

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"shopclerk/backend/importer"
	"shopclerk/backend/rules/flow"
	"shopclerk/backend/store"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/storetest"
)

// Sellers' databases hold flows installed before this version's fixes.
// These tests build such a shop with the migrations it had (up to 00022),
// with what the old flows did in its ledger, then open it as this version
// does and plan.

// oldSpendTiers is the spend-tier flow as installed before each tier had
// its email (json.Marshal of the old template, escapes and all).
const oldSpendTiers = `{"trigger":{"type":"order_paid"},"condition":"order.total \u003e= 20000 \u0026\u0026 !order.cancelled","steps":[{"action":"issue_coupon","if":"order.total \u003e= 40000","percentOff":10,"freeShipping":true,"validDays":60},{"action":"issue_coupon","if":"order.total \u003c 40000","percentOff":5,"validDays":60},{"action":"send_email","template":"spend_tier_coupon","vars":{"tier":"20000"},"moneyVars":["tier"]}],"policy":{"reentry":"every_time","catchUp":"skip","maxLateHours":72,"marketing":true}}`

// oldShop is a shop file at the migrations before version, holding what
// the ZAR export gives a shop today, and fn's rows; it returns the file's
// path. Today's importer writes tables later migrations add, so the export
// is imported into a current scratch shop and its rows copied over.
func oldShop(t *testing.T, at time.Time, version string, export []byte, fn func(st *store.Store)) string {
	t.Helper()
	all := os.DirFS(filepath.Join("..", "store", "migrations"))
	entries, err := fs.ReadDir(all, ".")
	if err != nil {
		t.Fatal(err)
	}
	before := fstest.MapFS{}
	for _, e := range entries {
		if e.Name() < version {
			b, _ := fs.ReadFile(all, e.Name())
			before[e.Name()] = &fstest.MapFile{Data: b}
		}
	}
	dir := t.TempDir()
	scratch := filepath.Join(dir, "scratch.db")
	res, err := importer.Import(t.Context(), importdb.New(storetest.Open(t, storetest.Path(scratch), storetest.Clock(&testClock{t: at}))),
		[]importer.FileSpec{{Name: "orders_export.csv", Data: export}}, nil)
	if err != nil || res.RejectedWhole() {
		t.Fatalf("import: %v %+v", err, res)
	}
	path := filepath.Join(dir, "shop.db")
	st, err := store.Open(t.Context(), path, store.Options{Migrations: before, Clock: &testClock{t: at}, Log: quietLog})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	copyRows(t, st, scratch, "import_batches", "customers", "orders", "line_items")
	fn(st)
	return path
}

// copyRows copies the tables' rows from the shop file at from, in the
// columns both have.
func copyRows(t *testing.T, st *store.Store, from string, tables ...string) {
	t.Helper()
	conn, err := st.SQL().Conn(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(t.Context(), `ATTACH DATABASE ? AS src`, from); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(t.Context(), `DETACH DATABASE src`)
	for _, table := range tables {
		var cols string
		if err := conn.QueryRowContext(t.Context(), `SELECT group_concat(name, ', ') FROM (SELECT name FROM pragma_table_info(?1, 'main')
			INTERSECT SELECT name FROM pragma_table_info(?1, 'src'))`, table).Scan(&cols); err != nil {
			t.Fatal(err)
		}
		if _, err := conn.ExecContext(t.Context(), "INSERT INTO main."+table+" ("+cols+") SELECT "+cols+" FROM src."+table); err != nil {
			t.Fatalf("%s: %v", table, err)
		}
	}
}

// upgraded opens an old shop file as this version does.
func upgraded(t *testing.T, path string, at time.Time) *realShop {
	t.Helper()
	return newRealShop(t, at, storetest.Path(path))
}

// exec runs a statement on an old shop, failing the test if it cannot.
func exec(t *testing.T, st *store.Store, query string, args ...any) int64 {
	t.Helper()
	res, err := st.SQL().ExecContext(t.Context(), query, args...)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	id, _ := res.LastInsertId()
	return id
}

// idOf reads one id from an old shop.
func idOf(t *testing.T, st *store.Store, query string, args ...any) int64 {
	t.Helper()
	var id int64
	if err := st.SQL().QueryRowContext(t.Context(), query, args...).Scan(&id); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return id
}

func addRule(t *testing.T, st *store.Store, name, template, def string) int64 {
	return exec(t, st, `INSERT INTO rules (name, template, enabled, definition, created_at, updated_at, enabled_at) VALUES (?, ?, 1, ?, 0, 0, 0)`,
		name, template, def)
}

// A spend-tier flow installed before gets an email per tier, as a fresh
// install has: its one email keeps its place for the lower tier, and the
// orders it already thanked are not thanked again. A flow the seller
// changed keeps their amounts; one rebuilt otherwise, or damaged, is left.
func TestUpgradedSpendTierFlowNamesTheTierReached(t *testing.T) {
	now := zarTime(t, "2021-05-15 12:00:00 +0200")
	var installed, edited int64
	var thanked string // #13543's occurrence: coupon and email went out before the upgrade
	left := map[string]string{
		"rebuilt": `{"trigger":{"type":"order_paid"},"steps":[{"action":"send_email","if":"order.total >= 40000","template":"spend_tier_coupon","vars":{"tier":"40000"},"moneyVars":["tier"]}],"policy":{}}`,
		"words":   `{"trigger":{"type":"order_paid"},"steps":[{"action":"issue_coupon","if":"order.total >= 40000","percentOff":5},{"action":"send_email","template":"spend_tier_coupon","vars":{"tier":"gold"}}],"policy":{}}`,
		"strings": `{"steps":["x",{"action":"send_email","template":"spend_tier_coupon","vars":{"tier":"200"}}]}`,
		"damaged": `{"steps":[`,
	}
	path := oldShop(t, now, "00046", zarExport(t, nil), func(st *store.Store) {
		installed = addRule(t, st, "Spend tiers", "spend_tiers", oldSpendTiers)
		var d map[string]any
		json.Unmarshal([]byte(oldSpendTiers), &d)
		steps := d["steps"].([]any)
		steps[0].(map[string]any)["if"] = "order.total >= 50000"
		steps[1].(map[string]any)["if"] = "order.total < 50000"
		steps[2].(map[string]any)["vars"] = map[string]any{"tier": "15000"}
		d["condition"] = "order.total >= 15000"
		b, _ := json.Marshal(d)
		edited = addRule(t, st, "My tiers", "spend_tiers", string(b))
		exec(t, st, `UPDATE rules SET enabled = 0 WHERE id = ?`, edited)
		for name, def := range left {
			addRule(t, st, name, "spend_tiers", def)
		}
		order := idOf(t, st, `SELECT id FROM orders WHERE name = '#13543'`)
		cust := idOf(t, st, `SELECT customer_id FROM orders WHERE id = ?`, order)
		thanked = "order:" + itoa(order) + ":paid"
		for _, step := range []int{0, 2} {
			exec(t, st, `INSERT INTO rule_ledger (key, rule_id, subject, occurrence, step, status, due_at, done_at, result) VALUES (?, ?, ?, ?, ?, 'done', ?, ?, ?)`,
				LedgerKey(installed, "customer:"+itoa(cust), thanked, step), installed, "customer:"+itoa(cust), thanked, step, now.Unix()-3600, now.Unix()-3000, "old")
		}
	})
	s := upgraded(t, path, now)

	tpl, _ := flow.TemplateByKey("spend_tiers")
	fresh, _ := json.Marshal(tpl.Definition)
	want, _ := flow.ParseDefinition(string(fresh))
	if got, _ := s.e.GetFlow(s.ctx, installed); !reflect.DeepEqual(got.Definition, want) {
		t.Errorf("the installed flow after the upgrade:\n%+v\nwant, as installed now:\n%+v", got.Definition.Steps, want.Steps)
	}
	mine, _ := s.e.GetFlow(s.ctx, edited)
	if st := mine.Definition.Steps; len(st) != 4 || st[2].If != "order.total < 50000" || st[2].Vars["tier"] != "15000" ||
		st[3].If != "order.total >= 50000" || st[3].Vars["tier"] != "50000" || !reflect.DeepEqual(st[3].MoneyVars, []string{"tier"}) {
		t.Errorf("the seller's own tiers: %+v", st)
	}
	flows, _ := s.st.ListRules(s.ctx)
	for _, r := range flows {
		if def, ok := left[r.Name]; ok && r.Definition != def {
			t.Errorf("%s changed: %s", r.Name, r.Definition)
		}
	}

	exec(t, s.st.Store, `UPDATE rules SET enabled = 0 WHERE id <> ?`, installed)
	p := s.plan(now)
	for _, it := range flowItems(p, installed) {
		if it.Occurrence == thanked {
			t.Errorf("an order thanked before the upgrade is thanked again: %s", it.Summary)
		}
	}
	got := emailsTo(p, installed)
	for to, tier := range map[string]string{"customer002@example.com": "200.00 ZAR", "customer020@example.com": "400.00 ZAR"} {
		if len(got[to]) == 0 || !contains(got[to], "spent over "+tier) {
			t.Errorf("%s: %q, want the %s tier", to, got[to], tier)
		}
	}
	if got["customer024@example.com"] != nil {
		t.Errorf("customer024 thanked again: %q", got["customer024@example.com"])
	}
}

// Stops recorded before the upgrade were customer-wide. A flow's stop now
// means its order's sequences (what its step says by default), so the
// customer's other orders go on; the inbox's stops (a bounce) stay
// customer-wide, and a flow whose trigger has no order says "customer".
func TestUpgradedStopsAreScopedToTheirOrder(t *testing.T) {
	now := zarTime(t, "2021-05-15 21:00:00 +0200")
	export := zarExport(t, func(name string, row map[string]*string) {
		if name == "#13538" {
			*row["Cancelled at"] = "2021-05-15 11:00:00 +0200"
		}
	})
	const tagStop = `{"trigger":{"type":"tag_added","tag":"blocked"},"steps":[{"action":"stop_sequences"}],"policy":{}}`
	const orderStop = `{"trigger":{"type":"order_cancelled"},"steps":[{"action":"stop_sequences"}],"policy":{}}`
	var cancelFlow, tagFlow, cancelled, other, cust, bounced int64
	cancelledAt := zarTime(t, "2021-05-15 11:00:00 +0200").Unix()
	path := oldShop(t, now, "00046", export, func(st *store.Store) {
		cancelFlow = addRule(t, st, "Cancellation", "cancellation_stop", orderStop)
		tagFlow = addRule(t, st, "Blocked", "", tagStop)
		cancelled = idOf(t, st, `SELECT id FROM orders WHERE name = '#13538'`)
		other = idOf(t, st, `SELECT id FROM orders WHERE name = '#13542'`)
		cust = idOf(t, st, `SELECT customer_id FROM orders WHERE id = ?`, cancelled)
		bounced = idOf(t, st, `SELECT customer_id FROM orders WHERE name = '#13543'`)
		occ := "order:" + itoa(cancelled) + ":cancelled"
		exec(t, st, `INSERT INTO rule_stops (customer_id, rule_id, at, reason, ledger_key) VALUES (?, ?, ?, ?, ?)`,
			cust, cancelFlow, cancelledAt, occ, LedgerKey(cancelFlow, "customer:"+itoa(cust), occ, 0))
		exec(t, st, `INSERT INTO rule_stops (customer_id, rule_id, at, reason, ledger_key) VALUES (?, 0, ?, 'hard_bounce', 'inbox/hard_bounce/x')`,
			bounced, cancelledAt)
	})
	s := upgraded(t, path, now)
	paidBefore := zarTime(t, "2021-05-15 10:13:00 +0200")
	for _, c := range []struct {
		what            string
		customer, order int64
		stopped         bool
	}{
		{"the cancelled order's own sequences", cust, cancelled, true},
		{"the customer's other order", cust, other, false},
		{"the customer's cart or sign-up", cust, 0, false},
		{"a bounced customer's order", bounced, 999, true},
	} {
		r, err := s.st.SequenceStopped(s.ctx, c.customer, c.order, 12345, paidBefore)
		if err != nil || (r != "") != c.stopped {
			t.Errorf("%s: stopped %q (%v), want stopped %v", c.what, r, err, c.stopped)
		}
	}
	f, _ := s.e.GetFlow(s.ctx, tagFlow)
	if sc := f.Definition.Steps[0].Scope; sc != flow.StopCustomer || len(flow.Validate(f.Definition)) != 0 {
		t.Errorf("the tag flow's stop: scope %q, problems %+v", sc, flow.Validate(f.Definition))
	}
	if f, _ := s.e.GetFlow(s.ctx, cancelFlow); f.Definition.Steps[0].Scope != "" {
		t.Errorf("the cancellation flow's stop: %+v", f.Definition.Steps[0])
	}
	if c := s.counts(); c["stops"] != 2 {
		t.Errorf("stops %v", c)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func contains(texts []string, want string) bool {
	for _, s := range texts {
		if strings.Contains(s, want) {
			return true
		}
	}
	return false
}
