package mail

import (
	"context"
	"errors"
	"strconv"
	"time"

	"shopclerk/backend/store"
)

// Sending that needs no babysitting: the one switch for automatic sending,
// the note of a mail server that stopped answering (so the Outbox can say
// since when), and SendPaced, which waits out the per-minute limit instead
// of stopping at it. The goroutine that sends by itself lives in
// backend/runner; it and Send now both go through the outbox's claims, one
// run at a time per shop.

// SettingAutoSend holds the automatic-sending switch: "on" or "off". It is
// unset until the account's first successful test email turns it on
// (TurnOnAutoSendAfterTest); after that only the seller changes it.
const SettingAutoSend = "mail.autosend"

// AutoSendOn reports whether the outbox sends by itself while the app is
// open.
func AutoSendOn(ctx context.Context, st *store.Store) (bool, error) {
	v, err := st.Setting(ctx, SettingAutoSend, "")
	return v == "on", err
}

// SetAutoSend is the seller's choice.
func SetAutoSend(ctx context.Context, st *store.Store, on bool) error {
	v := "off"
	if on {
		v = "on"
	}
	return st.SetSetting(ctx, SettingAutoSend, v)
}

// TurnOnAutoSendAfterTest turns automatic sending on after a test email
// went through, unless the seller has chosen either way before: the
// account is then known to work, and a message the seller approved should
// not wait for a click.
func TurnOnAutoSendAfterTest(ctx context.Context, st *store.Store) error {
	v, err := st.Setting(ctx, SettingAutoSend, "")
	if err != nil || v != "" {
		return err
	}
	return SetAutoSend(ctx, st, true)
}

const (
	serverDownKey       = "mail.server_down_since"
	serverDownReasonKey = "mail.server_down_reason"
)

// ServerDown is since when the mail server has not taken mail, and why.
type ServerDown struct {
	Since  time.Time `json:"since"`
	Reason string    `json:"reason"`
}

// unreachable marks a send run's error as the mail server's (it could not
// be reached, refused the login, or dropped the connection), not the shop
// database's: only those start or extend a ServerDown.
type unreachable struct{ error }

func (u unreachable) Unwrap() error { return u.error }

// ServerDownSince reports the outage the last send runs met; nil when the
// server took mail last time (or nothing was tried).
func (o *Outbox) ServerDownSince(ctx context.Context) *ServerDown {
	v, _ := o.store.Setting(ctx, serverDownKey, "")
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n == 0 {
		return nil
	}
	reason, _ := o.store.Setting(ctx, serverDownReasonKey, "")
	return &ServerDown{Since: time.Unix(n, 0).UTC(), Reason: reason}
}

// noteServer records what a send run learnt about the server: an outage
// starts (keeping its first moment) or ends when the server answered about
// a message.
func (o *Outbox) noteServer(ctx context.Context, res RunResult, err error) {
	var u unreachable
	switch {
	case errors.As(err, &u):
		if o.ServerDownSince(ctx) == nil {
			o.store.SetSetting(ctx, serverDownKey, strconv.FormatInt(o.clock.Now().Unix(), 10))
		}
		o.store.SetSetting(ctx, serverDownReasonKey, err.Error())
	case err == nil && res.Sent+res.Deferred+res.Failed+res.InDoubt > 0:
		if o.ServerDownSince(ctx) != nil {
			o.store.SetSetting(ctx, serverDownKey, "0")
		}
	}
}

// PacedOptions bound SendPaced.
type PacedOptions struct {
	RunOptions // Max bounds each run; Progress counts across runs
	// Wait sleeps until the clock reaches until, or returns ctx's error
	// when ctx ends first; why says what is waited for. nil: no waiting,
	// SendPaced is Send.
	Wait func(ctx context.Context, until time.Time, why string) error
}

// SendPaced is Send that goes on until nothing is due: at the per-minute
// limit it waits (opt.Wait) and sends on, where a single run stops. It
// stops at a longer hold (today's limit, the provider's quota), an error,
// or when ctx ends. The report adds the runs up; its pause is the last
// run's.
func (o *Outbox) SendPaced(ctx context.Context, opt PacedOptions) (SendReport, error) {
	var sum Progress
	progress := opt.Progress
	if progress != nil {
		opt.Progress = func(p Progress) {
			// A run's total is what it saw waiting, the earlier runs' part
			// of which is done.
			p.Done += sum.Done
			p.Total += sum.Done
			progress(p)
		}
	}
	rep, err := o.Send(ctx, opt.RunOptions)
	max := opt.Max
	if max <= 0 {
		max = defaultRunMax
	}
	for err == nil && opt.Wait != nil && ctx.Err() == nil {
		last := rep.Run
		switch {
		case last.PausedUntil != nil && last.PauseLimit == LimitMinute:
			if werr := opt.Wait(ctx, *last.PausedUntil, last.PauseReason); werr != nil {
				return rep, nil // stopped while waiting: what went is reported
			}
		case last.PausedUntil == nil && last.Done-sum.Done >= max:
			// The run's bound, not the queue's end: go on.
		default:
			return rep, nil
		}
		sum = rep.Run.Progress
		var next RunResult
		next, err = o.Run(ctx, opt.RunOptions)
		o.noteServer(ctx, next, err)
		rep.Run = addRuns(rep.Run, next)
	}
	return rep, err
}

// addRuns is the report of two runs in a row.
func addRuns(a, b RunResult) RunResult {
	out := b
	out.Done, out.Total = a.Done+b.Done, a.Done+b.Total
	out.Sent, out.Deferred, out.Failed = a.Sent+b.Sent, a.Deferred+b.Deferred, a.Failed+b.Failed
	out.InDoubt, out.Cancelled = a.InDoubt+b.InDoubt, a.Cancelled+b.Cancelled
	out.FiledCopies = a.FiledCopies + b.FiledCopies
	if out.FileError == "" {
		out.FileError = a.FileError
	}
	return out
}

// NextDue tells when the earliest queued or deferred message is due; nil
// when none waits.
func (o *Outbox) NextDue(ctx context.Context) (*time.Time, error) { return o.store.NextDue(ctx) }

// ServerTrouble reports whether err is the mail server's (unreachable,
// login refused, connection dropped) rather than the shop's.
func ServerTrouble(err error) bool {
	var u unreachable
	return errors.As(err, &u)
}
