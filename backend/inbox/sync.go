package inbox

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/mail"
	"shopclerk/backend/store/outboxdb"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// Events lets the automation engine react to what the inbox found; the
// rules package implements it to stop the customer's sequences. It may be
// nil: tasks and suppressions are written by the inbox itself.
type Events interface {
	CustomerReplied(ctx context.Context, e ReplyEvent) error
	AddressSuppressed(ctx context.Context, email string, reason domain.SuppressionReason) error
}

// ReplyEvent is a customer's (non-automatic) answer to one of our messages.
type ReplyEvent struct {
	Email        string    `json:"email"`
	CustomerID   *int64    `json:"customerId"`
	OurMessageID int64     `json:"ourMessageId"`
	Subject      string    `json:"subject"`
	At           time.Time `json:"at"`
}

// Syncer processes new mail in INBOX.
type Syncer struct {
	store  *outboxdb.DB
	client *Client
	outbox *mail.Outbox // for reply drafts; nil disables them
	events Events
	// Drafters propose reply drafts to questions other than "where is my
	// order" (draft.go); the app plugs the seller's saved answers in.
	Drafters []Drafter
	clock    clock.Clock
	acct     mail.Account
	log      *slog.Logger
	// Max bounds one run; the rest waits for the next run (More is set).
	Max int
	// FirstSyncDays is how far back the very first sync looks.
	FirstSyncDays int
}

// NewSyncer wires a syncer; outbox and events may be nil.
func NewSyncer(st *outboxdb.DB, cl *Client, outbox *mail.Outbox, events Events, clk clock.Clock, a mail.Account, log *slog.Logger) *Syncer {
	if log == nil {
		log = slog.Default()
	}
	return &Syncer{store: st, client: cl, outbox: outbox, events: events, clock: clk, acct: a, log: log, Max: 2000, FirstSyncDays: 30}
}

// SyncResult counts what one run found.
type SyncResult struct {
	Scanned        int `json:"scanned"`
	Replies        int `json:"replies"`
	AutoReplies    int `json:"autoReplies"`
	Bounces        int `json:"bounces"`
	Suppressed     int `json:"suppressed"`
	Unsubscribes   int `json:"unsubscribes"`
	Complaints     int `json:"complaints"`
	OrderQuestions int `json:"orderQuestions"`
	Drafts         int `json:"drafts"`
	// Bounced counts our sent messages a delivery report returned (now
	// bounced); Tasks the tasks made for the seller.
	Bounced int  `json:"bounced"`
	Tasks   int  `json:"tasks"`
	More    bool `json:"more"` // more new mail than Max: run again
	// Made lists what the run made (the first maxMade), so the screen can
	// link each to where it lives.
	Made []Made `json:"made"`
}

const (
	mailboxName = "INBOX"
	fetchChunk  = 200
	bodyLimit   = 1 << 20 // a report or a question fits; attachments are never read whole
)

