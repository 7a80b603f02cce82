-- +goose Up
-- The ready-made spend-tier flow's tier is an amount of money (a step's
-- moneyVars, since this version), in cents like the flow's condition
-- (order.total >= 20000): its email says "spent over 200.00 EUR". Flows
-- installed before keep their stored definition, whose tier "200" the email
-- printed as is, and the flow editor has no control for moneyVars. Give
-- their coupon email's tier in cents and mark it as money, where it is still
-- a plain number (a seller who typed a word there keeps it as text).
UPDATE rules SET definition = (
    SELECT json_set(json_set(rules.definition,
            '$.steps[' || s.key || '].moneyVars', json('["tier"]')),
            '$.steps[' || s.key || '].vars.tier',
            CAST(CAST(round(CAST(json_extract(s.value, '$.vars.tier') AS REAL) * 100) AS INTEGER) AS TEXT))
    FROM json_each(rules.definition, '$.steps') AS s
    WHERE json_extract(s.value, '$.template') = 'spend_tier_coupon'
      AND json_extract(s.value, '$.moneyVars') IS NULL
      AND json_type(s.value, '$.vars.tier') = 'text'
      AND json_extract(s.value, '$.vars.tier') GLOB '[0-9]*'
      AND json_extract(s.value, '$.vars.tier') NOT GLOB '*[^0-9.]*'
    ORDER BY s.key LIMIT 1)
WHERE template = 'spend_tiers' AND json_valid(definition) AND json_type(definition, '$.steps') = 'array' AND EXISTS (
    SELECT 1 FROM json_each(rules.definition, '$.steps') AS s
    WHERE json_extract(s.value, '$.template') = 'spend_tier_coupon'
      AND json_extract(s.value, '$.moneyVars') IS NULL
      AND json_type(s.value, '$.vars.tier') = 'text'
      AND json_extract(s.value, '$.vars.tier') GLOB '[0-9]*'
      AND json_extract(s.value, '$.vars.tier') NOT GLOB '*[^0-9.]*');

-- +goose Down
SELECT 1;
