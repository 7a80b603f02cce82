-- +goose Up
-- The ready-made spend-tier flow's tier is an amount of money (a step's
-- moneyVars, since this version): its email says "spent over 200.00 EUR".
-- Flows installed before keep their stored definition, which still said
-- "spent over 200", and the flow editor has no control for moneyVars. Mark
-- the tier of their coupon email as money, where it is still a plain number
-- (a seller who typed a word there keeps it as text).
UPDATE rules SET definition = (
    SELECT json_set(rules.definition, '$.steps[' || s.key || '].moneyVars', json('["tier"]'))
    FROM json_each(rules.definition, '$.steps') AS s
    WHERE json_extract(s.value, '$.template') = 'spend_tier_coupon'
      AND json_extract(s.value, '$.moneyVars') IS NULL
      AND json_type(s.value, '$.vars.tier') = 'text'
      AND json_extract(s.value, '$.vars.tier') GLOB '[0-9]*'
      AND json_extract(s.value, '$.vars.tier') NOT GLOB '*[^0-9.]*'
    ORDER BY s.key LIMIT 1)
WHERE template = 'spend_tiers' AND json_valid(definition) AND EXISTS (
    SELECT 1 FROM json_each(rules.definition, '$.steps') AS s
    WHERE json_extract(s.value, '$.template') = 'spend_tier_coupon'
      AND json_extract(s.value, '$.moneyVars') IS NULL
      AND json_type(s.value, '$.vars.tier') = 'text'
      AND json_extract(s.value, '$.vars.tier') GLOB '[0-9]*'
      AND json_extract(s.value, '$.vars.tier') NOT GLOB '*[^0-9.]*');

-- +goose Down
SELECT 1;
