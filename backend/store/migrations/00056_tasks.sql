-- +goose Up
-- Tasks and holds screen (issue 13): a task is done (when the seller ticked
-- it) or snoozed until a time (it leaves the open list until then and comes
-- back by itself). status stays 'open' or 'done'.
ALTER TABLE tasks ADD COLUMN done_at       INTEGER;
ALTER TABLE tasks ADD COLUMN snoozed_until INTEGER;
CREATE INDEX tasks_status ON tasks(status, created_at);
CREATE INDEX tasks_order ON tasks(order_id) WHERE order_id IS NOT NULL;

-- SMS marketing consent as the store gives it (Shopify's customers export
-- column "Accepts SMS Marketing", its API's smsMarketingConsent with
-- consentUpdatedAt). Shopclerk sends no SMS; the customer page shows it.
ALTER TABLE customers ADD COLUMN accepts_sms    INTEGER NOT NULL DEFAULT 0;
ALTER TABLE customers ADD COLUMN sms_consent_at INTEGER;

-- +goose Down
SELECT 'down migrations are not supported: restore a backup instead';
