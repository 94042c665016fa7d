-- Nothing to change in SQLite: it keeps every timestamp as fixed-width UTC
-- text, and activity.at already is that. The PostgreSQL flavour converts its
-- TEXT column to TIMESTAMPTZ; this file keeps both migration histories in step.
SELECT 1;
