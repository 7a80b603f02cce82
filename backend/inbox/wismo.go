package inbox

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/shippingdb"
)

// "Where is my order?" answered: a draft in the customer's language with
// each parcel's status, carrier, tracking link and the carrier's last word,
// or, before anything shipped, the day it will. The seller reads and
// approves it in the Outbox; it never goes out by itself.

// ReplyParcel is one parcel as a reply draft tells it.
type ReplyParcel struct {
	N, Of                  int
	Status                 domain.ShipmentStatus
	Carrier, Number, URL   string
	LastEvent, LastEventOn string
}

// ReplyData is what a reply draft says.
type ReplyData struct {
	Name, Order, Shop string
	Parcels           []ReplyParcel
	// ShipBy is the day an order not shipped yet leaves the shop.
	ShipBy string
}

// ReplyText renders the draft in lang with Shopclerk's own text (English
// when Shopclerk has no text in lang); dates are the language's own
// layout, in loc.
func ReplyText(lang string, d ReplyData, events []time.Time, shipBy time.Time, loc *time.Location) (string, error) {
	return replyText(builtinSet(lang), d, events, shipBy, loc)
}

func builtinSet(lang string) *replySet {
	if s, ok := builtinSets[lang]; ok {
		return s
	}
	return builtinSets[Languages[0]]
}

func replyText(s *replySet, d ReplyData, events []time.Time, shipBy time.Time, loc *time.Location) (string, error) {
	for i := range d.Parcels {
		if i < len(events) && !events[i].IsZero() {
			d.Parcels[i].LastEventOn = events[i].In(loc).Format(s.date)
		}
	}
	if !shipBy.IsZero() {
		d.ShipBy = shipBy.In(loc).Format(s.date)
	}
	return s.text(d)
}

var blankLines = regexp.MustCompile(`\n{3,}`)

// replyLanguage: the language the customer wrote in; else their country's
// (the customer's, or the order's shipping address); else the shop's; else
// English.
func replyLanguage(w Wismo, d domain.OrderDetail, shopLang string) string {
	if w.Lang != "" {
		return w.Lang
	}
	if d.Customer != nil {
		if l := LanguageOfCountry(d.Customer.Country); l != "" {
			return l
		}
	}
	if l := LanguageOfCountry(d.Order.ShippingAddress.Country); l != "" {
		return l
	}
	for _, l := range Languages {
		if strings.EqualFold(strings.TrimSpace(shopLang), l) || strings.HasPrefix(strings.ToLower(shopLang), l+"-") {
			return l
		}
	}
	return Languages[0]
}

// ShipBy is the working day an order placed (or paid) at placed leaves the
// shop with handling days of handling; never before the next working day
// after now when that day has passed.
func ShipBy(placed, now time.Time, days int, loc *time.Location) time.Time {
	d := addWorkingDays(placed.In(loc), days)
	if today := now.In(loc); dayOf(d).Before(dayOf(today)) {
		d = addWorkingDays(today, 1)
	}
	return dayOf(d)
}

func addWorkingDays(t time.Time, n int) time.Time {
	for n > 0 || t.Weekday() == time.Saturday || t.Weekday() == time.Sunday {
		t = t.AddDate(0, 0, 1)
		if t.Weekday() != time.Saturday && t.Weekday() != time.Sunday {
			n--
		}
	}
	return t
}

func dayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
}

