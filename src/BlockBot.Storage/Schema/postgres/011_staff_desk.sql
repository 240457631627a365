-- The staff desk (src/BlockBot.Desk, ADR 0012); see Schema/sqlite/011_staff_desk.sql for what the columns hold.
CREATE TABLE staff_account (
    name_key        TEXT   NOT NULL PRIMARY KEY,
    name            TEXT   NOT NULL,
    role            TEXT   NOT NULL CHECK (role IN ('agent', 'lead')),
    password_hash   TEXT   NOT NULL,
    stamp           TEXT   NOT NULL,
    disabled        BIGINT NOT NULL DEFAULT 0,
    failed_sign_ins BIGINT NOT NULL DEFAULT 0,
    locked_until    TEXT   NULL,
    created_at      TEXT   NOT NULL
);

-- A row version bumped once per statement that writes handoff_ticket, inside its transaction (a sequence would show a
-- change before it commits); the row lock it takes is held only as long as the ticket's own statement's transaction.
CREATE TABLE ticket_change (
    id      INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    version BIGINT  NOT NULL
);
INSERT INTO ticket_change (id, version) VALUES (1, 0);

CREATE FUNCTION note_ticket_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE ticket_change SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER tr_handoff_ticket_changed AFTER INSERT OR UPDATE OR DELETE ON handoff_ticket
    FOR EACH STATEMENT EXECUTE FUNCTION note_ticket_change();

-- ASP.NET Core Data Protection's key ring, shared by every instance (see the SQLite script).
CREATE TABLE desk_key (
    name TEXT NOT NULL PRIMARY KEY,
    xml  TEXT NOT NULL
);
