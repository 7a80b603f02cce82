package inventory

import (
	"context"
	"fmt"
	"math"
	"net/mail"
	"strconv"
	"strings"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/email"
)

// DigestTemplate names the low-stock digest among the shop's emails.
const DigestTemplate = "low_stock_digest"

// digestLedgerPrefix + the shop date is the digest's idempotency key
// (invariant 2). It rides on the outbox message itself, whose ledger key is
// unique, so two runs on the same shop day (the schedule and the CLI, or
// two windows) can never queue two digests.
const digestLedgerPrefix = "inventory.digest:"

// DigestItem is one SKU in the digest, with why it is there.
type DigestItem struct {
	SKU          string `json:"sku"`
	SKUGenerated bool   `json:"skuGenerated"` // a key Shopclerk made: the "no SKU" badge
	Title        string `json:"title"`
	Available    int    `json:"available"`
	Incoming     int    `json:"incoming"`
	ReorderPoint int    `json:"reorderPoint"`
	// DaysOfCover is how long available stock lasts at the forecast (-1:
	// no sales expected); DaysToDelivery is when stock can next arrive:
	// the open order's expected date, else the supplier's lead time.
	DaysOfCover    float64 `json:"daysOfCover"`
	DaysToDelivery float64 `json:"daysToDelivery"`
	Suggest        int     `json:"suggest"`
	SupplierName   string  `json:"supplierName"`
	// Why is the plain-words line the seller reads: the risk first, then
	// the reorder explanation of the Inventory screen.
	Why string `json:"why"`
}

// Digest is the daily low-stock email: SKUs at or below their reorder
// point, and SKUs that will sell out before the next delivery can arrive.
type Digest struct {
	// Day is the shop date the digest is for (YYYY-MM-DD, shop time zone).
	Day         string       `json:"day"`
	GeneratedAt time.Time    `json:"generatedAt"`
	AtRisk      []DigestItem `json:"atRisk"`
	Low         []DigestItem `json:"low"`
	To          string       `json:"to"`
	Subject     string       `json:"subject"`
	Text        string       `json:"text"`
	DryRun      bool         `json:"dryRun"`
	// Queued: this call put the digest in the outbox. AlreadySent: the
	// day's digest was queued before, nothing new was added.
	Queued      bool   `json:"queued"`
	AlreadySent bool   `json:"alreadySent"`
	MessageID   string `json:"messageId"`
	OutboxID    int64  `json:"outboxId"`
	// Skipped says why nothing was queued (nothing low, no address).
	Skipped string `json:"skipped"`
	// Sendable: a dry run whose real send would queue this digest.
	Sendable bool `json:"sendable"`
}

// Empty reports a digest with nothing to tell.
func (d Digest) Empty() bool { return len(d.AtRisk) == 0 && len(d.Low) == 0 }

