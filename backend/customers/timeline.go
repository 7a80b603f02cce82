package customers

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/customersdb"
)

// TimelineKind is what a timeline item is about. The numbers are the
// timeline query's (customersdb/queries/timeline.sql); items of one second
// are ordered by them, the highest first.
type TimelineKind string

const (
	KindOrder          TimelineKind = "order"
	KindOrderCancelled TimelineKind = "order_cancelled"
	KindCart           TimelineKind = "cart"
	KindCouponIssued   TimelineKind = "coupon_issued"
	KindCouponUsed     TimelineKind = "coupon_used"
	KindEmailSent      TimelineKind = "email_sent"
	KindEmailReceived  TimelineKind = "email_received"
	KindTag            TimelineKind = "tag"
	KindAutomationTag  TimelineKind = "automation_tag"
	KindNote           TimelineKind = "note"
	KindConsent        TimelineKind = "consent"
	KindSuppressed     TimelineKind = "suppressed"
	KindSegment        TimelineKind = "segment"
	KindCreated        TimelineKind = "created"
)

// kindRank orders the kinds as the query does; the kinds made here (segment
// moves, the customer's creation) rank above and below the stored ones.
var kindRank = map[TimelineKind]int{KindCreated: 0, KindOrder: 1, KindOrderCancelled: 2, KindCart: 3, KindCouponIssued: 4,
	KindCouponUsed: 5, KindEmailSent: 6, KindEmailReceived: 7, KindTag: 8, KindAutomationTag: 9, KindNote: 10,
	KindConsent: 11, KindSuppressed: 12, KindSegment: 13}

var kindOfRank = func() map[int]TimelineKind {
	m := map[int]TimelineKind{}
	for k, r := range kindRank {
		m[r] = k
	}
	return m
}()

// TimelineItem is one thing that happened. Ref is the order, cart, coupon,
// message, note ... it is about (the order's id opens the order).
type TimelineItem struct {
	Kind   TimelineKind  `json:"kind"`
	At     time.Time     `json:"at"`
	Ref    int64         `json:"ref"`
	Title  string        `json:"title"`
	Detail string        `json:"detail"`
	Amount *domain.Money `json:"amount"`
	// By says who or what did it: a flow's name, the store, the inbox.
	By string `json:"by"`
}

// TimelinePage is one page of the timeline, newest first. Next is the
// cursor of the page after it; empty at the end.
type TimelinePage struct {
	Items []TimelineItem `json:"items"`
	Next  string         `json:"next"`
}

const (
	defaultPageSize = 30
	maxPageSize     = 200
)

// Timeline reads the page of customer id's timeline after cursor ("" for
// the first page); limit 0 takes the default page size.
func (s *Service) Timeline(ctx context.Context, id int64, cursor string, limit int) (TimelinePage, error) {
	after, err := parseCursor(cursor)
	if err != nil {
		return TimelinePage{}, err
	}
	if limit <= 0 {
		limit = defaultPageSize
	}
	limit = min(limit, maxPageSize)
	c, err := s.db.CustomerByID(ctx, id)
	if err != nil {
		return TimelinePage{}, err
	}
	sc, err := s.customerScores(ctx, id)
	if err != nil {
		return TimelinePage{}, err
	}
	return s.timeline(ctx, c, sc, after, limit)
}

func (s *Service) timeline(ctx context.Context, c domain.Customer, sc *Scores, after customersdb.Cursor, limit int) (TimelinePage, error) {
	// One more than the page tells whether there is a next page.
	rows, err := s.db.Timeline(ctx, c.ID, c.Email, after, limit+1)
	if err != nil {
		return TimelinePage{}, err
	}
	items := make([]TimelineItem, 0, len(rows)+4)
	for _, r := range rows {
		items = append(items, itemOf(r))
	}
	// Made here: the customer's creation and their segment moves, few per
	// customer; those past the cursor join the stored ones.
	for _, it := range madeItems(c, sc) {
		if before(it, after) {
			items = append(items, it)
		}
	}
	slices.SortFunc(items, func(a, b TimelineItem) int {
		return cmp.Or(b.At.Compare(a.At), cmp.Compare(kindRank[b.Kind], kindRank[a.Kind]), cmp.Compare(b.Ref, a.Ref))
	})
	page := TimelinePage{Items: items}
	if len(items) > limit {
		page.Items = items[:limit]
		last := page.Items[limit-1]
		page.Next = fmt.Sprintf("%d.%d.%d", last.At.Unix(), kindRank[last.Kind], last.Ref)
	}
	return page, nil
}

// before tells whether it comes after the cursor in the timeline's order
// (newest first).
func before(it TimelineItem, c customersdb.Cursor) bool {
	at := it.At.Unix()
	return at < c.At || at == c.At && (kindRank[it.Kind] < c.Kind || kindRank[it.Kind] == c.Kind && it.Ref < c.ID)
}

