package customersdb

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store"
	"shopclerk/backend/store/customersdb/internal/queries"
)

// SetTag adds (or, with added false, removes) one tag on a customer and
// records the change for the timeline, in one transaction. updated_at moves
// so the automations see the change (a tag can start a flow). It returns
// the tags as stored; changed is false when there was nothing to do.
func (s *DB) SetTag(ctx context.Context, id int64, tag string, added bool) (tags []string, changed bool, err error) {
	err = s.InTx(ctx, func(tx *sql.Tx) error {
		g := s.gen().WithTx(tx)
		cur, err := g.CustomerTagsGet(ctx, id)
		if errors.Is(err, sql.ErrNoRows) {
			return domain.Errorf(domain.CodeNotFound, "customer %d was not found", id)
		}
		if err != nil {
			return err
		}
		tags = domain.SplitTags(cur)
		same := func(t string) bool { return strings.EqualFold(t, tag) }
		switch {
		case added && !slices.ContainsFunc(tags, same):
			tags = append(tags, tag)
		case !added && slices.ContainsFunc(tags, same):
			tags = slices.DeleteFunc(tags, same)
		default:
			return nil
		}
		changed = true
		now := s.Now()
		if err := g.CustomerTagsSet(ctx, queries.CustomerTagsSetParams{ID: id, Tags: store.JoinTags(tags), UpdatedAt: now}); err != nil {
			return err
		}
		return g.TagChangeInsert(ctx, queries.TagChangeInsertParams{CustomerID: id, Tag: tag, Added: int64(store.BoolInt(added)), At: now})
	})
	if err != nil && domain.CodeOf(err) != domain.CodeNotFound {
		err = domain.Wrap(err, domain.CodeInternal, "Shopclerk could not save the customer's tags")
	}
	return tags, changed, err
}

// Note is one of the seller's notes on a customer.
type Note struct {
	ID        int64     `json:"id"`
	Body      string    `json:"body"`
	CreatedAt time.Time `json:"createdAt"`
}

// Notes lists the seller's notes on a customer, newest first.
func (s *DB) Notes(ctx context.Context, id int64) ([]Note, error) {
	rows, err := s.gen().NoteList(ctx, id)
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the customer's notes")
	}
	out := make([]Note, len(rows))
	for i, r := range rows {
		out[i] = Note{ID: r.ID, Body: r.Body, CreatedAt: time.Unix(r.CreatedAt, 0).UTC()}
	}
	return out, nil
}

// AddNote stores a note on customer id.
func (s *DB) AddNote(ctx context.Context, id int64, body string) (Note, error) {
	now := s.Now()
	res, err := s.gen().NoteInsert(ctx, queries.NoteInsertParams{CustomerID: id, Body: body, CreatedAt: now})
	if err != nil {
		return Note{}, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not save the note")
	}
	nid, _ := res.LastInsertId()
	return Note{ID: nid, Body: body, CreatedAt: time.Unix(now, 0).UTC()}, nil
}

// DeleteNote removes one of customer id's notes.
func (s *DB) DeleteNote(ctx context.Context, id, noteID int64) error {
	res, err := s.gen().NoteDelete(ctx, queries.NoteDeleteParams{ID: noteID, CustomerID: id})
	if err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not delete the note")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.Errorf(domain.CodeNotFound, "that note was not found; it may have been deleted already")
	}
	return nil
}
