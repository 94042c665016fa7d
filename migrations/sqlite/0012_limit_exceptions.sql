-- Exceptions to the organisation's limits on active plans (issue 13): a
-- manager activated a plan although it broke a limit, and said why. One row
-- per activation; `limits` names the limits broken (comma-separated setting
-- keys, e.g. `active_plans_per_kam`). The PostgreSQL flavour in ../postgres must
-- stay equivalent.
CREATE TABLE plan_limit_exceptions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id      INTEGER NOT NULL REFERENCES organisations (id),
    plan_id     INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    limits      TEXT NOT NULL,
    reason      TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    allowed_by  INTEGER REFERENCES users (id),
    allowed_at  TEXT NOT NULL
);
CREATE INDEX plan_limit_exceptions_org ON plan_limit_exceptions (org_id, allowed_at);
