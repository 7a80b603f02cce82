package domain

import "time"

// What the inbox sync made of an inbound message: inbox classifies and
// records it, the app lists it.

// InboxKind is what the sync made of an inbound message.
type InboxKind string

const (
	InboxReply         InboxKind = "reply"
	InboxAutoReply     InboxKind = "auto_reply"
	InboxBounce        InboxKind = "bounce"
	InboxComplaint     InboxKind = "complaint"
	InboxUnsubscribe   InboxKind = "unsubscribe"
	InboxOrderQuestion InboxKind = "order_question"
	InboxOther         InboxKind = "other"
)

// InboxItem is one inbound message the sync processed.
type InboxItem struct {
	Mailbox     string    `json:"mailbox"`
	UIDValidity uint32    `json:"-"`
	UID         uint32    `json:"uid"`
	MessageID   string    `json:"messageId"`
	Kind        InboxKind `json:"kind"`
	From        string    `json:"from"`
	Subject     string    `json:"subject"`
	RelatedID   *int64    `json:"relatedId"`
	CustomerID  *int64    `json:"customerId"`
	Detail      string    `json:"detail"`
	ReceivedAt  time.Time `json:"receivedAt"`
}
