-- The customer at the table: a visitor of a share link comments on what was
-- shared and answers the commitments offered to the customer. Everything a
-- customer writes is kept with the link it came through, so that another
-- link's visitors never see it unless the team marks it customer-visible.
-- The PostgreSQL flavour in ../postgres must stay equivalent.

-- A commitment offered to the customer as a joint commitment, naming the
-- contact on their side, and the customer's answer to it (one per commitment;
-- offering it again asks again).
CREATE TABLE joint_commitments (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id         INTEGER NOT NULL REFERENCES organisations (id),
    plan_id        INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    node_id        INTEGER NOT NULL UNIQUE REFERENCES nodes (id) ON DELETE CASCADE,
    contact_id     INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
    offered_by     INTEGER REFERENCES users (id),
    offered_at     TEXT NOT NULL,
    answer         TEXT NOT NULL DEFAULT 'open' CHECK (answer IN ('open', 'accepted', 'declined')),
    answer_reason  TEXT,
    answered_name  TEXT,
    answered_at    TEXT,
    answered_via   INTEGER REFERENCES share_links (id) ON DELETE SET NULL,
    version        BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX joint_commitments_plan ON joint_commitments (plan_id);

-- A comment a share link's visitor wrote on the plan or one of its shared
-- parts, under the name they gave. `customer_visible`: the team shows it to
-- the visitors of every link of the plan, not only to those of its own link.
CREATE TABLE customer_comments (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id            INTEGER NOT NULL REFERENCES organisations (id),
    plan_id           INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    share_link_id     INTEGER NOT NULL REFERENCES share_links (id) ON DELETE CASCADE,
    target_kind       TEXT NOT NULL CHECK (target_kind IN ('plan', 'node', 'item', 'section', 'kpi')),
    target_id         BIGINT NOT NULL,
    author_name       TEXT NOT NULL,
    body              TEXT NOT NULL,
    customer_visible  BOOLEAN NOT NULL DEFAULT FALSE,
    created_at        TEXT NOT NULL
);
CREATE INDEX customer_comments_plan ON customer_comments (plan_id, created_at);

-- Every comment and answer admitted through a share link, by client address:
-- the rate limit counts these, in the database, so that every application
-- server sees the same counts. Rows older than a day are purged.
CREATE TABLE share_link_actions (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id         INTEGER NOT NULL REFERENCES organisations (id),
    share_link_id  INTEGER NOT NULL REFERENCES share_links (id) ON DELETE CASCADE,
    client_addr    TEXT NOT NULL,
    at             TEXT NOT NULL
);
CREATE INDEX share_link_actions_link ON share_link_actions (share_link_id, at);

-- An opening by someone signed in to the link's organisation (the team
-- checking its own link) is logged, but is no evidence that the customer looked.
ALTER TABLE share_link_openings ADD COLUMN by_team BOOLEAN NOT NULL DEFAULT FALSE;

-- Keys the servers share (the per-link form tokens of share pages are signed
-- with one). Made once by the first server that needs it; never shown.
CREATE TABLE server_secrets (
    name        TEXT PRIMARY KEY,
    secret      TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
