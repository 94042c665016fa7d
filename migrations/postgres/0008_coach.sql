-- The plan coach (issue 12): the organisation's setting of each rule, and the
-- coach's score and excellence level kept with every held review (beside its
-- snapshot), so the plan shows the trend. The SQLite flavour in
-- ../sqlite must stay equivalent.

-- One row per rule an administrator has saved; a rule without a row runs
-- enabled at its default severity. `rule` is the coach's rule id
-- (`commitment-vague`); an id this version does not know fails the read.
CREATE TABLE coach_rules (
    org_id    BIGINT NOT NULL REFERENCES organisations (id),
    rule      TEXT NOT NULL,
    enabled   BOOLEAN NOT NULL,
    severity  TEXT NOT NULL CHECK (severity IN ('blocker', 'warning', 'hint')),
    PRIMARY KEY (org_id, rule)
);

-- The score (0 to 100, one decimal) and level (1 to 5) when the review was
-- held; NULL for reviews not held, or held before the coach existed.
ALTER TABLE reviews ADD COLUMN coach_score DOUBLE PRECISION;
ALTER TABLE reviews ADD COLUMN coach_level INTEGER CHECK (coach_level BETWEEN 1 AND 5);
