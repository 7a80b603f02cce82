package outboxdb

import (
	"context"
	"encoding/json"

	"shopclerk/backend/domain"
)

// The Sent-folder filing queue lives in the messages table: a claim marks
// the copy due when the account needs Shopclerk to file one (ClaimStamp),
// and the queue is the sent messages whose copy is still due. A copy goes
// due -> appending (committed before the APPEND) -> filed, so a crash
// between the APPEND and its record leaves the copy 'appending', and the
// next filer looks for it in the Sent folder instead of filing it twice.

// DueCopy is a Sent copy waiting to be filed.
type DueCopy struct {
	ID int64
	// LookFirst says an APPEND of it may have begun: search the Sent
	// folder before filing it.
	LookFirst bool
}

// DueCopies lists up to limit sent messages whose Sent copy is due, oldest
// first.
func (s *DB) DueCopies(ctx context.Context, limit int) ([]DueCopy, error) {
	rows, err := s.SQL().QueryContext(ctx, q("MsgCopiesDue"), limit)
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read which copies are still to be filed in your Sent folder")
	}
	defer rows.Close()
	var out []DueCopy
	for rows.Next() {
		var c DueCopy
		var state int
		if err := rows.Scan(&c.ID, &state); err != nil {
			return nil, err
		}
		c.LookFirst = state == 2
		out = append(out, c)
	}
	return out, rows.Err()
}

// CopiesAppending records, before the APPEND, that copies of ids may be
// on their way to the Sent folder.
func (s *DB) CopiesAppending(ctx context.Context, ids []int64) error {
	return s.execIDs(ctx, "MsgCopiesAppending", ids)
}

// CopiesFiled records that copies of ids are in the Sent folder.
func (s *DB) CopiesFiled(ctx context.Context, ids []int64) error {
	return s.execIDs(ctx, "MsgCopiesFiled", ids)
}

// CopyLookFirst makes a due copy of message id be looked for in the Sent
// folder before it is filed (the message was found in the mailbox, perhaps
// there).
func (s *DB) CopyLookFirst(ctx context.Context, id int64) error {
	_, err := s.SQL().ExecContext(ctx, q("MsgCopyLookFirst"), id)
	return err
}

func (s *DB) execIDs(ctx context.Context, name string, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	list, _ := json.Marshal(ids)
	if _, err := s.SQL().ExecContext(ctx, q(name), string(list)); err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not record the copies in your Sent folder")
	}
	return nil
}

// Proofs returns the proofs of delivery each message carries, as its claim
// recorded them ("" when none, or when it was claimed before Shopclerk kept
// them).
func (s *DB) Proofs(ctx context.Context, ids []int64) (map[int64]string, error) {
	list, _ := json.Marshal(ids)
	rows, err := s.SQL().QueryContext(ctx, q("MsgProofs"), string(list))
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the outbox")
	}
	defer rows.Close()
	out := make(map[int64]string, len(ids))
	for rows.Next() {
		var id int64
		var p string
		if err := rows.Scan(&id, &p); err != nil {
			return nil, err
		}
		out[id] = p
	}
	return out, rows.Err()
}

// MessagesByID returns the messages ids, in id order (missing ones left out).
func (s *DB) MessagesByID(ctx context.Context, ids []int64) ([]domain.OutboxMessage, error) {
	list, _ := json.Marshal(ids)
	return s.queryMessages(ctx, q("MsgColumns")+" WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id", string(list))
}