// draftOrderStatus answers a "where is my order?" message with a draft in
// the outbox and a task to approve it.
func (s *Syncer) draftOrderStatus(ctx context.Context, p Parsed, key string, cust *int64, res *SyncResult) error {
	if s.outbox == nil {
		return nil
	}
	order, ok, err := s.store.LatestOrderByEmail(ctx, p.From)
	if err != nil || !ok {
		return err
	}
	shop, err := s.store.Shop(ctx)
	if err != nil {
		return err
	}
	lang := replyLanguage(p.Wismo(), order, shop.Language)
	text, err := s.replyFor(ctx, order, shop, lang)
	if err != nil {
		return err
	}
	subject := p.Subject
	if !replyPrefix.MatchString(subject) {
		subject = "Re: " + subject
	}
	refs := strings.TrimSpace(strings.Join(append(p.References, p.MessageID), " "))
	m := &domain.OutboxMessage{Kind: domain.KindTransactional, ToAddr: p.From, Subject: subject,
		Text: text, Status: domain.MsgDraft, CustomerID: cust,
		LedgerKey: "inbox/wismo/" + key, Template: "order_status_reply_" + lang,
		Headers: map[string]string{"In-Reply-To": p.MessageID, "References": refs, "Content-Language": lang}}
	if order.Customer != nil {
		m.ToName = strings.TrimSpace(order.Customer.FirstName + " " + order.Customer.LastName)
	}
	id, err := s.outbox.Enqueue(ctx, m)
	if err != nil {
		return err
	}
	res.Drafts++
	title := fmt.Sprintf("Approve the reply to %s about order %s", p.From, order.Order.Name)
	detail := fmt.Sprintf("A draft in %s with the tracking status is waiting in the Outbox (message %d).", languageName(lang), id)
	tid, err := s.store.CreateTaskOnce(ctx, "inbox/wismo-task/"+key, title, detail, cust, &order.Order.ID)
	if err != nil {
		return err
	}
	res.Tasks++
	res.made(Made{Kind: MadeDraft, TaskID: tid, MessageID: id, Email: p.From,
		Title: fmt.Sprintf("Reply to %s about order %s", p.From, order.Order.Name), Detail: languageName(lang) + ": " + firstLineAbout(text)})
	return nil
}

// replyFor builds the draft's text from the order's parcels as the
// Shipments screen knows them (status, carrier's last word and its time).
func (s *Syncer) replyFor(ctx context.Context, order domain.OrderDetail, shop domain.ShopIdentity, lang string) (string, error) {
	loc := s.store.Location(ctx)
	d := ReplyData{Order: order.Order.Name, Shop: shop.Name}
	if order.Customer != nil {
		d.Name = order.Customer.FirstName
	}
	ships := shippingdb.New(s.store.Store)
	var events []time.Time
	for i, sh := range order.Shipments {
		row, err := ships.Shipment(ctx, sh.ID)
		if err != nil {
			return "", err
		}
		rp := ReplyParcel{N: i + 1, Of: len(order.Shipments), Status: row.Status, Carrier: row.Carrier, Number: row.TrackingNumber,
			URL: row.TrackingURL, LastEvent: row.LastEvent}
		var at time.Time
		if row.LastEventAt != nil {
			at = *row.LastEventAt
		}
		d.Parcels = append(d.Parcels, rp)
		events = append(events, at)
	}
	var shipBy time.Time
	if len(d.Parcels) == 0 {
		days, err := ships.HandlingDays(ctx)
		if err != nil {
			return "", err
		}
		placed := order.Order.CreatedAt
		if order.Order.PaidAt != nil {
			placed = *order.Order.PaidAt
		}
		shipBy = ShipBy(placed, s.clock.Now(), days, loc)
	}
	return replyText(s.replySet(ctx, lang), d, events, shipBy, loc)
}

// replySet is lang's reply with the seller's saved parts. Saved parts were
// checked on save; one that no longer compiles (a part renamed in a later
// version) is logged and Shopclerk's text used, so a question still gets
// its draft.
func (s *Syncer) replySet(ctx context.Context, lang string) *replySet {
	saved, err := s.store.ReplyTemplateTexts(ctx, lang)
	if err != nil || len(saved) == 0 {
		if err != nil {
			s.log.Warn("reply templates not read", "lang", lang, "err", err)
		}
		return builtinSet(lang)
	}
	set, err := compileReply(lang, saved)
	if err != nil {
		s.log.Warn("saved reply template not used", "lang", lang, "err", err)
		return builtinSet(lang)
	}
	return set
}

// firstLineAbout is the draft's first line after the greeting and thanks:
// what the seller most wants to check before approving.
func firstLineAbout(text string) string {
	lines := strings.Split(text, "\n")
	for i := 3; i < len(lines); i++ {
		if l := strings.TrimSpace(lines[i]); l != "" {
			return l
		}
	}
	return ""
}

func languageName(code string) string {
	return map[string]string{"en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "nl": "Dutch"}[code]
}