func parseCursor(s string) (customersdb.Cursor, error) {
	if s == "" {
		return customersdb.Start, nil
	}
	parts := strings.Split(s, ".")
	if len(parts) == 3 {
		at, e1 := strconv.ParseInt(parts[0], 10, 64)
		kind, e2 := strconv.Atoi(parts[1])
		id, e3 := strconv.ParseInt(parts[2], 10, 64)
		if e1 == nil && e2 == nil && e3 == nil {
			return customersdb.Cursor{At: at, Kind: kind, ID: id}, nil
		}
	}
	return customersdb.Cursor{}, domain.Errorf(domain.CodeInvalid, "that timeline position is not valid; reload the customer")
}

// madeItems are the timeline's items that are not rows: when the customer
// first appeared, and each move between RFM segments (the current
// segment's start, and month-to-month changes of the snapshots).
func madeItems(c domain.Customer, sc *Scores) []TimelineItem {
	var out []TimelineItem
	if c.Source != SourceErased {
		out = append(out, TimelineItem{Kind: KindCreated, At: c.CreatedAt, Ref: c.ID, Title: "Became a customer", By: storeName(c.Source)})
	}
	if sc == nil {
		return out
	}
	if sc.Segment != "" {
		prev := ""
		for _, h := range sc.History {
			if h.Segment != sc.Segment {
				prev = string(h.Segment)
				break
			}
		}
		out = append(out, TimelineItem{Kind: KindSegment, At: sc.Since, Ref: 0, Title: sc.Segment.Label(), Detail: labelOf(prev)})
	}
	// History is newest first: a change between two months shows at the
	// start of the later month, unless the current segment's own start
	// already tells it.
	for i := 0; i+1 < len(sc.History); i++ {
		cur, prev := sc.History[i], sc.History[i+1]
		if cur.Segment == prev.Segment || (i == 0 && cur.Segment == sc.Segment) {
			continue
		}
		t, err := time.Parse("2006-01", cur.Month)
		if err != nil {
			continue
		}
		out = append(out, TimelineItem{Kind: KindSegment, At: t, Ref: int64(i + 1), Title: cur.Segment.Label(), Detail: prev.Segment.Label()})
	}
	return out
}

func labelOf(seg string) string {
	if seg == "" {
		return ""
	}
	return Segment(seg).Label()
}

// itemOf words a stored timeline row.
func itemOf(r customersdb.TimelineRow) TimelineItem {
	it := TimelineItem{Kind: kindOfRank[r.Kind], At: time.Unix(r.At, 0).UTC(), Ref: r.ID, Title: r.Title, Detail: r.Detail, By: r.Who}
	money := func() { it.Amount = &domain.Money{Amount: r.Amount, Currency: r.Currency} }
	switch it.Kind {
	case KindOrder:
		money()
		fin, ful, _ := strings.Cut(r.Detail, "/")
		it.Detail = strings.TrimSpace(humanize(fin) + ", " + humanize(nonEmpty(ful, "unfulfilled")))
		it.By = storeName(domain.Source(r.Who))
	case KindOrderCancelled:
		money()
		it.Detail, it.By = "cancelled", storeName(domain.Source(r.Who))
	case KindCart:
		money()
		it.By = storeName(domain.Source(r.Who))
	case KindCouponIssued:
		if r.Amount > 0 {
			it.Amount = &domain.Money{Amount: r.Amount, Currency: r.Currency}
		}
		it.Detail = strings.TrimSpace(r.Detail)
	case KindCouponUsed:
		it.Detail = "used"
	case KindEmailSent:
		status, kind, _ := strings.Cut(r.Detail, "/")
		it.Detail = humanize(status) + ", " + kind
	case KindEmailReceived:
		it.Detail = humanize(r.Detail)
	case KindAutomationTag:
		verb, tag, _ := strings.Cut(r.Title, " ")
		it.Title, it.Detail = tag, map[string]string{"tagged": "added", "untagged": "removed"}[verb]
	case KindConsent:
		it.Title = map[string]string{string(domain.TriggerConsentGiven): "Email consent given", string(domain.TriggerConsentWithdrawn): "Email consent withdrawn"}[r.Title]
	case KindSuppressed:
		it.Title = suppressionSource(domain.Suppression{Reason: domain.SuppressionReason(r.Title), Detail: r.Detail})
		it.Detail = ""
	}
	return it
}

// humanize turns a stored status into words: "partially_refunded" ->
// "partially refunded".
func humanize(s string) string { return strings.ReplaceAll(s, "_", " ") }

func nonEmpty(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
