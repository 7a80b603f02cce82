package service

import (
	"context"
	"log/slog"
	"time"

	"shopclerk/backend/customers"
	"shopclerk/backend/domain"
	"shopclerk/backend/email"
	"shopclerk/backend/importer"
	"shopclerk/backend/inventory"
	"shopclerk/backend/mail"
	"shopclerk/backend/rules"
	"shopclerk/backend/store"
	"shopclerk/backend/store/inventorydb"
	"shopclerk/backend/store/rulesdb"
)

// NewAutomationEngine builds the rules engine with the mail package's
// templates and Message-IDs, so automation emails look like, and are
// tracked like, every other email the shop sends. The schedule, the CLI and
// the Automations screen all use it. Building it reads nothing: the account
// is read by a run that queues an email. cust answers conditions about a
// customer's segments and products; nil when only detecting (detection
// reads no customer facts).
func NewAutomationEngine(st *rulesdb.DB, cust *customers.Service, log *slog.Logger) *rules.Engine {
	return rules.New(st, AutomationOptions(st, cust, log))
}

// AutomationOptions are NewAutomationEngine's options, for callers that add
// to them (the headless run's crash failpoint).
func AutomationOptions(st *rulesdb.DB, cust *customers.Service, log *slog.Logger) rules.Options {
	o := rules.Options{Log: log, Renderer: &mail.Templates{Store: st.DB}, Reorderer: newInventoryReorderer(st),
		MessageID: func(ctx context.Context) func(time.Time) string {
			from := messageIDSender(ctx, st.Store, log)
			return func(now time.Time) string { return mail.NewMessageID(from, now) }
		}}
	if cust != nil {
		o.Customers = cust
	}
	return o
}

// messageIDSender is the address automation Message-IDs are made under:
// the mail account's sender, or the shop's address before there is one.
// A run asks once, at its first email, so the Automations screen's other
// calls never read the account and a run after the seller saved a new one
// (app/mail.go) uses it, including the schedule's long-lived engine.
func messageIDSender(ctx context.Context, st *store.Store, log *slog.Logger) string {
	acct, _, err := mail.LoadAccount(ctx, st)
	if err != nil {
		log.Warn("mail account not readable; automation emails use the shop address for Message-IDs", "err", err)
	}
	if acct.FromAddress != "" {
		return acct.FromAddress
	}
	from, _ := st.Setting(ctx, email.SettingShopEmail, "")
	return from
}

// DetectChanges lets the automation engine record what an import changed
// (consent given or withdrawn, tags, shipment status) right away: those are
// seen by comparing states, so a later import must not overwrite a state
// the engine never saw. A failure is logged; the import stands.
func DetectChanges(ctx context.Context, e *rules.Engine, log *slog.Logger) {
	if n, err := e.DetectNow(ctx); err != nil {
		log.Warn("automation events not detected after import", "err", err)
	} else if n > 0 {
		log.Info("automation events detected after import", "events", n)
	}
}

// DetectAfterImport is DetectChanges for `shopclerk import`, whose one
// import needs one engine.
func DetectAfterImport(ctx context.Context, st *store.Store, log *slog.Logger) {
	DetectChanges(ctx, NewAutomationEngine(rulesdb.New(st), nil, log), log)
}

// Rescore scores the customers again after an import: RFM segments move
// with every order. A failure is logged; the import stands.
func Rescore(ctx context.Context, c *customers.Service, log *slog.Logger) {
	if res, err := c.Recompute(ctx); err != nil {
		log.Warn("customers not scored after import", "err", err)
	} else {
		log.Info("customers scored after import", "scored", res.Scored, "seconds", res.Seconds)
	}
}

// inventoryReorderer gives the automations' low-stock flows the Inventory
// screen's decision: a flow drafts what "Reorder now" would, per SKU.
type inventoryReorderer struct{ svc *inventory.Service }

var _ rules.Reorderer = inventoryReorderer{}

// newInventoryReorderer decides over the engine's shop; it only reads, so
// it needs no mailer, and each plan passes its own now.
func newInventoryReorderer(st *rulesdb.DB) inventoryReorderer {
	return inventoryReorderer{inventory.New(&inventorydb.DB{DB: st.DB}, nil, nil)}
}

func (r inventoryReorderer) Begin(ctx context.Context, now time.Time) (rules.ReorderDecider, error) {
	a, err := r.svc.Advisor(ctx, now)
	if err != nil {
		return nil, err
	}
	return advisorDecider{a}, nil
}

type advisorDecider struct{ a *inventory.Advisor }

func (d advisorDecider) Advise(ctx context.Context, p rulesdb.ProductInfo, _ int) (domain.ReorderAdvice, error) {
	return d.a.Advise(ctx, p.SKU)
}

// ImportOptions fills what an import takes from the shop when the
// seller did not say: the currency of files that name none (the shop's,
// else its orders'; never a default of Shopclerk's own) and the zone of
// dates written without one. known is false when the shop has no currency
// yet: the caller says so, as the importer then reads such amounts as USD.
func ImportOptions(ctx context.Context, st *store.Store, o importer.Options) (out importer.Options, known bool) {
	if o.Currency == "" {
		o.Currency, _ = st.Currency(ctx)
	}
	if o.Location == nil {
		o.Location = st.Location(ctx)
	}
	return o, o.Currency != ""
}
