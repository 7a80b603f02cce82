package mail

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/store/outboxdb"
)

// Mailbox is what the outbox needs from the seller's IMAP mailbox; the
// inbox package implements it. Every method may fail when the mailbox
// cannot be reached, and the outbox then leaves decisions to the seller.
type Mailbox interface {
	// FindMessageIDs reports which ids are in the Sent folder, or, with
	// inbox, in INBOX (where copies to the seller's own address land).
	FindMessageIDs(ctx context.Context, ids []string, inbox bool) (map[string]bool, error)
	// AppendSent files copies of sent messages in the Sent folder.
	AppendSent(ctx context.Context, raws [][]byte) error
}

// Outbox runs the state machine of invariant 3 over the store's messages.
type Outbox struct {
	store   *outboxdb.DB
	clock   clock.Clock
	account Account
	dial    Dialer
	mailbox Mailbox   // nil when no IMAP account is set up
	check   SendCheck // nil: automation emails are not re-checked
	loc     *time.Location
	log     *slog.Logger
	hold    HoldBack // nil: nothing holds a message back
}

// HoldBack may keep a message from going for now and says why (the store
// connectors: a coupon the email shows is not a code in the store yet).
// A held message is deferred, not sent, and tried again after HoldRetry.
type HoldBack func(ctx context.Context, m domain.OutboxMessage) (why string, err error)

// HoldRetry is how soon a held message is tried again.
const HoldRetry = time.Minute

// HoldBy sets what may hold messages back.
func (o *Outbox) HoldBy(h HoldBack) { o.hold = h }

// NewOutbox wires an outbox. mailbox may be nil; loc is the shop's time
// zone for the daily limit (nil means UTC).
func NewOutbox(st *outboxdb.DB, clk clock.Clock, a Account, dial Dialer, mailbox Mailbox, loc *time.Location, log *slog.Logger) *Outbox {
	if loc == nil {
		loc = time.UTC
	}
	if log == nil {
		log = slog.Default()
	}
	return &Outbox{store: st, clock: clk, account: a, dial: dial, mailbox: mailbox, loc: loc, log: log}
}

// Account is the account the outbox sends from.
func (o *Outbox) Account() Account { return o.account }

// MaxAttempts is how often a temporarily refused message is tried before
// it fails for good (the back-off below adds up to about a day).
const MaxAttempts = 8

// InDoubtGrace is how long after an interrupted send a message missing
// from the Sent folder counts as proven unsent: providers file sent mail
// within seconds, a confirm copy within a minute.
const InDoubtGrace = 2 * time.Minute

// Backoff is the wait after the n-th temporary refusal.
func Backoff(attempt int) time.Duration {
	steps := []time.Duration{time.Minute, 5 * time.Minute, 15 * time.Minute, time.Hour, 3 * time.Hour, 6 * time.Hour, 12 * time.Hour}
	if attempt < 1 {
		attempt = 1
	}
	if attempt > len(steps) {
		return steps[len(steps)-1]
	}
	return steps[attempt-1]
}

// Enqueue adds a message to the outbox with its Message-ID. A message with
// a ledger key already present is not added again.
func (o *Outbox) Enqueue(ctx context.Context, m *domain.OutboxMessage) (int64, error) {
	now := o.clock.Now()
	if _, err := parseAddr(m.ToAddr); err != nil {
		return 0, domain.Errorf(domain.CodeInvalid, "%q is not a valid email address", oneLine(m.ToAddr))
	}
	if size := attachmentBytes(*m); size > MaxAttachmentBytes {
		return 0, attachmentsTooBig(size)
	}
	if m.Kind == "" {
		m.Kind = domain.KindTransactional
	}
	if m.MessageID == "" {
		m.MessageID = NewMessageID(o.account.FromAddress, now)
	}
	m.ToAddr = strings.ToLower(strings.TrimSpace(m.ToAddr))
	id, _, err := o.store.EnqueueMessage(ctx, m)
	return id, err
}

