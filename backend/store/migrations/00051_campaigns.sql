-- +goose Up
-- Campaigns (issue 17): a one-off email to a segment, now or at a time,
-- optionally an A/B test of two subjects or two contents on a sample whose
-- winner goes to the rest. The audience is frozen into campaign_recipients
-- when the campaign starts, one row per customer (the primary key), so the
-- sample and the rest can never overlap and nobody is planned twice. Each
-- recipient's email is a row of the outbox (messages) written in the same
-- transaction as its recipient row's message_id, under the ledger key
-- campaign/<id>/<customer>/email (messages_ledger is unique); its coupon, if
-- any, carries campaign/<id>/<customer>/coupon, so the outbox's coupon hold
-- finds it by the same prefix as a flow's.
CREATE TABLE campaigns (
    id           INTEGER PRIMARY KEY,
    name         TEXT    NOT NULL,
    segment      TEXT    NOT NULL,              -- all, an RFM segment's key, or seg:<id> (the seller's)
    template     TEXT    NOT NULL DEFAULT '',   -- an email template's name ('' : body_a is the content)
    subject_a    TEXT    NOT NULL,
    subject_b    TEXT    NOT NULL DEFAULT '',   -- set: an A/B test of subjects
    body_a       TEXT    NOT NULL DEFAULT '',   -- HTML; '' : the template's
    body_b       TEXT    NOT NULL DEFAULT '',   -- set: an A/B test of contents
    coupon       TEXT    NOT NULL DEFAULT '',   -- JSON coupon spec, one code per recipient; '' : none
    sample_pct   INTEGER NOT NULL DEFAULT 0,    -- share of the audience in the test (A and B together)
    decide_after INTEGER NOT NULL DEFAULT 0,    -- seconds after the sample goes out
    decide_by    TEXT    NOT NULL DEFAULT 'redemptions', -- redemptions or replies
    send_at      INTEGER,                       -- the time the seller chose; NULL: when started
    status       TEXT    NOT NULL DEFAULT 'draft', -- draft, testing, sending, cancelled
    audience     INTEGER NOT NULL DEFAULT 0,    -- recipients frozen at the start
    sample_at    INTEGER,                       -- when the sample (or everyone) goes out
    decide_at    INTEGER,                       -- when the winner is chosen
    winner       TEXT    NOT NULL DEFAULT '',   -- A or B once decided
    decision     TEXT    NOT NULL DEFAULT '',   -- why, in words
    skipped      TEXT    NOT NULL DEFAULT '{}', -- JSON: who was left out at the start, and why
    created_at   INTEGER NOT NULL,
    started_at   INTEGER,
    decided_at   INTEGER,
    rest_at      INTEGER                        -- when the rest's emails were queued
) STRICT;

CREATE TABLE campaign_recipients (
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    grp         TEXT    NOT NULL,   -- A or B (the sample), R (the rest, who get the winner)
    variant     TEXT    NOT NULL DEFAULT '', -- what was sent: A or B ('' until queued)
    message_id  INTEGER REFERENCES messages(id),
    coupon_id   INTEGER REFERENCES coupons(id),
    PRIMARY KEY (campaign_id, customer_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX campaign_recipients_grp ON campaign_recipients(campaign_id, grp);
CREATE INDEX campaign_recipients_message ON campaign_recipients(message_id) WHERE message_id IS NOT NULL;

-- +goose Down
DROP TABLE campaign_recipients;
DROP TABLE campaigns;
