-- Queued events (reminders, staff decisions) that reached their conversation, by the delivery id their job carries.
-- A row is written in the transaction that saves the delivering turn, so a job run again after a crash finds it.
CREATE TABLE delivered_event (
    delivery_id  TEXT NOT NULL PRIMARY KEY,
    delivered_at TEXT NOT NULL
);

CREATE INDEX ix_delivered_event_at ON delivered_event (delivered_at);
