-- The staff desk (src/BlockBot.Desk, ADR 0012).
-- staff_account: who may sign in to the desk. name_key is the name in lower case, so "Anna" and "anna" are one account;
-- password_hash is ASP.NET Core Identity's PasswordHasher format (never the password); stamp changes on every reset and
-- disable, which ends the account's open sessions; failed_sign_ins counts wrong passwords since the last success or
-- lockout, and locked_until is when a lockout ends.
CREATE TABLE staff_account (
    name_key        TEXT    NOT NULL PRIMARY KEY,
    name            TEXT    NOT NULL,
    role            TEXT    NOT NULL CHECK (role IN ('agent', 'lead')),
    password_hash   TEXT    NOT NULL,
    stamp           TEXT    NOT NULL,
    disabled        INTEGER NOT NULL DEFAULT 0,
    failed_sign_ins INTEGER NOT NULL DEFAULT 0,
    locked_until    TEXT    NULL,
    created_at      TEXT    NOT NULL
);

-- ticket_change: one row whose version grows with every statement that writes handoff_ticket, in the writing
-- transaction, so every instance sees a change (by any instance, channel or job) with one cheap read.
CREATE TABLE ticket_change (
    id      INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO ticket_change (id, version) VALUES (1, 0);

CREATE TRIGGER tr_handoff_ticket_inserted AFTER INSERT ON handoff_ticket
BEGIN
    UPDATE ticket_change SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER tr_handoff_ticket_updated AFTER UPDATE ON handoff_ticket
BEGIN
    UPDATE ticket_change SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER tr_handoff_ticket_deleted AFTER DELETE ON handoff_ticket
BEGIN
    UPDATE ticket_change SET version = version + 1 WHERE id = 1;
END;

-- desk_key: ASP.NET Core Data Protection's key ring (the keys that sign session cookies and antiforgery tokens), shared
-- by every instance, so a session opened on one instance is valid on the others.
CREATE TABLE desk_key (
    name TEXT NOT NULL PRIMARY KEY,
    xml  TEXT NOT NULL
);
