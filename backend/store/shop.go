package store

import (
	"context"
	"database/sql"
	"errors"

	"shopclerk/backend/domain"
)

// shopKeys maps each setting of the shop's identity to its field.
func shopKeys(s *domain.ShopIdentity) map[string]*string {
	return map[string]*string{
		domain.SettingShopName: &s.Name, domain.SettingShopLegalName: &s.LegalName, domain.SettingShopAddress: &s.Address,
		domain.SettingShopDeliveryAddress: &s.DeliveryAddress, domain.SettingShopEmail: &s.Email, domain.SettingShopPhone: &s.Phone,
		domain.SettingShopWebsite: &s.Website, domain.SettingShopCurrency: &s.Currency, domain.SettingTimeZone: &s.TimeZone,
		domain.SettingShopLanguage: &s.Language, domain.SettingShopVATNumber: &s.VATNumber,
	}
}

// Shop reads the shop's identity: what the seller saved, empty fields for
// what they never gave (no "Your shop", no USD: the callers decide what a
// missing field means for them).
func (s *Store) Shop(ctx context.Context) (domain.ShopIdentity, error) {
	var id domain.ShopIdentity
	fail := func(err error) (domain.ShopIdentity, error) {
		return id, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the shop's details")
	}
	rows, err := s.db.QueryContext(ctx, q("ShopSettings"))
	if err != nil {
		return fail(err)
	}
	defer rows.Close()
	fields := shopKeys(&id)
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return fail(err)
		}
		if f := fields[k]; f != nil {
			*f = v
		}
	}
	if err := rows.Err(); err != nil {
		return fail(err)
	}
	if err := s.db.QueryRowContext(ctx, q("ShopLogoType")).Scan(&id.Logo); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fail(err)
	}
	return id, nil
}

// SetShop checks and saves the shop's identity, every field at once (an
// empty one is removed): all of it is saved, or, with a problem in any
// field, none of it. The logo is kept; it is set apart (SetShopLogo).
func (s *Store) SetShop(ctx context.Context, id domain.ShopIdentity) (domain.ShopIdentity, error) {
	id = id.Normalized()
	if err := id.Check(); err != nil {
		return id, err
	}
	err := s.InTx(ctx, func(tx *sql.Tx) error {
		for k, v := range shopKeys(&id) {
			var err error
			if *v == "" {
				_, err = tx.ExecContext(ctx, q("SettingDelete"), k)
			} else {
				_, err = tx.ExecContext(ctx, q("SettingSet"), k, *v)
			}
			if err != nil {
				return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not save the shop's details")
			}
		}
		return nil
	})
	if err != nil {
		return id, err
	}
	return s.Shop(ctx)
}

// ShopLogo returns the logo, or one with no Data when there is none.
func (s *Store) ShopLogo(ctx context.Context) (domain.ShopLogo, error) {
	var l domain.ShopLogo
	err := s.db.QueryRowContext(ctx, q("ShopLogoGet")).Scan(&l.Type, &l.Data)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return l, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the shop's logo")
	}
	return l, nil
}

// SetShopLogo checks an image file (domain.CheckLogo) and keeps it as the
// shop's logo; nil data removes the logo.
func (s *Store) SetShopLogo(ctx context.Context, data []byte) (domain.ShopLogo, error) {
	if data == nil {
		if _, err := s.db.ExecContext(ctx, q("ShopLogoDelete")); err != nil {
			return domain.ShopLogo{}, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not remove the logo")
		}
		return domain.ShopLogo{}, nil
	}
	typ, err := domain.CheckLogo(data)
	if err != nil {
		return domain.ShopLogo{}, err
	}
	if _, err := s.db.ExecContext(ctx, q("ShopLogoSet"), typ, data, s.Now()); err != nil {
		return domain.ShopLogo{}, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not save the logo")
	}
	return domain.ShopLogo{Type: typ, Data: data}, nil
}

// Currency is the currency amounts without one are in: the shop's
// (Settings > Shop), else that of its newest order, else "" (unknown: the
// caller asks, rather than guess one).
func (s *Store) Currency(ctx context.Context) (string, error) {
	cur, err := s.Setting(ctx, domain.SettingShopCurrency, "")
	if err != nil || cur != "" {
		return cur, err
	}
	if err := s.db.QueryRowContext(ctx, q("DashCurrency")).Scan(&cur); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the shop's currency")
	}
	return cur, nil
}
