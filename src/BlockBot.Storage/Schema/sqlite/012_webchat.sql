-- Web chat channel (ADR 0013): each web conversation and its activities, as Direct Line serves them.
-- webchat_conversation.last_sequence is the number of the conversation's latest activity; appending takes the next
-- one in the same statement that raises it, so activities of one conversation are numbered 1, 2, 3… with no gap or
-- repeat, and that number is the Direct Line watermark. activity is the activity's JSON, the customer's own words
-- included: untrusted wherever it is shown. Times are UTC text as in 002_domain.sql.

CREATE TABLE webchat_conversation (
    id            TEXT    NOT NULL PRIMARY KEY,
    last_sequence INTEGER NOT NULL,
    started_at    TEXT    NOT NULL
);

CREATE TABLE webchat_activity (
    conversation_id TEXT    NOT NULL,
    sequence        INTEGER NOT NULL,
    activity        TEXT    NOT NULL,
    stored_at       TEXT    NOT NULL,
    PRIMARY KEY (conversation_id, sequence)
);