// BuildDigest picks the digest's SKUs from a plan. A SKU that sells out
// before its next delivery is listed under "at risk" (the urgent list);
// the others at or below their reorder point under "low". Snoozed SKUs and
// SKUs whose supplier figures are unusable (flagged on the screen) are left
// out: the seller asked not to hear about the former, and the latter have
// no reorder point to compare with.
func BuildDigest(p Plan, day string) Digest {
	d := Digest{Day: day, GeneratedAt: p.GeneratedAt, AtRisk: []DigestItem{}, Low: []DigestItem{}}
	for _, it := range p.Items {
		dec := it.Decision
		if dec == nil || (it.SnoozeUntil != nil && it.SnoozeUntil.After(p.GeneratedAt)) {
			continue
		}
		// Sold out already is the most urgent risk, even with a lead time of
		// 0 (no supplier) that Decide cannot call "before the next delivery".
		soldOut := it.Available <= 0 && dec.PerDay > 0
		risk := dec.AtRisk || soldOut
		if !risk && !dec.Due {
			continue
		}
		next := it.LeadTime.MeanDays
		if it.nextDelivery >= 0 {
			next = it.nextDelivery
		}
		di := DigestItem{SKU: it.SKU, SKUGenerated: it.SKUGenerated, Title: it.Title, Available: it.Available, Incoming: it.Incoming,
			ReorderPoint: dec.ReorderPoint, DaysOfCover: dec.DaysOfCover, DaysToDelivery: next,
			Suggest: it.Suggest, SupplierName: it.SupplierName}
		var why []string
		switch {
		case soldOut:
			why = append(why, "sold out")
		case risk:
			why = append(why, fmt.Sprintf("%s left, about %s of stock; the next delivery can arrive in %s",
				units(it.Available), days(dec.DaysOfCover), days(next)))
		default:
			why = append(why, fmt.Sprintf("%s left and %d on order, at or below the reorder point %d",
				units(it.Available), it.Incoming, dec.ReorderPoint))
		}
		why = append(why, dec.Explanation)
		switch {
		case it.OnDraft:
			why = append(why, "already on a draft purchase order: send it")
		case it.SupplierID == nil:
			why = append(why, "no supplier linked, so Reorder now cannot order it")
		}
		di.Why = strings.Join(why, "; ") + "."
		if risk {
			d.AtRisk = append(d.AtRisk, di)
		} else {
			d.Low = append(d.Low, di)
		}
	}
	d.Subject = digestSubject(d)
	d.Text = digestText(d)
	return d
}

func units(n int) string {
	if n == 1 {
		return "1 unit"
	}
	return strconv.Itoa(n) + " units"
}

func days(v float64) string {
	if v < 0 {
		return "no end in sight"
	}
	if v < 1 {
		return "less than a day"
	}
	v = math.Floor(v*10) / 10
	if v == 1 {
		return "1 day"
	}
	return trimFloat(v) + " days"
}

func digestSubject(d Digest) string {
	var parts []string
	if n := len(d.AtRisk); n > 0 {
		parts = append(parts, fmt.Sprintf("%d at risk of selling out", n))
	}
	if n := len(d.Low); n > 0 {
		parts = append(parts, fmt.Sprintf("%d at the reorder point", n))
	}
	if len(parts) == 0 {
		return "Stock check " + d.Day + ": nothing low"
	}
	return "Low stock " + d.Day + ": " + strings.Join(parts, ", ")
}

func digestText(d Digest) string {
	var b strings.Builder
	section := func(title string, items []DigestItem) {
		if len(items) == 0 {
			return
		}
		fmt.Fprintf(&b, "%s\n", title)
		for _, it := range items {
			fmt.Fprintf(&b, "- %s %s: %s\n", it.SKU, it.Title, it.Why)
		}
		b.WriteString("\n")
	}
	section("At risk of selling out before the next delivery:", d.AtRisk)
	section("At or below the reorder point:", d.Low)
	if d.Empty() {
		b.WriteString("Every SKU is above its reorder point.\n")
	}
	return b.String()
}

// digestEmail is the digest as a template and its data for a
// email.Renderer (the mail package's Templates: the shop's layout, the
// plain-text part). The HTML is built from fixed markup with one variable
// per value, so html/template escapes every title and a SKU holding "{{"
// cannot change the template.
func digestEmail(d Digest, shopName, shopEmail string) (email.Template, email.Data) {
	vars := map[string]string{"day": d.Day}
	var h strings.Builder
	h.WriteString(`<p>Good morning,</p><p>this is the stock check for {{.Vars.day}}.</p>`)
	section := func(key, title string, items []DigestItem) {
		if len(items) == 0 {
			return
		}
		fmt.Fprintf(&h, `<p><strong>%s</strong></p><ul>`, title)
		for i, it := range items {
			k := fmt.Sprintf("%s%d", key, i)
			vars[k+"_sku"], vars[k+"_title"], vars[k+"_why"] = it.SKU, it.Title, it.Why
			fmt.Fprintf(&h, `<li><strong>{{.Vars.%s_sku}}</strong> {{.Vars.%s_title}}: {{.Vars.%s_why}}</li>`, k, k, k)
		}
		h.WriteString(`</ul>`)
	}
	section("risk", "At risk of selling out before the next delivery", d.AtRisk)
	section("low", "At or below the reorder point", d.Low)
	h.WriteString(`<p>Open Shopclerk's Inventory screen and click Reorder now to draft the purchase orders.</p>`)
	return email.Template{Name: DigestTemplate, Subject: "{{.Vars.subject}}", HTML: h.String()},
		email.Data{Shop: email.Shop{Name: shopName, Email: shopEmail}, Vars: withSubject(vars, d.Subject)}
}

