package app

import (
	"bytes"
	"os"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"shopclerk/backend/domain"
	"shopclerk/backend/importer"
)

// CouponService serves the Coupons screen and the attribution charts (the
// dashboard's and each flow's): the coupons with their status and the
// order that redeemed them, the pool of store-made codes, the export of
// issued codes, and what the flows earned.
type CouponService struct{ app *App }

// List returns one page of coupons, filtered, with the counts per status
// and the pool's state.
func (s *CouponService) List(f domain.CouponFilter) (domain.CouponPage, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return domain.CouponPage{}, err
	}
	return b.Coupons.List(ctx, f)
}

// Attribution counts what one flow (FlowID), one campaign, or all of them
// earned, per email step and per week, from the orders' discount codes.
func (s *CouponService) Attribution(f domain.AttributionFilter) (domain.Attribution, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return domain.Attribution{}, err
	}
	return b.Coupons.Attribution(ctx, f)
}

// ImportPoolUpload adds the codes of a file the browser sent (see
// ImportService.UploadChunk) to the pool, all or none.
func (s *CouponService) ImportPoolUpload(id, name string) (domain.PoolImport, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return domain.PoolImport{}, err
	}
	spec, err := s.app.uploads.Spec(id, name, importer.Options{})
	if err != nil {
		return domain.PoolImport{}, err
	}
	defer s.app.uploads.Discard(id)
	return b.Coupons.ImportPool(ctx, spec.Path, name)
}

// Export asks where to save the codes still to be redeemed, in the shape a
// Shopify discount import takes, and returns the path ("" when cancelled).
func (s *CouponService) Export() (string, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if _, err := b.Coupons.Export(ctx, &buf); err != nil {
		return "", err
	}
	path, err := runtime.SaveFileDialog(s.app.ctx, runtime.SaveDialogOptions{DefaultFilename: "shopclerk-discounts.csv", Title: "Save the coupon codes"})
	if err != nil || path == "" {
		return "", err
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		return "", domain.Wrap(err, domain.CodeInvalid, "Shopclerk could not write "+path)
	}
	return path, nil
}
