-- Opportunities (issue 16): an account's deals as the CRM tracks them, with an
-- optional link to the goal they pay into and to a whitespace cell.
-- crm_key is the canonical form of crm_id (see keyplan_domain::crm::CrmId::key),
-- unique per organisation, so that a re-import finds a record by either spelling.
-- The SQLite flavour in ../sqlite must stay equivalent.
CREATE TABLE opportunities (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id              BIGINT NOT NULL REFERENCES organisations (id),
    account_id          BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    crm_id              TEXT,
    crm_key             TEXT,
    name                TEXT NOT NULL,
    stage               TEXT,
    status              TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'won', 'lost')),
    amount              DOUBLE PRECISION CHECK (amount IS NULL OR amount >= 0),
    currency            TEXT NOT NULL CHECK (LENGTH(currency) = 3),
    probability         SMALLINT CHECK (probability BETWEEN 0 AND 100),
    close_date          DATE,
    owner_id            BIGINT REFERENCES users (id),
    next_step           TEXT,
    goal_id             BIGINT REFERENCES nodes (id) ON DELETE SET NULL,
    whitespace_cell_id  BIGINT REFERENCES whitespace_cells (id) ON DELETE SET NULL,
    version             BIGINT NOT NULL DEFAULT 1,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    updated_by          BIGINT REFERENCES users (id),
    CHECK ((crm_id IS NULL) = (crm_key IS NULL))
);
CREATE UNIQUE INDEX opportunities_crm_key ON opportunities (org_id, crm_key) WHERE crm_key IS NOT NULL;
CREATE INDEX opportunities_account ON opportunities (account_id);
CREATE INDEX opportunities_goal ON opportunities (goal_id) WHERE goal_id IS NOT NULL;
CREATE INDEX opportunities_cell ON opportunities (whitespace_cell_id) WHERE whitespace_cell_id IS NOT NULL;
