package service

import (
	"context"
	"log/slog"
	"time"

	"shopclerk/backend/campaigns"
	"shopclerk/backend/clock"
	"shopclerk/backend/customers"
	"shopclerk/backend/email"
	"shopclerk/backend/mail"
	"shopclerk/backend/rules"
	"shopclerk/backend/store/campaignsdb"
	"shopclerk/backend/store/outboxdb"
)

// newCampaigns builds the campaigns over the shop: the flows' settings
// (quiet hours, weekly cap, confirmation), the saved email templates, and
// Message-IDs made as the automations make theirs.
func newCampaigns(outbox *outboxdb.DB, cust *customers.Service, engine *rules.Engine, clk clock.Clock, log *slog.Logger) *campaigns.Service {
	st := outbox.Store
	tpl := &mail.Templates{Store: outbox}
	return campaigns.New(campaignsdb.New(st), cust, clk, campaigns.Options{
		Settings: engine.LoadSettings,
		Renderer: func(ctx context.Context) (email.Renderer, error) { return tpl.Snapshot(ctx) },
		MessageID: func(ctx context.Context) func(time.Time) string {
			from := messageIDSender(ctx, st, log)
			return func(now time.Time) string { return mail.NewMessageID(from, now) }
		},
		Log: log,
	})
}

// AdvanceCampaigns chooses the A/B winners that are due and wakes the
// sender for the rest's emails (after each scheduled automation run).
func (b *Shop) AdvanceCampaigns(ctx context.Context) {
	ids, err := b.Campaigns.Advance(ctx)
	if err != nil {
		b.Log.Warn("campaign winners not chosen; the next run tries again", "err", err)
	}
	if len(ids) > 0 {
		b.AutoSend.Wake()
	}
}