// Progress is reported after each message of a run.
type Progress struct {
	Done      int    `json:"done"`
	Total     int    `json:"total"`
	Sent      int    `json:"sent"`
	Deferred  int    `json:"deferred"`
	Failed    int    `json:"failed"`
	InDoubt   int    `json:"inDoubt"`
	Cancelled int    `json:"cancelled"`
	Current   string `json:"current"`
}

// RunResult is what one run of the send loop did.
type RunResult struct {
	Progress
	// PausedUntil is set when a limit stopped the run: the per-minute or
	// daily throttle, or a quota reply from the provider.
	PausedUntil *time.Time `json:"pausedUntil"`
	PauseReason string     `json:"pauseReason"`
	PauseLimit  Limit      `json:"pauseLimit"`
	FiledCopies int        `json:"filedCopies"`
	FileError   string     `json:"fileError"`
	// QuietHeld counts the marketing messages that wait for the shop's
	// quiet hours to end, held by this run or an earlier one (they are
	// among Deferred when this run held them); QuietUntil is when the
	// quiet hours end and QuietUntilShop the same as the shop's clock
	// shows it ("08:00"), so a Send now at night says why nothing went.
	QuietHeld      int        `json:"quietHeld"`
	QuietUntil     *time.Time `json:"quietUntil"`
	QuietUntilShop string     `json:"quietUntilShop"`
}

// defaultRunMax bounds a run whose options give no Max.
const defaultRunMax = 500

// RunOptions bound a run.
type RunOptions struct {
	Max      int            // at most this many messages (default 500)
	Progress func(Progress) // called after each message; may be nil
}

const (
	pauseKey       = "mail.paused_until"
	pauseReasonKey = "mail.pause_reason"
)

// Paused returns the provider-quota pause in force, if any.
func (o *Outbox) Paused(ctx context.Context) (*time.Time, string) {
	v, _ := o.store.Setting(ctx, pauseKey, "")
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n == 0 {
		return nil, ""
	}
	t := time.Unix(n, 0).UTC()
	if !o.clock.Now().Before(t) {
		return nil, ""
	}
	reason, _ := o.store.Setting(ctx, pauseReasonKey, "")
	return &t, reason
}

func (o *Outbox) pause(ctx context.Context, until time.Time, reason string) {
	o.store.SetSetting(ctx, pauseKey, strconv.FormatInt(until.Unix(), 10))
	o.store.SetSetting(ctx, pauseReasonKey, reason)
}

// Resume lifts a quota pause (the seller knows better, or raised a limit).
func (o *Outbox) Resume(ctx context.Context) error {
	return o.store.SetSetting(ctx, pauseKey, "0")
}

// Run sends what is due over one reused connection, until the outbox is
// empty, a limit is reached, ctx is cancelled or opt.Max messages went.
// Each message is claimed ('sending', committed) and named in the send
// journal before its final dot, and moved on by the server's
// answer, so a crash at any point leaves a state the next start can resolve
// without a blind resend. The claiming and recording run on a feeder
// goroutine beside the sending (see feeder.go); every outcome is recorded
// before Run returns. Sent copies are filed beside the run, starting with
// those a stopped run left (see sentcopies.go).
func (o *Outbox) Run(ctx context.Context, opt RunOptions) (res RunResult, err error) {
	o.loadLogo(ctx)
	cf := o.startFiling(ctx)
	defer func() { res.FiledCopies, res.FileError = cf.finish() }()
	defer func() {
		if err == nil {
			err = o.noteQuiet(ctx, &res)
		}
	}()
	if opt.Max <= 0 {
		opt.Max = defaultRunMax
	}
	if until, why := o.Paused(ctx); until != nil {
		res.PausedUntil, res.PauseReason, res.PauseLimit = until, why, LimitQuota
		return res, nil
	}
	counts, err := o.store.CountMessagesByStatus(ctx)
	if err != nil {
		return res, err
	}
	res.Total = min(counts[domain.MsgQueued]+counts[domain.MsgDeferred], opt.Max)
	thr, err := o.newThrottle(ctx)
	if err != nil {
		return res, err
	}
	j, err := o.store.OpenSendJournal()
	if err != nil {
		return res, err
	}
	defer j.Close()
	b, err := o.store.BeginOutboxBatch(ctx)
	if err != nil {
		return res, err
	}
	defer b.Close()
	b.Stamp = o.claimStamp()
	f := o.startFeeder(ctx, b, opt.Max)
	defer f.finish() // before b.Close: the feeder is joined on every way out
	var pause *time.Time
	res, err = o.sendClaimed(ctx, f, j, thr, opt, res, &pause)
	// Every outcome is recorded before the run reports: the Sent copies,
	// the throttle and the next run read them.
	if ferr := f.finish(); ferr != nil && err == nil {
		err = ferr
	}
	if pause != nil {
		o.pause(ctx, *pause, res.PauseReason)
	}
	return res, err
}

