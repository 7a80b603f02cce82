package domain

import "time"

// The outbox's vocabulary: a message, its kind and the states of the outbox
// state machine (invariant 3), the do-not-mail list. mail sends, inbox files
// replies and bounces, rules and inventory queue, the app shows; store keeps
// the rows and enforces the moves in SQL.

// MessageStatus is a state of the outbox state machine (invariant 3):
// queued -> sending -> sent | deferred | failed | in_doubt, plus cancelled,
// draft (a reply the seller has not approved yet) and bounced (sent, then
// returned: the inbox matched a delivery report to it).
type MessageStatus string

const (
	MsgDraft     MessageStatus = "draft"
	MsgQueued    MessageStatus = "queued"
	MsgSending   MessageStatus = "sending"
	MsgSent      MessageStatus = "sent"
	MsgDeferred  MessageStatus = "deferred"
	MsgFailed    MessageStatus = "failed"
	MsgInDoubt   MessageStatus = "in_doubt"
	MsgCancelled MessageStatus = "cancelled"
	// MsgBounced is a message the server accepted and a receiving server
	// later returned: the inbox matched a failed delivery report (DSN) to
	// it. The report's reason is kept in LastError.
	MsgBounced MessageStatus = "bounced"
)

// MessageKind decides what a message may carry: only marketing mail gets
// List-Unsubscribe headers and a footer link, and only to opted-in customers.
type MessageKind string

const (
	KindTransactional MessageKind = "transactional"
	KindMarketing     MessageKind = "marketing"
	KindSupplier      MessageKind = "supplier"
)

// SuppressionReason says why an address must not be mailed.
type SuppressionReason string

const (
	SuppressUnsubscribed SuppressionReason = "unsubscribed"
	SuppressHardBounce   SuppressionReason = "hard_bounce"
	SuppressComplaint    SuppressionReason = "complaint"
	SuppressManual       SuppressionReason = "manual"
)

// Attachment is a file sent with a message (purchase orders as xlsx).
type Attachment struct {
	Name        string `json:"name"`
	ContentType string `json:"contentType"`
	Data        []byte `json:"data"`
}

// OutboxMessage is one row of the outbox.
type OutboxMessage struct {
	ID            int64             `json:"id"`
	MessageID     string            `json:"messageId"`
	Kind          MessageKind       `json:"kind"`
	ToAddr        string            `json:"toAddr"`
	ToName        string            `json:"toName"`
	Subject       string            `json:"subject"`
	HTML          string            `json:"html"`
	Text          string            `json:"text"`
	Headers       map[string]string `json:"headers"`
	Attachments   []Attachment      `json:"attachments"`
	Status        MessageStatus     `json:"status"`
	Attempts      int               `json:"attempts"`
	LastError     string            `json:"lastError"`
	NextAttemptAt *time.Time        `json:"nextAttemptAt"`
	CustomerID    *int64            `json:"customerId"`
	LedgerKey     string            `json:"ledgerKey"`
	CreatedAt     time.Time         `json:"createdAt"`
	SentAt        *time.Time        `json:"sentAt"`
	SendingAt     *time.Time        `json:"sendingAt"`
	ServerReply   string            `json:"serverReply"`
	DeliveredTo   string            `json:"deliveredTo"`
	Filed         bool              `json:"filed"`
	Template      string            `json:"template"`
	// Why says, for the Outbox screen, why the message is where it is: for
	// one that waits, what holds it back right now. Worked out when the
	// screen asks (mail.WaitState.Why), never stored.
	Why string `json:"why"`
}

// Suppression is one address on the do-not-mail list.
type Suppression struct {
	Email  string            `json:"email"`
	Reason SuppressionReason `json:"reason"`
	Detail string            `json:"detail"`
	At     time.Time         `json:"at"`
}

// Transition describes one move of the state machine.
type Transition struct {
	From, To    MessageStatus
	Reason      string
	NextAttempt *time.Time
	At          time.Time // sent_at when To is sent
	ServerReply string
	DeliveredTo string
	// Unclaim gives back the attempt counted by the claim (a quota pause or
	// a suppressed address is not a delivery attempt).
	Unclaim bool
}
