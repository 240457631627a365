-- Telegram staff group: when a member who is not staff was last warned about in the log and last refused in the group
-- (see Schema/sqlite/006_telegram_stranger_notice.sql). Taking a notice is one INSERT … ON CONFLICT DO UPDATE … WHERE,
-- so of several instances handling the same stranger at once one gives it.
CREATE TABLE telegram_stranger_notice (
    user_id    BIGINT NOT NULL,
    notice     TEXT   NOT NULL,
    noticed_at TEXT   NOT NULL,
    PRIMARY KEY (user_id, notice)
);