// sendClaimed is Run's sending side: it takes the messages the feeder
// claimed and rendered, sends them over one reused connection and hands
// each outcome back to the feeder.
func (o *Outbox) sendClaimed(ctx context.Context, f *feeder, j *outboxdb.SendJournal, thr *throttle, opt RunOptions, res RunResult, pause **time.Time) (RunResult, error) {
	var conn Conn
	defer func() {
		if conn != nil {
			conn.Close()
		}
	}()
	report := func(m domain.OutboxMessage) {
		res.Done++
		res.Current = m.ToAddr
		if opt.Progress != nil {
			opt.Progress(res.Progress)
		}
	}
	giveBack := func(m domain.OutboxMessage, reason string) {
		f.move(m, domain.Transition{To: domain.MsgQueued, Reason: reason, Unclaim: true})
	}
	for res.Done < opt.Max {
		if ctx.Err() != nil {
			break
		}
		if until, limit, why := thr.hold(o.clock.Now()); until != nil {
			res.PausedUntil, res.PauseReason, res.PauseLimit = until, why, limit
			break
		}
		it, ok := f.next()
		if !ok {
			break
		}
		m, now := it.m, it.now
		if it.err != nil {
			giveBack(m, "")
			return res, it.err
		}
		if it.skip {
			f.move(m, domain.Transition{To: domain.MsgCancelled, Reason: it.why, Unclaim: true})
			res.Cancelled++
			report(m)
			continue
		}
		if it.wait != "" {
			next := now.Add(HoldRetry)
			if !it.until.IsZero() {
				next = it.until
			}
			f.move(m, domain.Transition{To: domain.MsgDeferred, NextAttempt: &next, Reason: it.wait, Unclaim: true})
			res.Deferred++
			report(m)
			continue
		}
		if it.compErr != nil {
			f.move(m, domain.Transition{To: domain.MsgFailed, Reason: it.compErr.Error()})
			res.Failed++
			report(m)
			continue
		}
		c := it.c
		if conn == nil {
			var err error
			if conn, err = o.dial(ctx); err != nil {
				conn = nil
				giveBack(m, err.Error())
				return res, unreachable{Explain(err, o.account)}
			}
		}
		reply, sendErr := conn.Send(ctx, c, func() error { return j.OnWire(m.ID) })
		if je := (*JournalError)(nil); errors.As(sendErr, &je) {
			conn = nil // closed by Send: the message never got its final dot
			giveBack(m, "")
			return res, je.Err
		}
		switch outcome := Classify(sendErr); outcome {
		case OutcomeSent:
			j.Accepted(m.ID, now, c.DeliveredTo)
			f.move(m, domain.Transition{To: domain.MsgSent, At: now, ServerReply: oneLine(reply), DeliveredTo: c.DeliveredTo})
			thr.sent(now)
			res.Sent++
		case OutcomeTemporary:
			if m.Attempts >= MaxAttempts {
				f.move(m, domain.Transition{To: domain.MsgFailed, Reason: fmt.Sprintf("gave up after %d tries: %s", m.Attempts, serverText(sendErr))})
				res.Failed++
				break
			}
			next := now.Add(Backoff(m.Attempts))
			f.move(m, domain.Transition{To: domain.MsgDeferred, NextAttempt: &next, Reason: "the server asked to try later: " + serverText(sendErr)})
			res.Deferred++
		case OutcomePermanent:
			reason := serverText(sendErr)
			f.move(m, domain.Transition{To: domain.MsgFailed, Reason: "the server refused it: " + reason})
			if isHardBounce(reason) {
				o.store.Suppress(ctx, m.ToAddr, domain.SuppressHardBounce, reason)
			}
			res.Failed++
		case OutcomeQuota:
			giveBack(m, "")
			until := o.quotaReset(now, sendErr)
			res.PausedUntil, res.PauseReason, res.PauseLimit = &until, "your mail provider's sending limit was reached: "+serverText(sendErr), LimitQuota
			*pause = &until
			return res, nil
		case OutcomeInDoubt:
			f.move(m, domain.Transition{To: domain.MsgInDoubt, DeliveredTo: c.DeliveredTo,
				Reason: "the connection broke after the message was handed over, before the server confirmed it: " + oneLine(sendErr.Error())})
			res.InDoubt++
			conn.Close()
			conn = nil
		case OutcomeConnLost:
			// Nothing complete reached the server: the claim is undone and
			// the next attempt opens a new connection.
			conn.Close()
			conn = nil
			giveBack(m, "")
			return res, unreachable{wrapTemp(sendErr, "the connection to the mail server broke; the message is queued again")}
		}
		report(m)
	}
	return res, nil
}

