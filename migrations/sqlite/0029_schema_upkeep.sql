-- What `Store::migrate` did after the migrations, by the newest migration it
-- had then (issue 18): a start or a command on a database that is up to date
-- checks this one row instead of running the migrations' bookkeeping and the
-- data fix-ups (legacy texts, CRM keys, templates) again.
CREATE TABLE schema_upkeep (
    name TEXT PRIMARY KEY,
    version BIGINT NOT NULL
);
