-- +goose Up
-- The ready-made spend-tier flow had one email for both tiers, whose tier
-- was fixed at the lower one: a customer over the 400 tier got "10 % + free
-- shipping" with a text saying "spent over 200.00 EUR". Each tier now has
-- its own email behind the If its coupon has. Flows installed before get
-- the same: their email keeps its place (and its ledger history) for the
-- lower tier, and a copy of it for the higher tier is added at the end.
--
-- Only flows still shaped as installed are changed: one spend_tier_coupon
-- email without an If, its tier an amount in cents (moneyVars, 00017), and
-- one coupon step "If order.total >= N" with N above that tier. A flow the
-- seller rebuilt otherwise is theirs and left alone, as are damaged ones.
-- Scratch tables are ordinary ones, dropped at the end: a TEMP table would
-- open the connection's temporary database, and the importer later changes
-- temp_store, which SQLite refuses once that is open.
CREATE TABLE m00047_steps AS
SELECT r.id AS rule_id, s.key AS step, s.value AS value
FROM rules r, json_each(r.definition, '$.steps') AS s
WHERE r.template = 'spend_tiers' AND json_valid(r.definition) AND json_type(r.definition, '$.steps') = 'array'
    AND s.type = 'object';

CREATE TABLE m00047_split AS
SELECT e.rule_id, e.step AS email_step, e.value AS email,
    json_array_length(r.definition, '$.steps') AS new_step,
    CAST(substr(json_extract(c.value, '$.if'), 16) AS INTEGER) AS high
FROM m00047_steps e
JOIN m00047_steps c ON c.rule_id = e.rule_id
JOIN rules r ON r.id = e.rule_id
WHERE json_extract(e.value, '$.action') = 'send_email' AND json_extract(e.value, '$.template') = 'spend_tier_coupon'
    AND COALESCE(json_extract(e.value, '$.if'), '') = ''
    AND json_type(e.value, '$.vars.tier') = 'text'
    AND json_extract(e.value, '$.vars.tier') GLOB '[0-9]*' AND json_extract(e.value, '$.vars.tier') NOT GLOB '*[^0-9]*'
    AND json_type(e.value, '$.moneyVars') = 'array'
    AND EXISTS (SELECT 1 FROM json_each(e.value, '$.moneyVars') AS m WHERE m.value = 'tier')
    AND json_extract(c.value, '$.action') = 'issue_coupon'
    AND json_type(c.value, '$.if') = 'text'
    AND json_extract(c.value, '$.if') GLOB 'order.total >= [0-9]*'
    AND substr(json_extract(c.value, '$.if'), 16) NOT GLOB '*[^0-9]*'
    AND CAST(substr(json_extract(c.value, '$.if'), 16) AS INTEGER) > CAST(json_extract(e.value, '$.vars.tier') AS INTEGER)
    AND (SELECT COUNT(*) FROM m00047_steps x WHERE x.rule_id = e.rule_id
        AND json_extract(x.value, '$.template') = 'spend_tier_coupon') = 1
    AND (SELECT COUNT(*) FROM m00047_steps x WHERE x.rule_id = e.rule_id
        AND json_extract(x.value, '$.action') = 'issue_coupon' AND json_extract(x.value, '$.if') GLOB 'order.total >= *') = 1;

-- Orders whose one email went out before have had their tier email: the
-- new step is settled for them in the ledger (skipped, not an exit), so
-- nobody gets a second one.
INSERT INTO rule_ledger (key, rule_id, subject, occurrence, step, status, due_at, done_at, result)
SELECT l.rule_id || '/' || l.subject || '/' || l.occurrence || '/' || s.new_step, l.rule_id, l.subject, l.occurrence,
    s.new_step, 'skipped', l.due_at, l.done_at, 'sent as step ' || (s.email_step + 1) || ' before each tier had its email'
FROM rule_ledger l JOIN m00047_split s ON s.rule_id = l.rule_id AND l.step = s.email_step
WHERE l.status = 'done'
ON CONFLICT (key) DO NOTHING;

UPDATE rules SET definition = (
    SELECT json_insert(json_set(rules.definition, '$.steps[' || s.email_step || '].if', 'order.total < ' || s.high),
        '$.steps[#]', json_set(json(s.email), '$.if', 'order.total >= ' || s.high, '$.vars.tier', CAST(s.high AS TEXT)))
    FROM m00047_split s WHERE s.rule_id = rules.id)
WHERE id IN (SELECT rule_id FROM m00047_split);

DROP TABLE m00047_split;
DROP TABLE m00047_steps;

-- +goose Down
SELECT 'down migrations are not supported: restore a backup instead';
