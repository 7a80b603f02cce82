package app

import (
	"shopclerk/backend/campaigns"
)

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
	return b.Campaigns.Segments(ctx)
}

// Preview shows what the campaign being written would send.
func (s *CampaignService) Preview(spec campaigns.Spec) (campaigns.Preview, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return campaigns.Preview{}, err
	}
	return b.Campaigns.PreviewSpec(ctx, spec)
}

// Create saves the campaign as a draft.
func (s *CampaignService) Create(spec campaigns.Spec) (campaigns.Campaign, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return campaigns.Campaign{}, err
	}
	return b.Campaigns.Create(ctx, spec)
}

// Send starts the campaign (or queues the rest once its winner is due);
// confirm is the seller's yes to a large audience.
func (s *CampaignService) Send(id int64, confirm bool) (campaigns.Campaign, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return campaigns.Campaign{}, err
	}
	c, err := b.Campaigns.Send(ctx, id, confirm)
	if err == nil {
		b.AutoSend.Wake()
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
	b.AdvanceCampaigns(ctx)
	return b.Campaigns.List(ctx)
}

// Cancel gives up a draft.
func (s *CampaignService) Cancel(id int64) error {
	b, ctx, err := s.app.current()
	if err != nil {
		return err
	}
	return b.Campaigns.Cancel(ctx, id)
}
