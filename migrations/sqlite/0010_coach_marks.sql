-- The coach's latest mark of each plan (issue 12: the account list and the
-- account page show each plan's score and level without running the coach
-- for every row). Written whenever the plan, its reviews, its customer's
-- answers or the organisation's coach settings change; `computed_at` is when
-- the coach read the plan, so an older reading never replaces a newer one.
-- The PostgreSQL flavour in ../postgres must stay equivalent.
CREATE TABLE plan_coach_marks (
    plan_id      INTEGER PRIMARY KEY REFERENCES plans (id) ON DELETE CASCADE,
    org_id       INTEGER NOT NULL REFERENCES organisations (id),
    score        REAL NOT NULL CHECK (score BETWEEN 0 AND 100),
    level        INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    blockers     INTEGER NOT NULL CHECK (blockers >= 0),
    computed_at  TEXT NOT NULL
);
CREATE INDEX plan_coach_marks_org ON plan_coach_marks (org_id);
