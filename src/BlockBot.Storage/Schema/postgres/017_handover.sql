-- Continuing on another channel (ADR 0015). handover_code: a one-time code offered on a transient channel (the web
-- chat), until the turn that accepts it deletes it or it expires; state_key is the offering conversation's state.
-- customer_move: the customer from_key continues as to_key, so events still addressed to the old customer (a reminder
-- scheduled before the move) reach the new one's conversation. Times are UTC text as in 002_domain.sql.

CREATE TABLE handover_code (
    code         TEXT NOT NULL PRIMARY KEY,
    customer_key TEXT NOT NULL,
    state_key    TEXT NOT NULL,
    language     TEXT NOT NULL,
    expires_at   TEXT NOT NULL
);

CREATE INDEX ix_handover_code_expires ON handover_code (expires_at);

CREATE TABLE customer_move (
    from_key TEXT NOT NULL PRIMARY KEY,
    to_key   TEXT NOT NULL,
    moved_at TEXT NOT NULL
);

CREATE INDEX ix_customer_move_to ON customer_move (to_key);
