-- The dashboard's figures (ADR 0012). taken_at: when staff took the ticket (NULL for tickets done or declined without
-- being taken, and for tickets taken before this script). event: the delivered event's name, so reminders sent can be
-- counted (NULL for marks written before this script).
ALTER TABLE handoff_ticket ADD COLUMN taken_at TEXT NULL;
ALTER TABLE delivered_event ADD COLUMN event TEXT NULL;
