package mail

import (
	"context"
	"time"

	"shopclerk/backend/domain"
)

// Quiet hours in the outbox: the flows plan marketing mail around the
// shop's quiet hours, but a message can still fall due inside them (queued
// at 20:59, retried after a server's "try later", a campaign sent late, a
// Send now pressed at midnight). The outbox is the last gate, so it holds
// such a message until the quiet hours end, in the shop's zone, and the
// Why column says so.

// QuietHours are the shop's quiet hours as set (domain.SettingQuietHours).
func (o *Outbox) QuietHours(ctx context.Context) domain.QuietHours {
	v, _ := o.store.Setting(ctx, domain.SettingQuietHours, "")
	return domain.ParseQuietHours(v)
}

// quietReason is the wait's reason: when the quiet hours end, shop time.
func quietReason(end time.Time, loc *time.Location) string {
	return "quiet hours until " + end.In(loc).Format("15:04") + ": marketing email waits, order emails still go"
}

// noteQuiet tells a run's result how many marketing messages wait for the
// quiet hours in force now, and until when: those this run held and those
// an earlier run held (which this run did not claim, as they are not due).
func (o *Outbox) noteQuiet(ctx context.Context, res *RunResult) error {
	in, end := o.QuietHours(ctx).At(o.clock.Now(), o.loc)
	if !in {
		return nil
	}
	n, err := o.store.CountMarketingDueBy(ctx, end)
	if err != nil || n == 0 {
		return err
	}
	res.QuietHeld, res.QuietUntil, res.QuietUntilShop = n, &end, end.In(o.loc).Format("15:04")
	return nil
}
