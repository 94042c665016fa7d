-- The sales manager's cockpit (issue 13). Users get a free-text team
-- ("DACH", "International") so a KAM sees their team's rows; the
-- organisation's totals are kept once a day so the cockpit can show their
-- trend against 90 days ago. `day` is the UTC calendar day the totals were
-- read; one row per organisation and day, written by whichever server gets
-- there first. The PostgreSQL flavour in ../postgres must stay equivalent.
ALTER TABLE users ADD COLUMN team TEXT CHECK (team IS NULL OR length(team) BETWEEN 1 AND 100);

CREATE TABLE cockpit_daily_totals (
    org_id                  INTEGER NOT NULL REFERENCES organisations (id),
    day                     TEXT NOT NULL,
    kams                    BIGINT NOT NULL,
    active_plans            BIGINT NOT NULL,
    kams_over_limit         BIGINT NOT NULL,
    overdue_commitments     BIGINT NOT NULL,
    unaccepted_commitments  BIGINT NOT NULL,
    blocked_obstacles       BIGINT NOT NULL,
    overdue_reviews         BIGINT NOT NULL,
    stale_reviews           BIGINT NOT NULL,
    goal_progress           DOUBLE PRECISION CHECK (goal_progress BETWEEN 0 AND 1),
    recorded_at             TEXT NOT NULL,
    PRIMARY KEY (org_id, day)
);
