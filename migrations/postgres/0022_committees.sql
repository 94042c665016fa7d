-- Management committee sessions (issue 17): a date, the participants, and the
-- plans chosen for it, each with the committee's outcome once recorded.
-- The SQLite flavour in ../sqlite must stay equivalent.
CREATE TABLE committees (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id      BIGINT NOT NULL REFERENCES organisations (id),
    held_on     DATE NOT NULL,
    created_by  BIGINT REFERENCES users (id),
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX committees_org ON committees (org_id, held_on);

CREATE TABLE committee_participants (
    committee_id  BIGINT NOT NULL REFERENCES committees (id) ON DELETE CASCADE,
    org_id        BIGINT NOT NULL REFERENCES organisations (id),
    user_id       BIGINT NOT NULL REFERENCES users (id),
    PRIMARY KEY (committee_id, user_id)
);

CREATE TABLE committee_plans (
    committee_id  BIGINT NOT NULL REFERENCES committees (id) ON DELETE CASCADE,
    org_id        BIGINT NOT NULL REFERENCES organisations (id),
    plan_id       BIGINT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    outcome       TEXT CHECK (outcome IN ('endorsed', 'endorsed_with_conditions', 'sent_back')),
    outcome_text  TEXT,
    decided_by    BIGINT REFERENCES users (id),
    decided_at    TIMESTAMPTZ,
    PRIMARY KEY (committee_id, plan_id)
);
CREATE INDEX committee_plans_plan ON committee_plans (plan_id);

-- Plans a committee session takes by default (organisation setting `committee_plans`).
ALTER TABLE organisations ADD COLUMN committee_plans INTEGER NOT NULL DEFAULT 10;