func withSubject(v map[string]string, s string) map[string]string {
	v["subject"] = s
	return v
}

// DigestOptions says where and how the digest goes.
type DigestOptions struct {
	DryRun bool
	// To is the seller's own address (the mail account's From address).
	To, ToName string
	ShopName   string
	// Renderer renders the email (the mail package's Templates); nil uses
	// email.Fallback's plain layout.
	Renderer email.Renderer
	// MessageID makes the Message-ID; nil uses a shopclerk.local one.
	MessageID func(now time.Time) string
}

// DigestKey is the idempotency key of the digest for a shop date.
func DigestKey(day string) string { return digestLedgerPrefix + day }

// Digest builds today's digest without sending anything.
func (s *Service) Digest(ctx context.Context) (Digest, error) {
	plan, err := s.Plan(ctx)
	if err != nil {
		return Digest{}, err
	}
	day := plan.GeneratedAt.In(s.st.Location(ctx)).Format("2006-01-02")
	return BuildDigest(plan, day), nil
}

// SendDigest queues today's low-stock digest to the seller, at most once
// per shop day. Nothing is queued in a dry run, when nothing is low, or
// when the day's digest is already in the outbox (AlreadySent).
func (s *Service) SendDigest(ctx context.Context, opt DigestOptions) (Digest, error) {
	d, err := s.Digest(ctx)
	if err != nil {
		return d, err
	}
	d.DryRun, d.To = opt.DryRun, strings.TrimSpace(opt.To)
	key := DigestKey(d.Day)
	if m, ok, err := s.st.MessageByLedger(ctx, key); err != nil {
		return d, err
	} else if ok {
		d.AlreadySent, d.MessageID, d.OutboxID = true, m.MessageID, m.ID
		d.Skipped = "today's digest is already in the outbox"
		return d, nil
	}
	if d.Empty() {
		d.Skipped = "nothing is low"
		return d, nil
	}
	if _, err := mail.ParseAddress(d.To); err != nil {
		if opt.DryRun {
			d.Skipped = "no email account is set up to send it to"
			return d, nil
		}
		return d, domain.Errorf(domain.CodeInvalid, "The low-stock digest goes to your own address: set up your email account first.")
	}
	if opt.DryRun {
		d.Skipped, d.Sendable = "dry run", true
		return d, nil
	}
	r := opt.Renderer
	if r == nil {
		r = email.Fallback{}
	}
	tp, data := digestEmail(d, opt.ShopName, d.To)
	out, err := r.Render(tp, data)
	if err != nil {
		return d, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not write the low-stock digest")
	}
	now := s.clock.Now()
	msgID := fmt.Sprintf("<digest.%s.%d@shopclerk.local>", d.Day, now.Unix())
	if opt.MessageID != nil {
		msgID = opt.MessageID(now)
	}
	id, created, err := s.st.EnqueueMessage(ctx, &domain.OutboxMessage{MessageID: msgID, Kind: domain.KindTransactional,
		ToAddr: strings.ToLower(d.To), ToName: opt.ToName, Subject: out.Subject, HTML: out.HTML, Text: out.Text,
		LedgerKey: key, Template: DigestTemplate})
	if err != nil {
		return d, err
	}
	d.OutboxID = id
	if !created {
		// Another run queued it between the check and now.
		if m, ok, _ := s.st.MessageByLedger(ctx, key); ok {
			d.MessageID = m.MessageID
		}
		d.AlreadySent, d.Skipped = true, "today's digest is already in the outbox"
		return d, nil
	}
	d.Queued, d.MessageID = true, msgID
	return d, nil
}
