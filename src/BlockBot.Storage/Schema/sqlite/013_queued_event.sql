-- The outbox of conversation events (staff taken/done/declined, staff replies, tickets opened): a row per event from
-- the moment it is queued until it is delivered into the customer's conversation (or dropped). A customer's events are
-- delivered in id order; delivery_id names the event, so queueing it twice stores it once.
CREATE TABLE queued_event (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_key    TEXT NOT NULL,
    event           TEXT NOT NULL,
    event_values    TEXT NOT NULL,
    delivery_id     TEXT NOT NULL UNIQUE,
    queued_at       TEXT NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL
);

CREATE INDEX ix_queued_event_customer ON queued_event (customer_key, id);
CREATE INDEX ix_queued_event_next_attempt ON queued_event (next_attempt_at);
