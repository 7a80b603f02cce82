package mail

import (
	"strings"

	"shopclerk/backend/store/outboxdb"
)

// Proof is something that puts a copy of each sent message in the seller's
// mailbox, so that after a crash a message missing from it can be called
// unsent. Which proofs a message carries is fixed when it is claimed
// (outboxdb.ClaimStamp): the account may change before the in-doubt check,
// and only what really went with the message may decide it.
type Proof string

const (
	// ProofSentFolder: the provider files every message it accepts in
	// the Sent folder (Gmail, Outlook).
	ProofSentFolder Proof = "sent"
	// ProofInbox: a copy goes to the seller's own address, into INBOX: the
	// hidden confirm copy, or in test mode the message itself when the test
	// address is the seller's own.
	ProofInbox Proof = "inbox"
)

// confirmCopyTo is the address that gets a hidden copy of each message, ""
// when none: the seller's own, when they asked for confirm copies, outside
// test mode.
func (a Account) confirmCopyTo() string {
	if a.ConfirmCopy && !a.TestMode {
		return a.FromAddress
	}
	return ""
}

// proofs are the proofs a message sent with the account carries.
func (a Account) proofs() []Proof {
	var p []Proof
	if a.ProviderFilesSent {
		p = append(p, ProofSentFolder)
	}
	if a.confirmCopyTo() != "" || (a.TestMode && sameAddress(a.TestAddress, a.FromAddress)) {
		p = append(p, ProofInbox)
	}
	return p
}

// claimStamp is what the outbox's claims fix on each message: the proofs it
// carries, and whether Shopclerk owes the Sent folder a copy (it has a
// mailbox whose provider does not file sent mail itself).
func (o *Outbox) claimStamp() outboxdb.ClaimStamp {
	ps := o.account.proofs()
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = string(p)
	}
	return outboxdb.ClaimStamp{Proofs: strings.Join(s, ","), SentCopy: o.mailbox != nil && !o.account.ProviderFilesSent}
}

// parseProofs reads a message's recorded proofs.
func parseProofs(s string) map[Proof]bool {
	out := map[Proof]bool{}
	for _, p := range strings.Split(s, ",") {
		if p != "" {
			out[Proof(p)] = true
		}
	}
	return out
}

// sameAddress compares two addresses as mail servers route them.
func sameAddress(a, b string) bool {
	return a != "" && strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}
