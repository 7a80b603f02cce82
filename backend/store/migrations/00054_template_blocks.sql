-- +goose Up
-- The block editor's document of a template (issue 17): JSON of the blocks
-- the seller built, kept beside the html written from them so the editor
-- reopens the blocks as they were. Empty for a template saved as HTML (and
-- for every row before this), which the editor reads back as blocks itself.
ALTER TABLE email_templates ADD COLUMN blocks TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE email_templates DROP COLUMN blocks;
