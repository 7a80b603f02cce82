package app

import (
	"context"
	"log/slog"

	"shopclerk/backend/clock"
	"shopclerk/backend/connector"
	"shopclerk/backend/customers"
	"shopclerk/backend/importer"
	"shopclerk/backend/inbox/signals"
	"shopclerk/backend/inventory"
	"shopclerk/backend/mail"
	"shopclerk/backend/rules"
	"shopclerk/backend/runner"
	"shopclerk/backend/secrets"
	"shopclerk/backend/store"
	"shopclerk/backend/store/connectordb"
	"shopclerk/backend/store/customersdb"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/inventorydb"
	"shopclerk/backend/store/outboxdb"
	"shopclerk/backend/store/rulesdb"
	"shopclerk/backend/store/shippingdb"
)

// backend is the object graph of one open shop. newBackend builds it once
// when the shop opens (App.open, or a headless command); bound methods and
// commands call into it instead of building backend objects per call.
//
// Holding it must not freeze what the seller can change while the app is
// open, so its objects read settings where they use them: the engine reads
// the mail account at each run, the mailer builds the outbox from the
// account as saved when it sends, templates are read per plan, the time
// zone per question. The one exception is older than the graph: the
// automation schedule (its cron expression and time zone) is read when the
// background work starts.
type backend struct {
	st        *store.Store
	outbox    *outboxdb.DB
	rules     *rulesdb.DB
	inv       *inventorydb.DB
	imports   *importdb.DB
	shipping  *shippingdb.DB
	clk       clock.Clock
	log       *slog.Logger
	engine    *rules.Engine
	inventory *inventory.Service
	customers *customers.Service
	mail      *mailer
	lookup    importer.MappingLookup // the column mappings the seller saved
	// preview renders the template editor's previews; it keeps the parsed
	// templates, so a preview after each keystroke parses only what changed.
	preview *mail.Templates

	// The window's background work over this shop; built here, started by
	// start (the headless commands never start it).
	backups     *runner.Backups
	digest      *runner.Daily
	automations *runner.Automations
	autosend    *runner.AutoSend
	tracker     *runner.Tracking // carrier API polling (shipping.go)
	// stores syncs the connected stores (Settings > Stores, its schedule
	// storeSync, `shopclerk sync`): one sync of a store at a time.
	stores    *connector.Manager
	storeSync *runner.StoreSync
}

// newBackend wires the shop's backend. sec may be nil: the keychain is then
// probed on the first use of a secret, not when the shop opens.
func newBackend(st *store.Store, clk clock.Clock, sec secrets.Store, log *slog.Logger) *backend {
	rdb := rulesdb.New(st)
	outbox := rdb.DB // the rules' handle wraps the outbox's
	idb := &inventorydb.DB{DB: outbox}
	imports := importdb.New(st)
	engine := NewAutomationEngine(rdb, log)
	// Replies and suppressions the inbox finds stop the customer's
	// sequences; the outbox asks the flows again before each of their
	// emails goes out.
	mailer := newMailer(outbox, clk, sec, signals.New(rdb, clk), rules.NewRecheck(engine), log)
	// Purchase orders go out through the outbox, worded by the
	// purchase_order template (the seller's saved version, if any).
	inv := inventory.New(idb, clk, inventory.OutboxMailer{Store: idb, Renderer: &mail.Templates{Store: outbox}})
	cust := customers.New(customersdb.New(st), clk, log)
	mailer.drafters = append(mailer.drafters, faqDrafter{cust}) // FAQ replies (issue 13)
	// After a sync that changed something, as after an import: the
	// automations look for changes and the segments are scored again.
	stores := newStoreManager(connectordb.New(st), mailer.secrets, func(ctx context.Context) {
		detectChanges(ctx, engine, log)
		rescore(ctx, cust, log)
	}, clk, log)
	// An email showing a coupon waits until the coupon is a code in the
	// stores that write coupons.
	mailer.hold = stores.CouponHold
	b := &backend{
		st: st, outbox: outbox, rules: rdb, inv: idb, imports: imports, shipping: shippingdb.New(st), clk: clk, log: log, engine: engine, inventory: inv,
		customers:   cust,
		mail:        mailer,
		lookup:      importer.StoreLookup(imports),
		preview:     &mail.Templates{},
		backups:     runner.NewBackups(st, clk, log),
		digest:      runner.NewDigest(st, inv, clk, log),
		automations: runner.NewAutomations(st, engine, clk, log),
		autosend:    runner.NewAutoSend(st, mailer.outbox, &mailer.gate, clk, log),
		stores:      stores,
		storeSync:   runner.NewStoreSync(st, stores, log),
	}
	b.tracker = runner.NewTracking(b.shipping, b.carrierClients, clk, log)
	return b
}

// cliBackend is newBackend over a command's store.
func cliBackend(env *CLIEnv) *backend { return newBackend(env.Store, env.Clock, nil, env.Log) }

// start begins the daily backup, the morning low-stock digest, the
// automation schedule, automatic sending and the store sync schedule;
// onRun hears each scheduled automation run, onSend each automatic send
// run, onSync each scheduled sync.
func (b *backend) start(ctx context.Context, onRun func(rules.RunResult, error), onSend func(mail.SendReport, error), onSync func([]connector.Result, error)) {
	b.backups.Start()
	b.digest.Start()
	b.automations.OnRun = func(res rules.RunResult, err error) {
		b.autosend.Wake() // the run may have queued mail
		if onRun != nil {
			onRun(res, err)
		}
	}
	if err := b.automations.Start(ctx); err != nil {
		b.log.Warn("automation schedule not started", "err", err)
	}
	b.autosend.OnRun = onSend
	b.autosend.Start()
	b.tracker.Start(ctx)
	b.storeSync.OnRun = onSync
	b.storeSync.OnWrites = func([]connector.WriteResult) {
		if onSync != nil {
			onSync(nil, nil)
		}
	}
	if err := b.storeSync.Start(ctx); err != nil {
		b.log.Warn("store sync schedule not started", "err", err)
	}
}

// close stops the background work, waiting for a run in progress, and
// closes the shop.
func (b *backend) close() {
	b.autosend.Stop() // first: a send run in progress records its outcomes
	b.automations.Stop()
	b.tracker.Stop()
	b.storeSync.Stop()
	b.backups.Stop()
	b.digest.Stop()
	b.st.Close()
}
