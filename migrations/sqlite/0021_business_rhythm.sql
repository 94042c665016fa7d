-- Plans in the business rhythm (issue 17): the organisation's update interval
-- and quality scale (see keyplan_domain::settings; a NULL scale is the default
-- 1–5), the update reminders sent to KAMs (one per plan and interval, named by
-- the interval's last day, so that any number of servers send it once), and
-- the managers' quality ratings of plans at held management reviews, with the
-- coach's score at that moment.
-- The PostgreSQL flavour in ../postgres must stay equivalent.
ALTER TABLE organisations ADD COLUMN update_interval_days INTEGER NOT NULL DEFAULT 90
    CHECK (update_interval_days BETWEEN 1 AND 3650);
ALTER TABLE organisations ADD COLUMN quality_scale TEXT;

CREATE TABLE plan_update_reminders (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id        INTEGER NOT NULL REFERENCES organisations (id),
    plan_id       INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    interval_end  TEXT NOT NULL,
    sent_at       TEXT NOT NULL,
    UNIQUE (plan_id, interval_end)
);

CREATE TABLE plan_ratings (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id       INTEGER NOT NULL REFERENCES organisations (id),
    plan_id      INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    review_id    INTEGER NOT NULL UNIQUE REFERENCES reviews (id) ON DELETE CASCADE,
    score        INTEGER NOT NULL,
    scale_min    INTEGER NOT NULL,
    scale_max    INTEGER NOT NULL,
    label        TEXT NOT NULL,
    comment      TEXT NOT NULL,
    coach_score  DOUBLE PRECISION,
    coach_level  INTEGER,
    rated_by     INTEGER REFERENCES users (id),
    rated_at     TEXT NOT NULL,
    CHECK (score BETWEEN scale_min AND scale_max)
);
CREATE INDEX plan_ratings_plan ON plan_ratings (plan_id, rated_at);
