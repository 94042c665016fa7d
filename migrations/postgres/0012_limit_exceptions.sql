-- Exceptions to the organisation's limits on active plans (issue 13): a
-- manager activated a plan although it broke a limit, and said why. One row
-- per activation; `limits` names the limits broken (comma-separated setting
-- keys, e.g. `active_plans_per_kam`). The SQLite flavour in ../sqlite must
-- stay equivalent.
CREATE TABLE plan_limit_exceptions (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id      BIGINT NOT NULL REFERENCES organisations (id),
    plan_id     BIGINT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    limits      TEXT NOT NULL,
    reason      TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    allowed_by  BIGINT REFERENCES users (id),
    allowed_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX plan_limit_exceptions_org ON plan_limit_exceptions (org_id, allowed_at);
