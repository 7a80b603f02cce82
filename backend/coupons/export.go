package coupons

import (
	"context"
	"encoding/csv"
	"io"
	"strconv"

	"shopclerk/backend/domain"
	"shopclerk/backend/email"
)

// exportHeader is the Discounts sheet of Matrixify, the app Shopify sellers
// import discount codes with (Shopify's admin makes codes but imports no
// discount file); its file name must contain "discount". One row per code:
// each is its own discount, usable once, by its customer once.
var exportHeader = []string{"Title", "Command", "Code", "Type", "Value", "Minimum Purchase Amount", "Starts At", "Ends At",
	"Usage Limit", "Once Per Customer", "Status"}

// Export writes the coupons neither redeemed nor expired in the shape above
// and returns how many.
func (s *Service) Export(ctx context.Context, w io.Writer) (int, error) {
	rows, err := s.db.ExportCoupons(ctx)
	if err != nil {
		return 0, err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(exportHeader); err != nil {
		return 0, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not write the export")
	}
	for _, c := range rows {
		typ, value := "Percentage", strconv.Itoa(c.PercentOff)
		switch {
		case c.AmountOff > 0:
			typ, value = "Fixed Amount", email.Decimal(c.AmountOff, c.Currency)
		case c.PercentOff == 0 && c.FreeShipping:
			typ, value = "Free Shipping", "100"
		}
		min := ""
		if c.MinSpend > 0 {
			min = email.Decimal(c.MinSpend, c.Currency)
		}
		ends := ""
		if c.ExpiresAt != nil {
			ends = c.ExpiresAt.Format("2006-01-02 15:04:05 -0700")
		}
		title := "Shopclerk " + email.CouponDescription(c.PercentOff, c.AmountOff, c.Currency, c.FreeShipping)
		if err := cw.Write([]string{title, "NEW", c.Code, typ, value, min, c.IssuedAt.Format("2006-01-02 15:04:05 -0700"), ends,
			"1", "TRUE", "Active"}); err != nil {
			return 0, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not write the export")
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return 0, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not write the export")
	}
	return len(rows), nil
}
