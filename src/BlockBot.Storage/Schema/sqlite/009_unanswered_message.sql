-- Customers' messages the bot did not understand, for support to add their phrasings to dialogs/questions.yaml.
-- A row is written in the transaction that saves the turn; erased with the customer (/forget); kept 90 days.
-- text is the customer's own words: untrusted wherever it is shown.
CREATE TABLE unanswered_message (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_key TEXT NOT NULL,
    language     TEXT NOT NULL,
    place        TEXT NOT NULL,
    text         TEXT NOT NULL,
    received_at  TEXT NOT NULL
);

CREATE INDEX ix_unanswered_message_customer ON unanswered_message (customer_key);
CREATE INDEX ix_unanswered_message_received ON unanswered_message (received_at);
