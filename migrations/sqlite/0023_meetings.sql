-- Regular sales meetings (issue 17): a date, a title, the plans on the agenda
-- (each with the snapshot taken at this meeting, which the next meeting's
-- "what changed" compares against), and the decisions and follow-up
-- commitments recorded in it. The PostgreSQL flavour in ../postgres must stay
-- equivalent.
CREATE TABLE meetings (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id      INTEGER NOT NULL REFERENCES organisations (id),
    title       TEXT NOT NULL,
    held_on     TEXT NOT NULL,
    closed_at   TEXT,
    created_by  INTEGER REFERENCES users (id),
    created_at  TEXT NOT NULL
);
CREATE INDEX meetings_org ON meetings (org_id, held_on);

CREATE TABLE meeting_plans (
    meeting_id   INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    org_id       INTEGER NOT NULL REFERENCES organisations (id),
    plan_id      INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    snapshot_id  INTEGER REFERENCES plan_snapshots (id) ON DELETE SET NULL,
    PRIMARY KEY (meeting_id, plan_id)
);
CREATE INDEX meeting_plans_plan ON meeting_plans (plan_id);

CREATE TABLE meeting_items (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    org_id      INTEGER NOT NULL REFERENCES organisations (id),
    plan_id     INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('decision', 'follow_up')),
    text        TEXT NOT NULL,
    node_id     INTEGER REFERENCES nodes (id) ON DELETE SET NULL,
    created_by  INTEGER REFERENCES users (id),
    created_at  TEXT NOT NULL
);
CREATE INDEX meeting_items_meeting ON meeting_items (meeting_id, plan_id);
