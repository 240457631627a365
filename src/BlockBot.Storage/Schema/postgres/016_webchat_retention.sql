-- Web chat retention (BlockBot:Retention:WebChat): activities are deleted oldest first, in batches, once stored longer
-- ago than the period; then conversations begun before it that have nothing stored any more.
CREATE INDEX ix_webchat_activity_stored_at ON webchat_activity (stored_at);
CREATE INDEX ix_webchat_conversation_started_at ON webchat_conversation (started_at);
