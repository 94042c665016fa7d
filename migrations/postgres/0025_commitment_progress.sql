-- Commitments get the "how" of PRODUCT.md C5 and dated progress notes
-- (issue 15 point 7). `how` is how the owner will deliver the commitment
-- (commitments only, like `done_criterion`). A progress note is an internal
-- line on a commitment: the day it speaks of (`note_on`, never in the future
-- when written), its text and who wrote it; notes go with their node. Like
-- every table with `org_id`, the new table reports its changes to
-- `org_changes` (see 0024_org_changes.sql). The SQLite flavour in ../sqlite
-- must stay equivalent.
ALTER TABLE nodes ADD COLUMN how TEXT;

CREATE TABLE progress_notes (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id      BIGINT NOT NULL REFERENCES organisations (id),
    plan_id     BIGINT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    node_id     BIGINT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
    author_id   BIGINT NOT NULL REFERENCES users (id),
    note_on     DATE NOT NULL,
    body        TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX progress_notes_node ON progress_notes (node_id, note_on);
CREATE INDEX progress_notes_plan ON progress_notes (plan_id);

CREATE TRIGGER progress_notes_changed AFTER INSERT OR UPDATE OR DELETE ON progress_notes FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
