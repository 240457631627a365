-- Every message of a customer's conversation: what the customer sent (direction 'in') and what the bot said ('out').
-- A turn's lines are written in the transaction that saves the turn; erased with the customer (/forget); deleted in
-- batches once older than BlockBot:Retention:Transcripts. text is the customer's own words on 'in' lines: untrusted
-- wherever it is shown. at is UTC text of fixed width, so comparing text compares time; id is the order the lines were
-- said in (turns of one conversation are saved one after another).
CREATE TABLE transcript_line (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_key TEXT NOT NULL,
    at           TEXT NOT NULL,
    direction    TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    text         TEXT NOT NULL
);

-- A customer's newest lines, a page at a time, in the order they were written (the rowid is part of the index).
CREATE INDEX ix_transcript_line_customer ON transcript_line (customer_key);
-- Retention: the oldest lines first.
CREATE INDEX ix_transcript_line_at ON transcript_line (at);
