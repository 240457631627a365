-- Support domain: cases and handoff tickets.
-- Times are UTC text, 'yyyy-MM-ddTHH:mm:ss.fffffffZ' (fixed width, so text order is time order).
-- line_key is the line name as the domain compares it (trimmed, lower case; BlockBot.Support.Cases.LineKey),
-- computed in .NET because SQLite's lower() only folds ASCII and customers write line names in Russian.

CREATE TABLE support_case (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_key  TEXT    NOT NULL,
    line          TEXT    NOT NULL,
    line_key      TEXT    NOT NULL,
    crm_marketing INTEGER NULL,
    repeated      INTEGER NULL,
    stage         TEXT    NOT NULL,
    outcome       TEXT    NULL,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    closed_at     TEXT    NULL
);

CREATE INDEX ix_support_case_customer_line ON support_case (customer_key, line_key);

-- One open case per customer, whatever the code does.
CREATE UNIQUE INDEX ux_support_case_open ON support_case (customer_key) WHERE closed_at IS NULL;

CREATE TABLE handoff_ticket (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    kind              TEXT    NOT NULL CHECK (kind IN ('queue_clearing', 'vm_change', 'general_question')),
    state             TEXT    NOT NULL CHECK (state IN ('scheduled', 'open', 'taken', 'done', 'declined', 'withdrawn')),
    customer_key      TEXT    NOT NULL,
    case_id           INTEGER NULL REFERENCES support_case (id) ON DELETE SET NULL,
    line              TEXT    NULL,
    line_key          TEXT    NULL,
    crm_marketing     INTEGER NULL,
    repeated          INTEGER NULL,
    customer_language TEXT    NOT NULL,
    created_at        TEXT    NOT NULL,
    opens_at          TEXT    NOT NULL,
    handled_by        TEXT    NULL,
    decline_reason    TEXT    NULL,
    closed_at         TEXT    NULL,
    staff_message_ref TEXT    NULL
);

CREATE INDEX ix_handoff_ticket_customer_line ON handoff_ticket (customer_key, line_key);
CREATE INDEX ix_handoff_ticket_state ON handoff_ticket (state);
CREATE INDEX ix_handoff_ticket_case ON handoff_ticket (case_id);
