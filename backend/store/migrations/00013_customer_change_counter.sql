-- +goose Up
-- A counter the automation engine reads before looking for consent and tag
-- changes: when no customer was added and no consent or tags were written
-- since its last look, it skips reading the customers at all. Triggers keep
-- it exact whatever wrote the row (an import, a sync, the engine's own tags).
CREATE TABLE rule_changes (
    name    TEXT    PRIMARY KEY,
    version INTEGER NOT NULL
) STRICT;
INSERT INTO rule_changes (name, version) VALUES ('customers', 1);

-- +goose StatementBegin
CREATE TRIGGER customers_changed_insert AFTER INSERT ON customers
BEGIN
    UPDATE rule_changes SET version = version + 1 WHERE name = 'customers';
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER customers_changed_update AFTER UPDATE OF accepts_marketing, tags ON customers
BEGIN
    UPDATE rule_changes SET version = version + 1 WHERE name = 'customers';
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER customers_changed_update;
DROP TRIGGER customers_changed_insert;
DROP TABLE rule_changes;
