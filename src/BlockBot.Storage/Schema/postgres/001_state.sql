-- Bot Builder state (IStorage): one JSON document per key (as text: it is written and read whole).
-- etag is NULL for plain objects, which are last-write-wins; IStoreItem values get a fresh etag on every write.
-- Released scripts are never edited: a change to the schema is a new numbered script.
CREATE TABLE bot_state (
    key        TEXT NOT NULL PRIMARY KEY,
    etag       TEXT NULL,
    document   TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Where each customer can be reached proactively: their last ConversationReference as JSON.
CREATE TABLE conversation_references (
    customer_key TEXT NOT NULL PRIMARY KEY,
    channel_id   TEXT NOT NULL,
    reference    TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
