-- Keeping the plan alive: KPIs with actuals, reviews with snapshots, comments,
-- activity, notifications and calendar feeds. The PostgreSQL flavour in
-- ../postgres must stay equivalent.

-- How often the plan is reviewed (months) and when next.
ALTER TABLE plans ADD COLUMN review_cadence_months INTEGER NOT NULL DEFAULT 3;
ALTER TABLE plans ADD COLUMN next_review_date TEXT;

-- A key performance indicator of a plan; a goal may be measured by it.
CREATE TABLE kpis (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id       INTEGER NOT NULL REFERENCES organisations (id),
    plan_id      INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    goal_id      INTEGER REFERENCES nodes (id) ON DELETE SET NULL,
    name         TEXT NOT NULL,
    unit         TEXT,
    baseline     DOUBLE PRECISION,
    target       DOUBLE PRECISION,
    target_date  TEXT,
    period       TEXT NOT NULL DEFAULT 'quarter' CHECK (period IN ('month', 'quarter')),
    position     INTEGER NOT NULL,
    version      BIGINT NOT NULL DEFAULT 1,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   INTEGER REFERENCES users (id)
);
CREATE INDEX kpis_plan ON kpis (plan_id, position);

-- One recorded value of a KPI for one period (the period's first day).
CREATE TABLE kpi_actuals (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id        INTEGER NOT NULL REFERENCES organisations (id),
    kpi_id        INTEGER NOT NULL REFERENCES kpis (id) ON DELETE CASCADE,
    period_start  TEXT NOT NULL,
    value         DOUBLE PRECISION NOT NULL,
    note          TEXT,
    recorded_by   INTEGER REFERENCES users (id),
    recorded_at   TEXT NOT NULL,
    version       BIGINT NOT NULL DEFAULT 1,
    UNIQUE (kpi_id, period_start)
);

-- A frozen copy of the whole plan (JSON), taken when a review is held or on demand.
CREATE TABLE plan_snapshots (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id      INTEGER NOT NULL REFERENCES organisations (id),
    plan_id     INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    label       TEXT NOT NULL,
    data        TEXT NOT NULL,
    taken_at    TEXT NOT NULL,
    taken_by    INTEGER REFERENCES users (id)
);
CREATE INDEX plan_snapshots_plan ON plan_snapshots (plan_id, taken_at);

CREATE TABLE reviews (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id           INTEGER NOT NULL REFERENCES organisations (id),
    plan_id          INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    kind             TEXT NOT NULL CHECK (kind IN ('team', 'management', 'customer')),
    review_date      TEXT NOT NULL,
    notes            TEXT,
    decisions        TEXT,
    held_at          TEXT,
    snapshot_id      INTEGER REFERENCES plan_snapshots (id),
    signoff          TEXT CHECK (signoff IN ('approved', 'changes_requested')),
    signoff_comment  TEXT,
    signoff_by       INTEGER REFERENCES users (id),
    signoff_at       TEXT,
    version          BIGINT NOT NULL DEFAULT 1,
    created_at       TEXT NOT NULL,
    created_by       INTEGER REFERENCES users (id),
    updated_at       TEXT NOT NULL,
    updated_by       INTEGER REFERENCES users (id)
);
CREATE INDEX reviews_plan ON reviews (plan_id, review_date);

-- Who takes part in a review: one of us or a customer contact.
CREATE TABLE review_participants (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id      INTEGER NOT NULL REFERENCES organisations (id),
    review_id   INTEGER NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    user_id     INTEGER REFERENCES users (id) ON DELETE CASCADE,
    contact_id  INTEGER REFERENCES contacts (id) ON DELETE CASCADE,
    CHECK ((user_id IS NULL) <> (contact_id IS NULL))
);
CREATE INDEX review_participants_review ON review_participants (review_id);
CREATE INDEX review_participants_user ON review_participants (user_id);

-- Comments on the plan ('plan', target_id = plan id) or on one of its items
-- ('node', 'item', 'kpi', 'review').
CREATE TABLE comments (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id       INTEGER NOT NULL REFERENCES organisations (id),
    plan_id      INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    target_kind  TEXT NOT NULL CHECK (target_kind IN ('plan', 'node', 'item', 'kpi', 'review')),
    target_id    BIGINT NOT NULL,
    author_id    INTEGER NOT NULL REFERENCES users (id),
    body         TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
CREATE INDEX comments_plan ON comments (plan_id, created_at);

-- Who changed what in a plan, and when.
CREATE TABLE activity (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id       INTEGER NOT NULL REFERENCES organisations (id),
    plan_id      INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    actor_id     INTEGER REFERENCES users (id),
    action       TEXT NOT NULL,
    target_kind  TEXT NOT NULL,
    target_id    BIGINT,
    summary      TEXT NOT NULL,
    at           TEXT NOT NULL
);
CREATE INDEX activity_plan ON activity (plan_id, at);

-- In-app notifications; `dedupe_key` keeps a reminder from repeating.
CREATE TABLE notifications (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id      INTEGER NOT NULL REFERENCES organisations (id),
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    plan_id     INTEGER REFERENCES plans (id) ON DELETE CASCADE,
    message     TEXT NOT NULL,
    link        TEXT NOT NULL,
    dedupe_key  TEXT,
    created_at  TEXT NOT NULL,
    read_at     TEXT,
    emailed_at  TEXT,
    UNIQUE (user_id, dedupe_key)
);
CREATE INDEX notifications_user ON notifications (user_id, read_at, created_at);

-- A user's secret calendar feed (only the token's SHA-256 is kept).
CREATE TABLE calendar_feeds (
    user_id     INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    org_id      INTEGER NOT NULL REFERENCES organisations (id),
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL
);
