package runner

import (
	"context"
	"log/slog"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/inventory"
	"shopclerk/backend/mail"
	"shopclerk/backend/store"
)

// DigestHour is the hour of the shop's day from which the morning
// low-stock digest goes out; the Inventory screen tells the seller this
// same hour, so the two cannot disagree.
const DigestHour = 8

// NewDigest is the morning low-stock digest: from DigestHour on, each
// hourly check queues the day's digest (at most once per shop day).
func NewDigest(st *store.Store, inv *inventory.Service, clk clock.Clock, log *slog.Logger) *Daily {
	return NewDaily("low-stock digest", DigestHour, st, clk, log, func(ctx context.Context) error {
		_, err := SendDigest(ctx, st, inv, false)
		return err
	})
}

// SendDigest queues today's low-stock digest from and to the mail
// account's address, rendered in the shop's email layout with its
// Message-IDs; dryRun only shows it. The account is read now, at each
// digest, so one saved while the app is open applies to the next.
func SendDigest(ctx context.Context, st *store.Store, inv *inventory.Service, dryRun bool) (inventory.Digest, error) {
	acct, _, _ := mail.LoadAccount(ctx, st) // no account: SendDigest says so
	shop, _ := st.Setting(ctx, domain.SettingShopName, "")
	return inv.SendDigest(ctx, inventory.DigestOptions{DryRun: dryRun, To: acct.FromAddress, ToName: acct.FromName, ShopName: shop,
		Renderer:  &mail.Templates{},
		MessageID: func(now time.Time) string { return mail.NewMessageID(acct.FromAddress, now) }})
}
