-- The plan as a communication tool: who may see each item, and read-only
-- links that show the customer excerpt. The SQLite flavour in ../sqlite
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
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id          BIGINT NOT NULL REFERENCES organisations (id),
    plan_id         BIGINT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    token_hash      TEXT NOT NULL UNIQUE,
    label           TEXT NOT NULL,
    expires_on      DATE NOT NULL,
    created_by      BIGINT REFERENCES users (id),
    created_at      TIMESTAMPTZ NOT NULL,
    revoked_at      TIMESTAMPTZ,
    revoked_by      BIGINT REFERENCES users (id),
    last_opened_at  TIMESTAMPTZ,
    open_count      BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX share_links_plan ON share_links (plan_id, created_at);

-- Every opening of a share link: when, and from which client address.
CREATE TABLE share_link_openings (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id         BIGINT NOT NULL REFERENCES organisations (id),
    share_link_id  BIGINT NOT NULL REFERENCES share_links (id) ON DELETE CASCADE,
    opened_at      TIMESTAMPTZ NOT NULL,
    client_addr    TEXT NOT NULL
);
CREATE INDEX share_link_openings_link ON share_link_openings (share_link_id, opened_at);
