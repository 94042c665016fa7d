-- Commitments get the "how" of PRODUCT.md C5 and dated progress notes
-- (issue 15 point 7). `how` is how the owner will deliver the commitment
-- (commitments only, like `done_criterion`). A progress note is an internal
-- line on a commitment: the day it speaks of (`note_on`, never in the future
-- when written), its text and who wrote it; notes go with their node. Like
-- every table with `org_id`, the new table reports its changes to
-- `org_changes` (see 0024_org_changes.sql). The PostgreSQL flavour in
-- ../postgres must stay equivalent.
ALTER TABLE nodes ADD COLUMN how TEXT;

CREATE TABLE progress_notes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id      INTEGER NOT NULL REFERENCES organisations (id),
    plan_id     INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    node_id     INTEGER NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
    author_id   INTEGER NOT NULL REFERENCES users (id),
    note_on     TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX progress_notes_node ON progress_notes (node_id, note_on);
CREATE INDEX progress_notes_plan ON progress_notes (plan_id);

CREATE TRIGGER progress_notes_insert_changed AFTER INSERT ON progress_notes BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER progress_notes_update_changed AFTER UPDATE ON progress_notes BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER progress_notes_delete_changed AFTER DELETE ON progress_notes BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
