-- ticket_change as sixteen counters instead of one. With one row, every statement that wrote handoff_ticket took that
-- row's lock until its transaction committed, so ticket writes queued behind each other across all instances: at 2,000
-- conversations on two instances the queue held over a hundred connections and the server ran out of them. Now the
-- trigger bumps the row of its own session (its backend's pid picks one of sixteen), and the change counter is the sum
-- of the rows: it still grows with every committed ticket write, and never shows one before it commits.
ALTER TABLE ticket_change DROP CONSTRAINT ticket_change_id_check;
ALTER TABLE ticket_change ADD CONSTRAINT ticket_change_id_check CHECK (id BETWEEN 1 AND 16);
INSERT INTO ticket_change (id, version) SELECT shard, 0 FROM generate_series(2, 16) AS shard;

CREATE OR REPLACE FUNCTION note_ticket_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE ticket_change SET version = version + 1 WHERE id = 1 + pg_backend_pid() % 16;
    RETURN NULL;
END;
$$;
