-- +goose Up
-- Etsy's exports never carry a buyer's email; its API may. A buyer first
-- synced with an email and then met in an export by their Etsy user id
-- alone is the same customer: this index finds them (importdb's
-- CustomerByEtsyID). Only Etsy's rows, so other shops pay nothing for it.
CREATE INDEX customers_etsy_emailed ON customers(external_id) WHERE email <> '' AND source = 'etsy';

-- +goose Down
DROP INDEX customers_etsy_emailed;
