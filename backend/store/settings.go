package store

import (
	"context"
	"database/sql"
	"time"

	"shopclerk/backend/domain"
)

// Setting returns a stored setting, or def when it was never set.
func (s *Store) Setting(ctx context.Context, key, def string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, q("SettingGet"), key).Scan(&v)
	if err == sql.ErrNoRows {
		return def, nil
	}
	if err != nil {
		return def, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read its settings")
	}
	return v, nil
}

// SetSetting stores a setting.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	if _, err := s.db.ExecContext(ctx, q("SettingSet"), key, value); err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not save the setting")
	}
	return nil
}

// Location is the shop's time zone, for day boundaries (invariant 5).
func (s *Store) Location(ctx context.Context) *time.Location {
	name, _ := s.Setting(ctx, domain.SettingTimeZone, "UTC")
	loc, err := time.LoadLocation(name)
	if err != nil {
		return time.UTC
	}
	return loc
}

// Dashboard summarises the shop for the first screen. "Today" and the 30-day
// chart follow the shop's time zone.
func (s *Store) Dashboard(ctx context.Context) (domain.Dashboard, error) {
	d := domain.Dashboard{LowStock: []domain.StockRow{}, Last30Days: []domain.DayPoint{}, ShipmentsByStatus: map[string]int{}}
	loc := s.Location(ctx)
	now := s.clock.Now().In(loc)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, loc)
	from := today.AddDate(0, 0, -29)
	fail := func(err error) (domain.Dashboard, error) {
		return d, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the dashboard figures")
	}
	var err error
	if err := s.db.QueryRowContext(ctx, q("DashCurrency")).Scan(&d.Currency); err != nil && err != sql.ErrNoRows {
		return fail(err)
	}
	if d.Currency == "" { // no orders yet: the shop's own currency, never a guess
		if d.Currency, err = s.Setting(ctx, domain.SettingShopCurrency, ""); err != nil {
			return d, err
		}
	}
	if err := s.db.QueryRowContext(ctx, q("DashTotals")).Scan(&d.TotalOrders, &d.TotalCustomers, &d.AbandonedCarts,
		&d.AbandonedValue, &d.OutboxWaiting); err != nil {
		return fail(err)
	}
	// Orders are bucketed by day in Go, since SQLite knows no time zones;
	// 30 days of orders is small even on a large shop.
	rows, err := s.db.QueryContext(ctx, q("DashOrdersSince"), from.Unix(), d.Currency)
	if err != nil {
		return fail(err)
	}
	defer rows.Close()
	byDay := map[string]*domain.DayPoint{}
	for i := 0; i < 30; i++ {
		day := from.AddDate(0, 0, i).Format("2006-01-02")
		d.Last30Days = append(d.Last30Days, domain.DayPoint{Day: day})
	}
	for i := range d.Last30Days {
		byDay[d.Last30Days[i].Day] = &d.Last30Days[i]
	}
	for rows.Next() {
		var at, total int64
		if err := rows.Scan(&at, &total); err != nil {
			return fail(err)
		}
		if p := byDay[time.Unix(at, 0).In(loc).Format("2006-01-02")]; p != nil {
			p.Orders++
			p.Revenue += total
		}
	}
	if err := rows.Err(); err != nil {
		return fail(err)
	}
	last := d.Last30Days[len(d.Last30Days)-1]
	d.TodayOrders, d.TodayRevenue = last.Orders, last.Revenue
	low, err := s.ListStock(ctx, domain.PageRequest{Filter: "low", Sort: "available", Limit: 8})
	if err != nil {
		return d, err
	}
	d.LowStock, d.LowStockCount = low.Rows, low.Total
	srows, err := s.db.QueryContext(ctx, q("DashShipments"))
	if err != nil {
		return fail(err)
	}
	defer srows.Close()
	for srows.Next() {
		var st string
		var n int
		if err := srows.Scan(&st, &n); err != nil {
			return fail(err)
		}
		d.ShipmentsByStatus[st] = n
	}
	return d, srows.Err()
}
