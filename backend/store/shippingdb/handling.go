package shippingdb

import (
	"context"
	"strconv"
	"strings"

	"shopclerk/backend/domain"
)

// MaxHandlingDays bounds the handling time a seller may set.
const MaxHandlingDays = 30

// HandlingDays is how many working days an order takes to leave the shop
// (domain.SettingHandlingDays; the default when never set or unreadable).
func (s *DB) HandlingDays(ctx context.Context) (int, error) {
	raw, err := s.Setting(ctx, domain.SettingHandlingDays, "")
	if err != nil {
		return domain.DefaultHandlingDays, err
	}
	n, err := strconv.Atoi(strings.TrimSpace(raw))
	if err != nil || n < 0 || n > MaxHandlingDays {
		return domain.DefaultHandlingDays, nil
	}
	return n, nil
}

// SetHandlingDays saves the handling time.
func (s *DB) SetHandlingDays(ctx context.Context, days int) error {
	if days < 0 || days > MaxHandlingDays {
		return domain.Errorf(domain.CodeInvalid, "the handling time is 0 to %d working days", MaxHandlingDays)
	}
	return s.SetSetting(ctx, domain.SettingHandlingDays, strconv.Itoa(days))
}
