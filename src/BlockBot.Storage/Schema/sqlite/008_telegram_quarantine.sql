-- Telegram updates the bot cannot handle at all (not readable, or without a part it needs), kept with the reason
-- instead of being retried: the offset moves on, so one such update never holds up the others.
-- update_id is NULL when the update had no readable id; a quarantined id is kept once.
CREATE TABLE telegram_quarantine (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    update_id   INTEGER NULL UNIQUE,
    reason      TEXT    NOT NULL,
    payload     TEXT    NOT NULL,
    received_at TEXT    NOT NULL
);

CREATE INDEX ix_telegram_quarantine_received ON telegram_quarantine (received_at);
