-- +goose Up
-- FAQ replies (issue 13): answers the seller keeps to common questions
-- (returns, shipping times, sizes, opening hours). An incoming email whose
-- words match an answer's keywords in one of its languages becomes a reply
-- draft in that language, waiting in the outbox for the seller's approval.
CREATE TABLE faq_answers (
    id         INTEGER PRIMARY KEY,
    topic      TEXT    NOT NULL,              -- the seller's name for it: "Returns"
    enabled    INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

-- One language's words and answer. keywords: comma-separated words or
-- phrases ("return, refund, send back"; a trailing * matches any ending);
-- answer: a text template (.Customer, .Shop), checked on save.
CREATE TABLE faq_texts (
    faq_id   INTEGER NOT NULL REFERENCES faq_answers(id) ON DELETE CASCADE,
    lang     TEXT    NOT NULL,                -- ISO 639-1: en, de, fr, ...
    keywords TEXT    NOT NULL,
    answer   TEXT    NOT NULL,
    PRIMARY KEY (faq_id, lang)
) STRICT, WITHOUT ROWID;

-- +goose Down
SELECT 'down migrations are not supported: restore a backup instead';
