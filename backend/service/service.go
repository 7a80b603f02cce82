// Package service is one open shop's object graph, built once by New: the
// store and its concern handles, the automation engine, the inventory and
// customer services, the mail wiring, the store manager and the runners.
// The window (app) and the headless commands (app/cli) both call into it, so
// they import, send, sync and score the same way.
package service

import (
	"context"
	"log/slog"

	"shopclerk/backend/campaigns"
	"shopclerk/backend/clock"
	"shopclerk/backend/connector"
	"shopclerk/backend/coupons"
	"shopclerk/backend/customers"
	"shopclerk/backend/importer"
	"shopclerk/backend/inbox"
	"shopclerk/backend/inbox/signals"
	"shopclerk/backend/inventory"
	"shopclerk/backend/mail"
	"shopclerk/backend/rules"
	"shopclerk/backend/runner"
	"shopclerk/backend/secrets"
	"shopclerk/backend/store"
	"shopclerk/backend/store/connectordb"
	"shopclerk/backend/store/couponsdb"
	"shopclerk/backend/store/customersdb"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/inventorydb"
	"shopclerk/backend/store/outboxdb"
	"shopclerk/backend/store/rulesdb"
	"shopclerk/backend/store/shippingdb"
)

// backend is the object graph of one open shop. New builds it once
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
type Shop struct {
	Store     *store.Store
	Outbox    *outboxdb.DB
	Rules     *rulesdb.DB
	Inv       *inventorydb.DB
	Imports   *importdb.DB
	Shipping  *shippingdb.DB
	Clock     clock.Clock
	Log       *slog.Logger
	Engine    *rules.Engine
	Inventory *inventory.Service
	Customers *customers.Service
	Campaigns *campaigns.Service
	Coupons   *coupons.Service
	Mail      *Mailer
	Lookup    importer.MappingLookup // the column mappings the seller saved
	// preview renders the template editor's previews; it keeps the parsed
	// templates, so a preview after each keystroke parses only what changed.
	Preview *mail.Templates
	// Replies is the seller's "where is my order" reply per language
	// (Settings > Answers).
	Replies *inbox.Replies

	// The window's background work over this shop; built here, started by
	// start (the headless commands never start it).
	Backups     *runner.Backups
	Digest      *runner.Daily
	Automations *runner.Automations
	AutoSend    *runner.AutoSend
	Tracker     *runner.Tracking // carrier API polling (shipping.go)
	// stores syncs the connected stores (Settings > Stores, its schedule
	// storeSync, `shopclerk sync`): one sync of a store at a time.
	Stores    *connector.Manager
	StoreSync *runner.StoreSync
}

// New wires the shop's backend. sec may be nil: the keychain is then
// probed on the first use of a secret, not when the shop opens.
func New(st *store.Store, clk clock.Clock, sec secrets.Store, log *slog.Logger) *Shop {
	rdb := rulesdb.New(st)
	outbox := rdb.DB // the rules' handle wraps the outbox's
	idb := &inventorydb.DB{DB: outbox}
	imports := importdb.New(st)
	cust := customers.New(customersdb.New(st), clk, log)
	engine := NewAutomationEngine(rdb, cust, log)
	// Replies and suppressions the inbox finds stop the customer's
	// sequences; the outbox asks the flows again before each of their
	// emails goes out.
	mailer := newMailer(outbox, clk, sec, signals.New(rdb, clk), rules.NewRecheck(engine), log)
	// Purchase orders go out through the outbox, worded by the
	// purchase_order template (the seller's saved version, if any).
	inv := inventory.New(idb, clk, inventory.OutboxMailer{Store: idb, Renderer: &mail.Templates{Store: outbox}})
	mailer.drafters = append(mailer.drafters, faqDrafter{cust}) // FAQ replies (issue 13)
	// After a sync that changed something, as after an import: the
	// automations look for changes and the segments are scored again.
	stores := NewStoreManager(connectordb.New(st), mailer.Secrets, func(ctx context.Context) {
		DetectChanges(ctx, engine, log)
		Rescore(ctx, cust, log)
	}, clk, log)
	// An email showing a coupon waits until the coupon is a code in the
	// stores that write coupons.
	mailer.Hold = stores.CouponHold
	b := &Shop{
		Store: st, Outbox: outbox, Rules: rdb, Inv: idb, Imports: imports, Shipping: shippingdb.New(st), Clock: clk, Log: log, Engine: engine, Inventory: inv,
		Customers:   cust,
		Mail:        mailer,
		Replies:     inbox.NewReplies(outbox, clk),
		Lookup:      importer.StoreLookup(imports),
		Preview:     &mail.Templates{},
		Backups:     runner.NewBackups(st, clk, log),
		Digest:      runner.NewDigest(st, inv, clk, log),
		Automations: runner.NewAutomations(st, engine, clk, log),
		AutoSend:    runner.NewAutoSend(st, mailer.Outbox, &mailer.Gate, clk, log),
		Stores:      stores,
		StoreSync:   runner.NewStoreSync(st, stores, log),
	}
	b.Tracker = runner.NewTracking(b.Shipping, b.CarrierClients, clk, log)
	b.Campaigns = newCampaigns(outbox, cust, engine, clk, log)
	b.Coupons = coupons.New(couponsdb.New(st), clk)
	return b
}

// start begins the daily backup, the morning low-stock digest, the
// automation schedule, automatic sending and the store sync schedule;
// onRun hears each scheduled automation run, onSend each automatic send
// run, onSync each scheduled sync.
func (b *Shop) Start(ctx context.Context, onRun func(rules.RunResult, error), onSend func(mail.SendReport, error), onSync func([]connector.Result, error)) {
	b.Backups.Start()
	b.Digest.Start()
	b.Automations.OnRun = func(res rules.RunResult, err error) {
		b.AdvanceCampaigns(ctx)
		b.AutoSend.Wake() // the run may have queued mail
		if onRun != nil {
			onRun(res, err)
		}
	}
	if err := b.Automations.Start(ctx); err != nil {
		b.Log.Warn("automation schedule not started", "err", err)
	}
	b.AutoSend.OnRun = onSend
	b.AutoSend.Start()
	b.Tracker.Start(ctx)
	b.StoreSync.OnRun = onSync
	b.StoreSync.OnWrites = func([]connector.WriteResult) {
		if onSync != nil {
			onSync(nil, nil)
		}
	}
	if err := b.StoreSync.Start(ctx); err != nil {
		b.Log.Warn("store sync schedule not started", "err", err)
	}
}

// close stops the background work, waiting for a run in progress, and
// closes the shop.
func (b *Shop) Close() {
	b.AutoSend.Stop() // first: a send run in progress records its outcomes
	b.Automations.Stop()
	b.Tracker.Stop()
	b.StoreSync.Stop()
	b.Backups.Stop()
	b.Digest.Stop()
	b.Store.Close()
}
