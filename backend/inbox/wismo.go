package inbox

import (
	"context"
	"fmt"
	"strings"

	"shopclerk/backend/domain"
)

// draftOrderStatus answers "where is my order?" with the order's tracking
// status, as a draft in the outbox: the seller reads and approves it, it
// never goes out by itself.
func (s *Syncer) draftOrderStatus(ctx context.Context, p Parsed, key string, cust *int64, res *SyncResult) error {
	if s.outbox == nil {
		return nil
	}
	order, ok, err := s.store.LatestOrderByEmail(ctx, p.From)
	if err != nil || !ok {
		return err
	}
	subject := p.Subject
	if !strings.HasPrefix(strings.ToLower(subject), "re:") {
		subject = "Re: " + subject
	}
	refs := strings.TrimSpace(strings.Join(append(p.References, p.MessageID), " "))
	m := &domain.OutboxMessage{Kind: domain.KindTransactional, ToAddr: p.From, Subject: subject,
		Text: OrderStatusText(order), Status: domain.MsgDraft, CustomerID: cust,
		LedgerKey: "inbox/wismo/" + key, Template: "order_status_reply",
		Headers: map[string]string{"In-Reply-To": p.MessageID, "References": refs}}
	if order.Customer != nil {
		m.ToName = strings.TrimSpace(order.Customer.FirstName + " " + order.Customer.LastName)
	}
	id, err := s.outbox.Enqueue(ctx, m)
	if err != nil {
		return err
	}
	res.Drafts++
	title := fmt.Sprintf("Approve the reply to %s about order %s", p.From, order.Order.Name)
	detail := fmt.Sprintf("A draft with the tracking status is waiting in the Outbox (message %d).", id)
	tid, err := s.store.CreateTaskOnce(ctx, "inbox/wismo-task/"+key, title, detail, cust, &order.Order.ID)
	if err != nil {
		return err
	}
	res.Tasks++
	res.made(Made{Kind: MadeTask, TaskID: tid, MessageID: id, Email: p.From, Title: title, Detail: detail})
	return nil
}

// OrderStatusText is the body of the reply draft: where each parcel is.
func OrderStatusText(d domain.OrderDetail) string {
	var b strings.Builder
	name := "there"
	if d.Customer != nil && d.Customer.FirstName != "" {
		name = d.Customer.FirstName
	}
	fmt.Fprintf(&b, "Hi %s,\n\nthanks for asking about your order %s.\n\n", name, d.Order.Name)
	if len(d.Shipments) == 0 {
		b.WriteString("It has not shipped yet. We will send you the tracking link as soon as it is on its way.\n")
	}
	for _, sh := range d.Shipments {
		status := map[domain.ShipmentStatus]string{
			domain.ShipmentLabelCreated:   "is packed and waiting for the carrier to pick it up",
			domain.ShipmentInTransit:      "is on its way",
			domain.ShipmentOutForDelivery: "is out for delivery today",
			domain.ShipmentDelivered:      "was delivered",
			domain.ShipmentException:      "has a delivery problem the carrier is looking into",
		}[sh.Status]
		if status == "" {
			status = "is with the carrier"
		}
		fmt.Fprintf(&b, "Your parcel %s", status)
		if sh.DeliveredAt != nil && sh.Status == domain.ShipmentDelivered {
			fmt.Fprintf(&b, " on %s", sh.DeliveredAt.Format("2 January"))
		}
		b.WriteString(".")
		if sh.Carrier != "" || sh.TrackingNumber != "" {
			fmt.Fprintf(&b, " %s tracking number: %s.", sh.Carrier, sh.TrackingNumber)
		}
		if sh.TrackingURL != "" {
			fmt.Fprintf(&b, "\nTrack it here: %s", sh.TrackingURL)
		}
		b.WriteString("\n")
	}
	b.WriteString("\nBest wishes\n")
	return b.String()
}
