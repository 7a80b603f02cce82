-- Reply drafts the seller edits before approving (issue 13: FAQ and "where
-- is my order" drafts). Only a draft changes; its HTML part is dropped, so
-- what goes out is the text the seller approved.

-- name: DraftEdit
UPDATE messages SET subject = ?2, text = ?3, html = '' WHERE id = ?1 AND status = 'draft'