// Sync reads new messages since the last run (by UID, reset when the
// server changes UIDVALIDITY) and acts on them. Progress is reported after
// each chunk. The sync position is saved after each chunk, and every
// action is idempotent, so a crash mid-run repeats nothing.
func (s *Syncer) Sync(ctx context.Context, progress func(SyncResult)) (SyncResult, error) {
	var res SyncResult
	sess, err := s.client.open(ctx)
	if err != nil {
		return res, err
	}
	defer sess.close()
	sel, err := sess.c.Select(mailboxName, &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil {
		return res, mail.ExplainIMAP(err, s.acct)
	}
	st, ok, err := s.store.GetInboxState(ctx, mailboxName)
	if err != nil {
		return res, err
	}
	var crit imap.SearchCriteria
	if !ok || st.UIDValidity != sel.UIDValidity {
		st = outboxdb.InboxState{UIDValidity: sel.UIDValidity}
		crit.Since = s.clock.Now().AddDate(0, 0, -s.FirstSyncDays)
	} else {
		crit.UID = []imap.UIDSet{{imap.UIDRange{Start: imap.UID(st.LastUID + 1), Stop: 0}}}
	}
	data, err := sess.c.UIDSearch(&crit, nil).Wait()
	if err != nil {
		return res, mail.ExplainIMAP(err, s.acct)
	}
	var uids []imap.UID
	for _, u := range data.AllUIDs() {
		if uint32(u) > st.LastUID { // "n:*" always matches the last message
			uids = append(uids, u)
		}
	}
	slices.Sort(uids)
	if s.Max > 0 && len(uids) > s.Max {
		uids, res.More = uids[:s.Max], true
	}
	for start := 0; start < len(uids); start += fetchChunk {
		chunk := uids[start:min(start+fetchChunk, len(uids))]
		msgs, err := sess.c.Fetch(imap.UIDSetNum(chunk...), &imap.FetchOptions{UID: true, InternalDate: true,
			BodySection: []*imap.FetchItemBodySection{{Peek: true, Partial: &imap.SectionPartial{Offset: 0, Size: bodyLimit}}}}).Collect()
		if err != nil {
			return res, mail.ExplainIMAP(err, s.acct)
		}
		slices.SortFunc(msgs, func(a, b *imapclientBuffer) int { return int(a.UID) - int(b.UID) })
		for _, m := range msgs {
			var raw []byte
			if len(m.BodySection) > 0 {
				raw = m.BodySection[0].Bytes
			}
			if err := s.process(ctx, st.UIDValidity, uint32(m.UID), m.InternalDate, raw, &res); err != nil {
				return res, err
			}
			res.Scanned++
		}
		st.LastUID = uint32(chunk[len(chunk)-1])
		if err := s.store.SetInboxState(ctx, mailboxName, st); err != nil {
			return res, err
		}
		if progress != nil {
			progress(res)
		}
		if ctx.Err() != nil {
			return res, ctx.Err()
		}
	}
	if len(uids) == 0 {
		// Nothing new: remember the UIDVALIDITY of a first, empty sync.
		if err := s.store.SetInboxState(ctx, mailboxName, st); err != nil {
			return res, err
		}
	}
	return res, nil
}

// process classifies one message and acts on it.
func (s *Syncer) process(ctx context.Context, uidValidity, uid uint32, at time.Time, raw []byte, res *SyncResult) error {
	p := Parse(raw)
	item := domain.InboxItem{Mailbox: mailboxName, UIDValidity: uidValidity, UID: uid, MessageID: p.MessageID,
		From: p.From, Subject: p.Subject, ReceivedAt: at.UTC()}
	key := p.MessageID
	if key == "" {
		key = fmt.Sprintf("%d/%d", uidValidity, uid)
	}
	switch {
	case p.Report != nil:
		item.Kind = domain.InboxBounce
		res.Bounces++
		item.RelatedID = s.ours(ctx, p.Report.OriginalMessageID)
		var notes []string
		for _, r := range p.Report.Recipients {
			notes = append(notes, fmt.Sprintf("%s %s %s", r.Address, r.Action, r.Status))
			if r.Action == "failed" && item.RelatedID != nil {
				if err := s.markBounced(ctx, *item.RelatedID, r, res); err != nil {
					return err
				}
			}
			if r.Hard() {
				detail := strings.TrimSpace(r.Status + " " + r.Diagnostic)
				if err := s.suppress(ctx, r.Address, domain.SuppressHardBounce, detail, res); err != nil {
					return err
				}
			}
		}
		item.Detail = strings.Join(notes, "; ")
	case p.Complaint:
		item.Kind = domain.InboxComplaint
		res.Complaints++
		if p.ComplaintTo != "" {
			item.Detail = p.ComplaintTo + " marked a message as spam"
			if err := s.suppress(ctx, p.ComplaintTo, domain.SuppressComplaint, "marked as spam", res); err != nil {
				return err
			}
		}
	case p.From == "" || strings.EqualFold(p.From, s.acct.FromAddress):
		item.Kind = domain.InboxOther // our own copies and test-mode mail
	case p.AutoReply:
		item.Kind = domain.InboxAutoReply
		res.AutoReplies++
		item.RelatedID = s.firstOurs(ctx, p)
	case p.WantsUnsubscribe():
		item.Kind = domain.InboxUnsubscribe
		res.Unsubscribes++
		who := p.From
		// The List-Unsubscribe mailto carries our Message-ID as a token:
		// it names the recipient even when they write from another address.
		if tok := strings.TrimSpace(strings.TrimPrefix(strings.ToLower(p.Subject), "unsubscribe")); tok != "" {
			if id := s.ours(ctx, "<"+strings.Trim(tok, "<>")+">"); id != nil {
				item.RelatedID = id
				if m, err := s.store.GetMessage(ctx, *id); err == nil {
					who = m.ToAddr
				}
			}
		}
		item.Detail = who
		if err := s.suppress(ctx, who, domain.SuppressUnsubscribed, "asked by email", res); err != nil {
			return err
		}
	default:
		item.RelatedID = s.firstOurs(ctx, p)
		wismo := p.AsksWhereIsOrder()
		cust, err := s.store.CustomerIDByEmail(ctx, p.From)
		if err != nil {
			return err
		}
		item.CustomerID = cust
		switch {
		case item.RelatedID != nil:
			item.Kind = domain.InboxReply
			res.Replies++
			if err := s.reply(ctx, p, key, item, at, res); err != nil {
				return err
			}
		case wismo:
			item.Kind = domain.InboxOrderQuestion
		default:
			item.Kind = domain.InboxOther
		}
		if wismo {
			res.OrderQuestions++
			if err := s.draftOrderStatus(ctx, p, key, cust, res); err != nil {
				return err
			}
		}
		if !wismo {
			if err := s.proposeDraft(ctx, p, key, cust, res); err != nil {
				return err
			}
		}
	}
	_, err := s.store.RecordInboxItem(ctx, item)
	return err
}

func (s *Syncer) suppress(ctx context.Context, email string, reason domain.SuppressionReason, detail string, res *SyncResult) error {
	if email == "" {
		return nil
	}
	added, err := s.store.Suppress(ctx, email, reason, detail)
	if err != nil {
		if domain.CodeOf(err) == domain.CodeInvalid {
			return nil // a malformed address in a report: nothing to suppress
		}
		return err
	}
	if added {
		res.Suppressed++
		res.made(Made{Kind: MadeSuppression, Email: strings.ToLower(strings.TrimSpace(email)), Title: string(reason)})
		if s.events != nil {
			return s.events.AddressSuppressed(ctx, email, reason)
		}
	}
	return nil
}

// ours maps a Message-ID to our outbox message, if it is one of ours.
func (s *Syncer) ours(ctx context.Context, mid string) *int64 {
	if mid == "" {
		return nil
	}
	id, ok, err := s.store.MessageByMessageID(ctx, mid)
	if err != nil || !ok {
		return nil
	}
	return &id
}

// firstOurs finds our message among In-Reply-To and References, nearest
// first (In-Reply-To, then References from the end).
func (s *Syncer) firstOurs(ctx context.Context, p Parsed) *int64 {
	cands := append([]string{}, p.InReplyTo...)
	for i := len(p.References) - 1; i >= 0; i-- {
		cands = append(cands, p.References[i])
	}
	for _, c := range cands {
		if id := s.ours(ctx, c); id != nil {
			return id
		}
	}
	return nil
}

func (s *Syncer) reply(ctx context.Context, p Parsed, key string, item domain.InboxItem, at time.Time, res *SyncResult) error {
	title := "Reply from " + p.From
	if p.Subject != "" {
		title += ": " + p.Subject
	}
	detail := strings.TrimSpace(p.Fresh())
	if len(detail) > 1000 {
		detail = detail[:1000]
	}
	id, err := s.store.CreateTaskOnce(ctx, "inbox/reply/"+key, title, detail, item.CustomerID, nil)
	if err != nil {
		return err
	}
	res.Tasks++
	res.made(Made{Kind: MadeTask, TaskID: id, MessageID: *item.RelatedID, Email: p.From, Title: title, Detail: excerpt(detail)})
	if s.events != nil {
		return s.events.CustomerReplied(ctx, ReplyEvent{Email: p.From, CustomerID: item.CustomerID,
			OurMessageID: *item.RelatedID, Subject: p.Subject, At: at.UTC()})
	}
	return nil
}

type imapclientBuffer = imapclient.FetchMessageBuffer
