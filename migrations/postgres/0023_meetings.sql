-- Regular sales meetings (issue 17): a date, a title, the plans on the agenda
-- (each with the snapshot taken at this meeting, which the next meeting's
-- "what changed" compares against), and the decisions and follow-up
-- commitments recorded in it. The SQLite flavour in ../sqlite must stay
-- equivalent.
CREATE TABLE meetings (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id      BIGINT NOT NULL REFERENCES organisations (id),
    title       TEXT NOT NULL,
    held_on     DATE NOT NULL,
    closed_at   TIMESTAMPTZ,
    created_by  BIGINT REFERENCES users (id),
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX meetings_org ON meetings (org_id, held_on);

CREATE TABLE meeting_plans (
    meeting_id   BIGINT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    org_id       BIGINT NOT NULL REFERENCES organisations (id),
    plan_id      BIGINT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    snapshot_id  BIGINT REFERENCES plan_snapshots (id) ON DELETE SET NULL,
    PRIMARY KEY (meeting_id, plan_id)
);
CREATE INDEX meeting_plans_plan ON meeting_plans (plan_id);

CREATE TABLE meeting_items (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id  BIGINT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    org_id      BIGINT NOT NULL REFERENCES organisations (id),
    plan_id     BIGINT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('decision', 'follow_up')),
    text        TEXT NOT NULL,
    node_id     BIGINT REFERENCES nodes (id) ON DELETE SET NULL,
    created_by  BIGINT REFERENCES users (id),
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX meeting_items_meeting ON meeting_items (meeting_id, plan_id);
