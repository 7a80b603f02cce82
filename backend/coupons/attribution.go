package coupons

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/couponsdb"
)

// DefaultWeeks is how far back attribution looks when not told.
const DefaultWeeks = 12

const maxWeeks = 156

type sourceKey struct{ flow, campaign int64 }

// tally adds up one source (or one step, or everything).
type tally struct {
	sent, redeemed, shared, recovered int
	revenue, cartRevenue              map[string]int64
}

func newTally() *tally {
	return &tally{revenue: map[string]int64{}, cartRevenue: map[string]int64{}}
}

func (t *tally) add(e couponsdb.Event) {
	switch e.Kind {
	case couponsdb.EventSent:
		t.sent++
	case couponsdb.EventRedeemed:
		t.redeemed++
		t.revenue[e.Amount.Currency] += e.Amount.Amount
	case couponsdb.EventShared:
		t.shared++
	case couponsdb.EventRecovered:
		t.recovered++
		t.cartRevenue[e.Amount.Currency] += e.Amount.Amount
	}
}

func (t *tally) totals() domain.AttributionTotals {
	return domain.AttributionTotals{Sent: t.sent, Redeemed: t.redeemed, Shared: t.shared, Revenue: money(t.revenue),
		CartsRecovered: t.recovered, CartRevenue: money(t.cartRevenue)}
}

func money(m map[string]int64) []domain.Money {
	out := []domain.Money{}
	for c, a := range m {
		out = append(out, domain.Money{Amount: a, Currency: c})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Amount > out[j].Amount })
	return out
}

// Attribution counts what the flows (one flow, one campaign, or all) earned
// over the last weeks: emails sent; coupons redeemed by their own customer
// (a code someone else used is shared, not the flow's) and those orders'
// revenue; carts whose customer ordered within the recovery days after a
// reminder. Each redemption and recovery is put down to the last email of
// its sequence sent before the order. Weeks start on Monday in the shop's
// time zone.
func (s *Service) Attribution(ctx context.Context, f domain.AttributionFilter) (domain.Attribution, error) {
	if f.Weeks <= 0 {
		f.Weeks = DefaultWeeks
	}
	f.Weeks = min(f.Weeks, maxWeeks)
	loc := s.db.Location(ctx)
	now := s.clk.Now().In(loc)
	monday := time.Date(now.Year(), now.Month(), now.Day()-(int(now.Weekday())+6)%7, 0, 0, 0, 0, loc)
	since := monday.AddDate(0, 0, -7*(f.Weeks-1))
	days := domain.DefaultRecoveryDays
	if v, _ := s.db.Setting(ctx, domain.SettingRecoveryDays, ""); v != "" {
		if n, err := strconv.Atoi(v); err == nil && n > 0 {
			days = n
		}
	}
	out := domain.Attribution{RecoveryDays: days, Sources: []domain.AttributionSource{}, Weeks: make([]domain.AttributionWeek, f.Weeks)}
	for i := range out.Weeks {
		out.Weeks[i].Week = since.AddDate(0, 0, 7*i).Format("2006-01-02")
	}
	all := newTally()
	sources := map[sourceKey]*tally{}
	steps := map[sourceKey]map[int]*tally{}
	var weekly []couponsdb.Event
	count := func(e couponsdb.Event) {
		k := sourceKey{e.FlowID, e.CampaignID}
		if sources[k] == nil {
			sources[k], steps[k] = newTally(), map[int]*tally{}
		}
		if steps[k][e.Step] == nil {
			steps[k][e.Step] = newTally()
		}
		all.add(e)
		sources[k].add(e)
		steps[k][e.Step].add(e)
		weekly = append(weekly, e)
	}
	// A cart counts once: its first order, put down to the last reminder
	// before that order.
	carts := map[int64]couponsdb.Event{}
	err := s.db.AttributionEvents(ctx, since, f, time.Duration(days)*24*time.Hour, func(e couponsdb.Event) {
		if e.Kind != couponsdb.EventRecovered {
			count(e)
			return
		}
		best, ok := carts[e.Ref]
		if !ok || e.At.Before(best.At) || (e.At.Equal(best.At) && e.ReminderAt.After(best.ReminderAt)) {
			carts[e.Ref] = e
		}
	})
	if err != nil {
		return out, err
	}
	cartIDs := make([]int64, 0, len(carts))
	for id := range carts {
		cartIDs = append(cartIDs, id)
	}
	sort.Slice(cartIDs, func(i, j int) bool { return cartIDs[i] < cartIDs[j] })
	for _, id := range cartIDs {
		count(carts[id])
	}
	out.Totals = all.totals()
	out.Currency = s.mainCurrency(ctx, all)
	for _, e := range weekly {
		at := e.At.In(loc)
		day := time.Date(at.Year(), at.Month(), at.Day(), 0, 0, 0, 0, loc)
		i := int(day.Sub(since).Hours()/24+0.5) / 7
		if i < 0 || i >= len(out.Weeks) {
			continue
		}
		w := &out.Weeks[i]
		switch e.Kind {
		case couponsdb.EventSent:
			w.Sent++
		case couponsdb.EventRedeemed:
			w.Redeemed++
			if e.Amount.Currency == out.Currency {
				w.Revenue += e.Amount.Amount
			}
		case couponsdb.EventShared:
			w.Shared++
		case couponsdb.EventRecovered:
			w.CartsRecovered++
		}
	}
	names, err := s.names(ctx, f.FlowID)
	if err != nil {
		return out, err
	}
	campaigns, err := s.db.CampaignNames(ctx, f.CampaignID)
	if err != nil {
		return out, err
	}
	// Every flow asked about is listed, with its email steps, even at zero.
	if f.CampaignID == 0 {
		for _, fl := range names.order {
			if f.FlowID == 0 && len(names.emailSteps[fl]) == 0 {
				continue // a flow that sends no email earns nothing here
			}
			k := sourceKey{flow: fl}
			if sources[k] == nil {
				sources[k], steps[k] = newTally(), map[int]*tally{}
			}
			for _, st := range names.emailSteps[fl] {
				if steps[k][st] == nil {
					steps[k][st] = newTally()
				}
			}
		}
	}
	keys := make([]sourceKey, 0, len(sources))
	for k := range sources {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].campaign != keys[j].campaign {
			return keys[i].campaign < keys[j].campaign
		}
		return keys[i].flow < keys[j].flow
	})
	for _, k := range keys {
		src := domain.AttributionSource{FlowID: k.flow, CampaignID: k.campaign, AttributionTotals: sources[k].totals(), Steps: []domain.AttributionStep{}}
		switch {
		case k.campaign != 0 && strings.TrimSpace(campaigns[k.campaign]) != "":
			src.Name = campaigns[k.campaign]
		case k.campaign != 0:
			src.Name = fmt.Sprintf("Campaign %d", k.campaign) // not in this shop's campaigns
		case names.flow[k.flow] != "":
			src.Name = names.flow[k.flow]
		default:
			src.Name = fmt.Sprintf("Flow %d (deleted)", k.flow)
		}
		var idx []int
		for st := range steps[k] {
			idx = append(idx, st)
		}
		sort.Ints(idx)
		for _, st := range idx {
			src.Steps = append(src.Steps, domain.AttributionStep{Step: st, Label: names.label(k.flow, st), AttributionTotals: steps[k][st].totals()})
		}
		out.Sources = append(out.Sources, src)
	}
	return out, nil
}

