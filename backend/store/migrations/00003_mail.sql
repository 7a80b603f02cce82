-- +goose Up
-- Mail (issue 5): what the outbox and the inbox sync need beyond 00001.

-- When the send loop claimed the message (status 'sending'): a 'sending' row
-- found at start-up was interrupted mid-send and becomes 'in_doubt'.
ALTER TABLE messages ADD COLUMN sending_at INTEGER;
-- The server's reply to DATA (queue id), kept as evidence of delivery.
ALTER TABLE messages ADD COLUMN server_reply TEXT NOT NULL DEFAULT '';
-- The address the message really went to (differs in test mode).
ALTER TABLE messages ADD COLUMN delivered_to TEXT NOT NULL DEFAULT '';
-- 1 once a copy sits in the seller's Sent folder (ours or the provider's).
ALTER TABLE messages ADD COLUMN filed INTEGER NOT NULL DEFAULT 0;
-- The template that rendered it, for the outbox screen and reply matching.
ALTER TABLE messages ADD COLUMN template TEXT NOT NULL DEFAULT '';
-- A planned action enqueues its email once (invariant 2).
CREATE UNIQUE INDEX messages_ledger ON messages(ledger_key) WHERE ledger_key IS NOT NULL;
CREATE INDEX messages_sent_at ON messages(sent_at) WHERE sent_at IS NOT NULL;

-- Incremental IMAP sync: a mailbox is re-read from scratch only when its
-- UIDVALIDITY changes.
CREATE TABLE inbox_state (
    mailbox     TEXT PRIMARY KEY,
    uidvalidity INTEGER NOT NULL,
    last_uid    INTEGER NOT NULL DEFAULT 0,
    synced_at   INTEGER NOT NULL
) STRICT;

-- Every inbound message the sync looked at and what it made of it. The
-- primary key makes re-processing after a crash a no-op.
CREATE TABLE inbox_items (
    mailbox      TEXT    NOT NULL,
    uidvalidity  INTEGER NOT NULL,
    uid          INTEGER NOT NULL,
    message_id   TEXT    NOT NULL DEFAULT '',
    kind         TEXT    NOT NULL,   -- reply, auto_reply, bounce, unsubscribe, order_question, other
    from_addr    TEXT    NOT NULL DEFAULT '',
    subject      TEXT    NOT NULL DEFAULT '',
    related_id   INTEGER REFERENCES messages(id),   -- our message it answers or bounces
    customer_id  INTEGER REFERENCES customers(id),
    detail       TEXT    NOT NULL DEFAULT '',
    received_at  INTEGER NOT NULL,
    processed_at INTEGER NOT NULL,
    PRIMARY KEY (mailbox, uidvalidity, uid)
) STRICT;
CREATE INDEX inbox_items_kind ON inbox_items(kind, processed_at);

-- +goose Down
SELECT 'down migrations are not supported: restore a backup instead';
