-- Bitrix24 channel: what the bot must remember across restarts.
-- bitrix24_state: named values — the registered bot's id, the fetch offset, the latest OAuth refresh token.
-- bitrix24_processed: events already handled, so one delivered twice (a redelivery after a crash, a
-- command that also arrives as a message) runs one turn. Times are UTC text as in 002_domain.sql.

CREATE TABLE bitrix24_state (
    name       TEXT NOT NULL PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE bitrix24_processed (
    event_key    TEXT NOT NULL PRIMARY KEY,
    processed_at TEXT NOT NULL
);

CREATE INDEX ix_bitrix24_processed_at ON bitrix24_processed (processed_at);