// mainCurrency is the currency most revenue came in, else the shop's.
func (s *Service) mainCurrency(ctx context.Context, t *tally) string {
	if r := money(t.revenue); len(r) > 0 {
		return r[0].Currency
	}
	c, _ := s.db.Setting(ctx, domain.SettingShopCurrency, "")
	return c
}

type flowNames struct {
	order      []int64
	flow       map[int64]string
	emailSteps map[int64][]int
	labels     map[[2]int64]string
}

func (n flowNames) label(flow int64, step int) string {
	if step < 0 {
		return "Before any email"
	}
	if l := n.labels[[2]int64{flow, int64(step)}]; l != "" {
		return l
	}
	return fmt.Sprintf("Step %d", step+1)
}

func (s *Service) names(ctx context.Context, flowID int64) (flowNames, error) {
	n := flowNames{flow: map[int64]string{}, emailSteps: map[int64][]int{}, labels: map[[2]int64]string{}}
	rows, err := s.db.FlowSteps(ctx, flowID)
	if err != nil {
		return n, err
	}
	emails := map[int64]int{}
	for _, r := range rows {
		if _, ok := n.flow[r.FlowID]; !ok {
			n.order = append(n.order, r.FlowID)
			n.flow[r.FlowID] = r.FlowName
		}
		if r.Step < 0 || r.Action != string(domain.StepSendEmail) {
			continue
		}
		emails[r.FlowID]++
		what := r.Subject
		if what == "" {
			what = r.Template
		}
		l := fmt.Sprintf("Email %d", emails[r.FlowID])
		if what != "" {
			l += ": " + what
		}
		n.labels[[2]int64{r.FlowID, int64(r.Step)}] = l
		n.emailSteps[r.FlowID] = append(n.emailSteps[r.FlowID], r.Step)
	}
	return n, nil
}
