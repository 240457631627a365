-- Telegram's rate limits shared by the instances (PostgreSQL only: with SQLite one instance keeps them in memory).
-- One row per key ('all', 'chat:<id>'): when its next send may start. Booking a send moves it on by the key's gap.
CREATE TABLE telegram_send_slot (
    key     TEXT        NOT NULL PRIMARY KEY,
    next_at TIMESTAMPTZ NOT NULL
);
