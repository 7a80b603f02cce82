package mail

import (
	"context"
	"time"

	"shopclerk/backend/domain"
)

// SendTest sends one message to check an account from Settings > Email:
// straight over SMTP, not through the outbox, so the seller sees the
// server's reply (or why it refused) at once. Test mode does not apply:
// the seller typed the address themselves.
func SendTest(ctx context.Context, a Account, secret SecretFunc, to string, now time.Time) (string, error) {
	a.TestMode = false
	c, err := Compose(a, domain.OutboxMessage{MessageID: NewMessageID(a.FromAddress, now), Kind: domain.KindTransactional,
		ToAddr: to, Subject: "Shopclerk test email", Text: "This is a test from Shopclerk. Your email account works."}, now)
	if err != nil {
		return "", err
	}
	conn, err := SMTPDialer(a, secret)(ctx)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	reply, err := conn.Send(ctx, c, nil)
	if err != nil {
		return "", Explain(err, a)
	}
	return reply, nil
}