// mustNotSend is the check right before each send: the suppression list
// and, for marketing mail, the customer's consent.
func (o *Outbox) mustNotSend(ctx context.Context, cl outboxdb.Claimed) (bool, string, error) {
	m := cl.Msg
	var sp domain.Suppression
	var err error
	suppressed := cl.Suppression != nil
	if suppressed {
		sp = *cl.Suppression
	} else if !cl.SuppressionKnown {
		if sp, suppressed, err = o.store.Suppressed(ctx, m.ToAddr); err != nil {
			return false, "", err
		}
	}
	if suppressed {
		return true, fmt.Sprintf("not sent: %s is on the suppression list (%s)", m.ToAddr, strings.ReplaceAll(string(sp.Reason), "_", " ")), nil
	}
	if m.Kind != domain.KindMarketing {
		return false, "", nil
	}
	cid := m.CustomerID
	if cid == nil {
		if cid, err = o.store.CustomerIDByEmail(ctx, m.ToAddr); err != nil {
			return false, "", err
		}
	}
	if cid == nil {
		return true, "not sent: marketing mail goes only to customers who opted in, and this address is not a customer", nil
	}
	c, err := o.store.CustomerByID(ctx, *cid)
	if err != nil {
		return false, "", err
	}
	if !c.AcceptsMarketing {
		return true, "not sent: this customer has not agreed to marketing email", nil
	}
	return false, "", nil
}

// quotaReset guesses when a provider limit lifts: daily limits at the next
// day start in the shop's zone, short-term ones after an hour.
func (o *Outbox) quotaReset(now time.Time, err error) time.Time {
	low := strings.ToLower(err.Error())
	if strings.Contains(low, "daily") || strings.Contains(low, "5.4.5") || strings.Contains(low, "24") {
		return dayStart(now, o.loc).AddDate(0, 0, 1).UTC()
	}
	return now.Add(time.Hour)
}

// isHardBounce tells a synchronous "no such user" (5.1.x) from other
// refusals: only that means the address itself is dead.
func isHardBounce(reply string) bool {
	return strings.Contains(reply, "5.1.1") || strings.Contains(reply, "5.1.0") || strings.Contains(reply, "5.1.10") ||
		strings.Contains(strings.ToLower(reply), "user unknown") || strings.Contains(strings.ToLower(reply), "does not exist")
}

// ErrNoMailbox is returned when an in-doubt message cannot be checked.
var ErrNoMailbox = errors.New("no mailbox (IMAP) is set up")
