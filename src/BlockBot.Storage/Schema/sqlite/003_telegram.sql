-- Telegram channel: the durable inbox of updates and the outbox of messages to send.
-- An update is recorded before it is confirmed to Telegram (polling: the next offset; webhook: the 200),
-- handled once, and marked handled in the same transaction that queues its replies in the outbox.

CREATE TABLE telegram_update (
    update_id   INTEGER PRIMARY KEY,
    chat_id     INTEGER NOT NULL,
    payload     TEXT    NOT NULL,
    state       TEXT    NOT NULL CHECK (state IN ('received', 'handled', 'failed')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    received_at TEXT    NOT NULL,
    handled_at  TEXT    NULL
);

CREATE INDEX ix_telegram_update_received ON telegram_update (state, update_id);

-- A row is deleted once Telegram accepted it; rows of one chat are sent in id order.
CREATE TABLE telegram_outbox (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id    INTEGER NOT NULL,
    payload    TEXT    NOT NULL,
    created_at TEXT    NOT NULL
);
