package app

import (
	"context"
	"strings"

	"shopclerk/backend/domain"
	"shopclerk/backend/runner"
	"shopclerk/backend/tracking/carrierapi"
)

// ShippingService serves the Shipments screen and Settings > Shipping:
// the shipments with their statuses and timelines, the tracking numbers
// waiting for their order, and the seller's carrier API keys.
type ShippingService struct{ app *App }

// Shipments returns one page of shipments, filtered.
func (s *ShippingService) Shipments(f domain.ShipmentFilter) (domain.ShipmentPage, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return domain.ShipmentPage{}, err
	}
	return b.Shipping.Shipments(ctx, f)
}

// Timeline returns a shipment's events, newest first.
func (s *ShippingService) Timeline(id int64) ([]domain.ShipmentEvent, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return nil, err
	}
	return b.Shipping.Timeline(ctx, id)
}

// Counts returns the shipments per status, the stuck and the unmatched.
func (s *ShippingService) Counts() (domain.ShipmentCounts, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return domain.ShipmentCounts{}, err
	}
	return b.Shipping.Counts(ctx)
}

// Unmatched lists the tracking numbers whose order is not in the shop yet.
func (s *ShippingService) Unmatched() ([]domain.UnmatchedTracking, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return nil, err
	}
	return b.Shipping.Unmatched(ctx)
}

// StartTrack asks the carriers with keys about the due shipments now, as
// a job ("track", paced to each carrier's limits); the result is a
// runner.TrackReport.
func (s *ShippingService) StartTrack() (string, error) {
	b, _, err := s.app.current()
	if err != nil {
		return "", err
	}
	return s.app.jobs.Start("track", func(ctx context.Context, progress func(Progress)) (any, error) {
		return b.Tracker.RunReporting(ctx, runner.Manual, func(p runner.TrackProgress) {
			progress(Progress{Done: int64(p.Asked), Message: "asking " + p.Carrier})
		})
	}), nil
}

// CarrierKeys says which carrier API keys are set (never the keys).
func (s *ShippingService) CarrierKeys() (carrierapi.KeyStatus, error) {
	b, _, err := s.app.current()
	if err != nil {
		return carrierapi.KeyStatus{}, err
	}
	k, err := b.CarrierKeys()
	return k.Status(), err
}

// SetCarrierKey saves a carrier's key in the keychain ("dhl": key; "usps":
// client id and secret); empty values remove it.
func (s *ShippingService) SetCarrierKey(carrier, key, secret string) error {
	b, _, err := s.app.current()
	if err != nil {
		return err
	}
	return b.SetCarrierKey(carrier, strings.TrimSpace(key), strings.TrimSpace(secret))
}
