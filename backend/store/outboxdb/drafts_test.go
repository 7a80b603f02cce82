package outboxdb

import (
	"context"
	"testing"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/store/storetest"
)

func TestEditDraftOnlyWhileADraft(t *testing.T) {
	ctx := context.Background()
	st := New(storetest.Open(t, storetest.Clock(clock.Fixed{T: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)})))
	m := domain.OutboxMessage{MessageID: "<d1@shop.test>", Kind: domain.KindTransactional, ToAddr: "ann@example.com",
		Subject: "Re: Rücksendung", Text: "Hallo Ann", HTML: "<p>Hallo Ann</p>", Status: domain.MsgDraft}
	id, _, err := st.EnqueueMessage(ctx, &m)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.EditDraft(ctx, id, "Re: Rücksendung", "  "); domain.CodeOf(err) != domain.CodeInvalid {
		t.Fatalf("empty text: %v", err)
	}
	if err := st.EditDraft(ctx, id, "Re: a\r\nBcc: x@y", "Hi"); domain.CodeOf(err) != domain.CodeInvalid {
		t.Fatalf("header injection: %v", err)
	}
	if err := st.EditDraft(ctx, id, "Re: Ihre Rücksendung", "Hallo Ann,\n\nja, 30 Tage."); err != nil {
		t.Fatal(err)
	}
	got, err := st.GetMessage(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Subject != "Re: Ihre Rücksendung" || got.Text != "Hallo Ann,\n\nja, 30 Tage.\n" || got.HTML != "" || got.Status != domain.MsgDraft {
		t.Fatalf("edited: %+v", got)
	}
	if _, err := st.SQL().ExecContext(ctx, `UPDATE messages SET status = 'queued' WHERE id = ?`, id); err != nil {
		t.Fatal(err)
	}
	if err := st.EditDraft(ctx, id, "Re: x", "changed after approval"); domain.CodeOf(err) != domain.CodeConflict {
		t.Fatalf("edit after approval: %v", err)
	}
}
