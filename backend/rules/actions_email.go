package rules

import (
	"context"
	"fmt"
	"strings"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/email"
	"shopclerk/backend/rules/flow"
	"shopclerk/backend/store/rulesdb"
)

// SendEmail renders a template for the subject's customer and queues it in
// the outbox. Marketing emails go only to consenting, unsuppressed customers
// (checked by the planner right before, and by the outbox right before
// sending).
type SendEmail struct {
	Step      flow.Step
	Marketing bool
	// couponStep is the spec of an issue_coupon step earlier in the flow, so
	// the preview can describe the coupon before it exists.
	couponStep *flow.Step
}

func (a *SendEmail) Kind() domain.StepKind { return domain.StepSendEmail }

func (a *SendEmail) template(r email.Renderer) (email.Template, error) {
	return a.Step.EmailTemplate(r)
}

func (a *SendEmail) recipient(sub *Subject) (addr, name string) {
	if sub.Customer != nil && sub.Customer.Email != "" {
		return sub.Customer.Email, strings.TrimSpace(sub.Customer.FirstName + " " + sub.Customer.LastName)
	}
	if sub.Order != nil && sub.Order.Email != "" {
		return sub.Order.Email, sub.Order.ShippingAddress.Name
	}
	return sub.Occ.Email, ""
}

func (a *SendEmail) Plan(pc *planCtx, sub *Subject, it *Item) error {
	to, name := a.recipient(sub)
	if to == "" {
		return domain.Errorf(domain.CodeInvalid, "there is no email address to write to")
	}
	t, err := a.template(pc.renderer)
	if err != nil {
		return err
	}
	coupon, err := pc.st.CouponForPrefix(pc.ctx, keyPrefix(it.FlowID, sub.Occ.Subject, sub.Occ.Occurrence))
	if err != nil {
		return err
	}
	var cd *email.Coupon
	if coupon != nil {
		cd = couponData(coupon, pc.settings.Location)
	} else if pcp := sub.plannedCoupon; pcp != nil {
		cd = &email.Coupon{Code: "XXXX-XXXX (made when run)", Description: pcp.Description}
		if pcp.ExpiresAt != nil {
			cd.ExpiresOn = pcp.ExpiresAt.In(pc.settings.Location).Format("2 January 2006")
		}
	}
	data, err := pc.emailData(sub, a.Step, cd)
	if err != nil {
		return err
	}
	r, err := pc.renderer.Render(t, data)
	if err != nil {
		return err
	}
	kind := domain.KindTransactional
	if a.Marketing {
		kind = domain.KindMarketing
	}
	it.Email = &EmailPreview{To: to, ToName: name, Kind: string(kind), Rendered: r}
	it.Summary = fmt.Sprintf("Email %q to %s", r.Subject, to)
	// Shown, so the seller sees what is missing, but never sent: an email
	// signed by no one, or with a button that leads nowhere.
	if data.Shop.Name == "" {
		return domain.Errorf(domain.CodeInvalid, "%s", email.NoShopName)
	}
	if data.Cart.RecoveryURL == "" && email.UsesCartLink(t) {
		return domain.Errorf(domain.CodeInvalid, "%s", email.NoCartLink)
	}
	return nil
}

// Apply renders again with the coupon the sequence really issued, then
// queues the message with a fresh Message-ID.
func (a *SendEmail) Apply(ctx context.Context, ac *applyCtx, sub *Subject, it *Item, fx Effects) (string, error) {
	r := it.Email.Rendered
	coupon, err := fx.SequenceCoupon()
	if err != nil {
		return "", err
	}
	if a.couponStep != nil && coupon == nil {
		// A later email of a sequence with a coupon (the win-back's
		// account-closure notice) may not show it: it goes without.
		t, err := a.template(ac.renderer)
		if err != nil {
			return "", err
		}
		if email.UsesCoupon(t) {
			return "", domain.Errorf(domain.CodeConflict, "this email shows a coupon that was not issued: approve the coupon step too")
		}
	}
	if coupon != nil {
		t, err := a.template(ac.renderer)
		if err != nil {
			return "", err
		}
		data, err := ac.pc.emailData(sub, a.Step, couponData(coupon, ac.pc.settings.Location))
		if err != nil {
			return "", err
		}
		if r, err = ac.renderer.Render(t, data); err != nil {
			return "", err
		}
	}
	kind := domain.KindTransactional
	if a.Marketing {
		kind = domain.KindMarketing
	}
	// The headers the mail package allows on a stored message: which
	// template it came from, and that a machine sent it (RFC 3834), so
	// auto-responders do not answer. List-Unsubscribe is added by
	// mail.Compose for every marketing message, with the account's address.
	headers := map[string]string{"X-Shopclerk-Template": r.Template, "Auto-Submitted": "auto-generated"}
	id, err := fx.QueueEmail(rulesdb.OutMessage{MessageID: ac.messageID(), Kind: kind, To: it.Email.To, ToName: it.Email.ToName,
		Subject: r.Subject, HTML: r.HTML, Text: r.Text, Headers: headers, CustomerID: sub.customerID(), Template: r.Template})
	return fmt.Sprintf("message %d", id), err
}

func couponData(c *rulesdb.IssuedCoupon, loc *time.Location) *email.Coupon {
	cd := &email.Coupon{Code: c.Code, Description: email.CouponDescription(c.PercentOff, c.AmountOff, c.Currency, c.FreeShipping)}
	if c.ExpiresAt != nil {
		cd.ExpiresOn = c.ExpiresAt.In(loc).Format("2 January 2006")
	}
	return cd
}
