package flow

import (
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/email"
)

// A flow's email to a customer cannot use .PurchaseOrder: only the purchase
// order email to a supplier is given one, so it would print blanks.
func TestFlowEmailCannotUsePurchaseOrder(t *testing.T) {
	d := Definition{Trigger: TriggerSpec{Type: domain.TriggerOrderPaid}, Policy: Policy{CatchUp: CatchUpSkip, MaxLateHours: 72},
		Steps: []Step{{Action: domain.StepSendEmail, Subject: "Your order", Body: "<p>PO {{.PurchaseOrder.Number}}</p>"}}}
	probs := Validate(d)
	if len(probs) != 1 || probs[0].Message != email.NoPurchaseOrder {
		t.Fatalf("%+v", probs)
	}
	d.Steps[0].Body = "<p>Thanks, {{.Customer.FirstName}}</p>"
	if probs := Validate(d); len(probs) != 0 {
		t.Fatalf("a plain customer email: %+v", probs)
	}
}
