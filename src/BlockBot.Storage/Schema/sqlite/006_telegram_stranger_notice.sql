-- Telegram staff group: when a member who is not staff was last warned about in the log ('logged') and last refused in
-- the group ('refused'). One row per user and notice; a notice is given again only when its row is an hour old, so a
-- stranger flooding the group costs one log line and one group message an hour, also across restarts.
CREATE TABLE telegram_stranger_notice (
    user_id    INTEGER NOT NULL,
    notice     TEXT    NOT NULL,
    noticed_at TEXT    NOT NULL,
    PRIMARY KEY (user_id, notice)
);
