-- Web chat channel: web conversations and their numbered activities (see Schema/sqlite/012_webchat.sql).

CREATE TABLE webchat_conversation (
    id            TEXT   NOT NULL PRIMARY KEY,
    last_sequence BIGINT NOT NULL,
    started_at    TEXT   NOT NULL
);

CREATE TABLE webchat_activity (
    conversation_id TEXT   NOT NULL,
    sequence        BIGINT NOT NULL,
    activity        TEXT   NOT NULL,
    stored_at       TEXT   NOT NULL,
    PRIMARY KEY (conversation_id, sequence)
);
