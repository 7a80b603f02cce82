-- +goose Up
-- Flows branch (issue 17): each ledger row records the branch path its step
-- lay on when it was done ("" outside any split), so a flow's page counts
-- what each branch sent, and a split's row (status 'branched') keeps the side
-- a customer took. Existing rows were all outside any split.
ALTER TABLE rule_ledger ADD COLUMN path TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE rule_ledger DROP COLUMN path;
