-- Bitrix24 channel: named values and events already handled (see Schema/sqlite/004_bitrix24.sql).

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
