-- The plan as a communication tool: who may see each item, and read-only
-- links that show the customer excerpt. The PostgreSQL flavour in ../postgres
-- must stay equivalent.

-- The widest audience an item may reach; team only until someone decides otherwise.
ALTER TABLE nodes ADD COLUMN visibility TEXT NOT NULL DEFAULT 'team'
    CHECK (visibility IN ('team', 'management', 'customer'));
ALTER TABLE plan_items ADD COLUMN visibility TEXT NOT NULL DEFAULT 'team'
    CHECK (visibility IN ('team', 'management', 'customer'));
ALTER TABLE plan_sections ADD COLUMN visibility TEXT NOT NULL DEFAULT 'team'
    CHECK (visibility IN ('team', 'management', 'customer'));
ALTER TABLE kpis ADD COLUMN visibility TEXT NOT NULL DEFAULT 'team'
    CHECK (visibility IN ('team', 'management', 'customer'));

-- A read-only link to a plan's customer excerpt (only the token's SHA-256 is kept).
-- It works through `expires_on` (inclusive) unless revoked.
CREATE TABLE share_links (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id          INTEGER NOT NULL REFERENCES organisations (id),
    plan_id         INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    token_hash      TEXT NOT NULL UNIQUE,
    label           TEXT NOT NULL,
    expires_on      TEXT NOT NULL,
    created_by      INTEGER REFERENCES users (id),
    created_at      TEXT NOT NULL,
    revoked_at      TEXT,
    revoked_by      INTEGER REFERENCES users (id),
    last_opened_at  TEXT,
    open_count      BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX share_links_plan ON share_links (plan_id, created_at);

-- Every opening of a share link: when, and from which client address.
CREATE TABLE share_link_openings (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id         INTEGER NOT NULL REFERENCES organisations (id),
    share_link_id  INTEGER NOT NULL REFERENCES share_links (id) ON DELETE CASCADE,
    opened_at      TEXT NOT NULL,
    client_addr    TEXT NOT NULL
);
CREATE INDEX share_link_openings_link ON share_link_openings (share_link_id, opened_at);
