package app

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

// advanceCampaigns chooses the A/B winners that are due and wakes the
// sender for the rest's emails (after each scheduled automation run).
func (b *backend) advanceCampaigns(ctx context.Context) {
	ids, err := b.campaigns.Advance(ctx)
	if err != nil {
		b.log.Warn("campaign winners not chosen; the next run tries again", "err", err)
	}
	if len(ids) > 0 {
		b.autosend.Wake()
	}
}

// CampaignService serves Marketing > Campaigns: the segments with who may
// get a campaign, the preview of exactly what goes out, creating, sending
// (with confirmation above the shop's setting) and each campaign's
// progress.
type CampaignService struct{ app *App }

// Segments lists the audiences with their members and how many may get it.
func (s *CampaignService) Segments() ([]campaigns.SegmentAudience, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return nil, err
	}
	return b.campaigns.Segments(ctx)
}

// Preview shows what the campaign being written would send.
func (s *CampaignService) Preview(spec campaigns.Spec) (campaigns.Preview, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return campaigns.Preview{}, err
	}
	return b.campaigns.PreviewSpec(ctx, spec)
}

// Create saves the campaign as a draft.
func (s *CampaignService) Create(spec campaigns.Spec) (campaigns.Campaign, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return campaigns.Campaign{}, err
	}
	return b.campaigns.Create(ctx, spec)
}

// Send starts the campaign (or queues the rest once its winner is due);
// confirm is the seller's yes to a large audience.
func (s *CampaignService) Send(id int64, confirm bool) (campaigns.Campaign, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return campaigns.Campaign{}, err
	}
	c, err := b.campaigns.Send(ctx, id, confirm)
	if err == nil {
		b.autosend.Wake()
	}
	return c, err
}

// List returns the campaigns with their progress; winners that are due
// are chosen first, so the list shows them.
func (s *CampaignService) List() ([]campaigns.Campaign, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return nil, err
	}
	b.advanceCampaigns(ctx)
	return b.campaigns.List(ctx)
}

// Cancel gives up a draft.
func (s *CampaignService) Cancel(id int64) error {
	b, ctx, err := s.app.current()
	if err != nil {
		return err
	}
	return b.campaigns.Cancel(ctx, id)
}
