-- Company-owned templates, the analysis-to-strategy story and the whitespace
-- matrix. The PostgreSQL flavour in ../postgres must stay equivalent.

-- The company's value discipline (seed 003), set once for the organisation.
ALTER TABLE organisations ADD COLUMN value_discipline TEXT
    CHECK (value_discipline IN ('operational_excellence', 'product_leadership', 'customer_intimacy'));
ALTER TABLE organisations ADD COLUMN value_statement TEXT;
ALTER TABLE organisations ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

-- A template is the company's plan format; its content lives in immutable
-- versions so that a plan keeps the version it was created with.
CREATE TABLE templates (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id           INTEGER NOT NULL REFERENCES organisations (id),
    key              TEXT NOT NULL,
    position         INTEGER NOT NULL,
    retired          BOOLEAN NOT NULL DEFAULT FALSE,
    current_version  INTEGER NOT NULL,
    version          BIGINT NOT NULL DEFAULT 1,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    updated_by       INTEGER REFERENCES users (id),
    UNIQUE (org_id, key)
);

CREATE TABLE template_versions (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id        INTEGER NOT NULL REFERENCES organisations (id),
    template_id   INTEGER NOT NULL REFERENCES templates (id),
    number        INTEGER NOT NULL,
    name          TEXT NOT NULL,
    description   TEXT NOT NULL,
    budget_pages  DOUBLE PRECISION NOT NULL,
    -- the ordered sections as JSON: [{key, title, kind, guidance, budget}]
    sections      TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    created_by    INTEGER REFERENCES users (id),
    UNIQUE (template_id, number)
);

ALTER TABLE plans ADD COLUMN template_version_id INTEGER REFERENCES template_versions (id);

-- The writer's text of one section of a plan: a body and a "so what?".
CREATE TABLE plan_sections (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id       INTEGER NOT NULL REFERENCES organisations (id),
    plan_id      INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    section_key  TEXT NOT NULL,
    body         TEXT,
    so_what      TEXT,
    version      BIGINT NOT NULL DEFAULT 1,
    updated_at   TEXT NOT NULL,
    updated_by   INTEGER REFERENCES users (id),
    UNIQUE (plan_id, section_key)
);

-- Analysis items, SWOT entries, opportunities and risks of a plan.
--   analysis:  category customer | market | competitor | own_position
--   swot:      category strength | weakness | opportunity | threat
--   opportunity, risk: derived_from_id may name the SWOT entry it comes from
CREATE TABLE plan_items (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id           INTEGER NOT NULL REFERENCES organisations (id),
    plan_id          INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    section_key      TEXT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('analysis', 'swot', 'opportunity', 'risk')),
    category         TEXT CHECK (category IN ('customer', 'market', 'competitor', 'own_position',
                                              'strength', 'weakness', 'opportunity', 'threat')),
    text             TEXT NOT NULL,
    source           TEXT,
    item_date        TEXT,
    author_id        INTEGER REFERENCES users (id),
    derived_from_id  INTEGER REFERENCES plan_items (id) ON DELETE SET NULL,
    response         TEXT,
    position         INTEGER NOT NULL,
    version          BIGINT NOT NULL DEFAULT 1,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    updated_by       INTEGER REFERENCES users (id)
);
CREATE INDEX plan_items_plan ON plan_items (plan_id, section_key, position);

-- Whom a goal is for (seed 001: the customer's benefit or ours).
ALTER TABLE nodes ADD COLUMN benefit TEXT CHECK (benefit IN ('customer', 'us', 'both'));

-- The company's offerings and the account's business units span the whitespace
-- matrix; a cell says where we sell, are selling or could sell.
CREATE TABLE offerings (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id       INTEGER NOT NULL REFERENCES organisations (id),
    name         TEXT NOT NULL,
    description  TEXT,
    position     INTEGER NOT NULL,
    retired      BOOLEAN NOT NULL DEFAULT FALSE,
    version      BIGINT NOT NULL DEFAULT 1,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    UNIQUE (org_id, name)
);

CREATE TABLE business_units (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id      INTEGER NOT NULL REFERENCES organisations (id),
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    position    INTEGER NOT NULL,
    version     BIGINT NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (account_id, name)
);

CREATE TABLE whitespace_cells (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id            INTEGER NOT NULL REFERENCES organisations (id),
    account_id        INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    offering_id       INTEGER NOT NULL REFERENCES offerings (id) ON DELETE CASCADE,
    business_unit_id  INTEGER NOT NULL REFERENCES business_units (id) ON DELETE CASCADE,
    status            TEXT NOT NULL CHECK (status IN ('sold', 'in_progress', 'opportunity', 'not_relevant')),
    value             DOUBLE PRECISION,
    note              TEXT,
    version           BIGINT NOT NULL DEFAULT 1,
    updated_at        TEXT NOT NULL,
    updated_by        INTEGER REFERENCES users (id),
    UNIQUE (offering_id, business_unit_id)
);
CREATE INDEX whitespace_cells_account ON whitespace_cells (account_id);

-- What justifies a goal: an analysis item or SWOT entry ('item'), a section's
-- "so what?" ('section'), a whitespace cell ('cell') or a contact ('contact').
-- Links to something deleted are removed with it.
CREATE TABLE goal_links (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id       INTEGER NOT NULL REFERENCES organisations (id),
    plan_id      INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    goal_id      INTEGER NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
    target_kind  TEXT NOT NULL CHECK (target_kind IN ('item', 'section', 'cell', 'contact')),
    target_id    BIGINT NOT NULL,
    created_at   TEXT NOT NULL,
    created_by   INTEGER REFERENCES users (id),
    UNIQUE (goal_id, target_kind, target_id)
);
CREATE INDEX goal_links_plan ON goal_links (plan_id);
