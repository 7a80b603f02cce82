-- +goose Up
-- "Stop other sequences" used to stop every running sequence of the
-- customer, so cancelling one order lost the confirmation of another, valid
-- one. A stop is now scoped: by default to the sequences its order started
-- (order_id), customer-wide only when the seller chooses it (order_id NULL).
-- A guest order's stop has no customer, so customer_id may be NULL.
--
-- The table is rebuilt by copying, not with ALTER TABLE ... RENAME, which
-- opens the connection's temporary database, and the importer later
-- changes temp_store, which SQLite refuses once that is open.
CREATE TABLE rule_stops_before AS SELECT * FROM rule_stops;
DROP TABLE rule_stops;
CREATE TABLE rule_stops (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER REFERENCES customers(id),
    order_id    INTEGER REFERENCES orders(id), -- set: only the sequences this order started
    rule_id     INTEGER NOT NULL,              -- the flow that stopped them (0: the inbox)
    at          INTEGER NOT NULL,
    reason      TEXT    NOT NULL DEFAULT '',   -- the stopping occurrence, or the inbox's reason
    ledger_key  TEXT    NOT NULL UNIQUE
) STRICT;

-- The flows' stops so far meant what their step now means by default: the
-- order of their occurrence (order:12:cancelled, or a shipment's order).
-- The inbox's stops (unsubscribes, bounces) stay customer-wide.
INSERT INTO rule_stops (id, customer_id, order_id, rule_id, at, reason, ledger_key)
SELECT s.id, s.customer_id,
    CASE
        WHEN s.rule_id = 0 THEN NULL
        WHEN s.reason GLOB 'order:[0-9]*:*' THEN (SELECT o.id FROM orders o
            WHERE o.id = CAST(substr(s.reason, 7, instr(substr(s.reason, 7), ':') - 1) AS INTEGER))
        WHEN s.reason GLOB 'shipment:[0-9]*:*' THEN (SELECT sh.order_id FROM shipments sh
            WHERE sh.id = CAST(substr(s.reason, 10, instr(substr(s.reason, 10), ':') - 1) AS INTEGER))
    END,
    s.rule_id, s.at, s.reason, s.ledger_key
FROM rule_stops_before s;
DROP TABLE rule_stops_before;
CREATE INDEX rule_stops_customer ON rule_stops(customer_id, at);
CREATE INDEX rule_stops_order ON rule_stops(order_id, at) WHERE order_id IS NOT NULL;

-- A flow whose trigger has no order (a tag, a sign-up, a birthday) can only
-- stop the customer's sequences, as it did: say so in its steps, where the
-- seller now sees and chooses it.
-- (json() around the subquery: a value loses its JSON subtype on the way
-- out of a subquery, and json_set would store the array as a string.)
UPDATE rules SET definition = json_set(definition, '$.steps', json((
    SELECT json_group_array(json(CASE
        WHEN s.type = 'object' AND json_extract(s.value, '$.action') = 'stop_sequences'
            AND json_type(s.value, '$.scope') IS NULL THEN json_set(s.value, '$.scope', 'customer')
        ELSE rules.definition -> ('$.steps[' || s.key || ']') END))
    FROM json_each(rules.definition, '$.steps') AS s)))
WHERE json_valid(definition) AND json_type(definition, '$.steps') = 'array'
    AND EXISTS (SELECT 1 FROM json_each(rules.definition, '$.steps') AS s
        WHERE s.type = 'object' AND json_extract(s.value, '$.action') = 'stop_sequences' AND json_type(s.value, '$.scope') IS NULL)
    AND COALESCE(json_extract(definition, '$.trigger.type'), '') NOT IN ('order_created', 'order_paid', 'order_fulfilled',
        'order_cancelled', 'order_refunded', 'payment_overdue', 'renewal_due', 'shipment_status')
    AND NOT (json_extract(definition, '$.trigger.type') = 'days_after'
        AND COALESCE(json_extract(definition, '$.trigger.after'), '') IN ('order_paid', 'order_fulfilled', 'delivered'));

-- +goose Down
SELECT 'down migrations are not supported: restore a backup instead';
