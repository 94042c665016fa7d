-- keyplan schema, PostgreSQL flavour. The SQLite flavour in ../sqlite must stay
-- equivalent: the same tables, columns, constraints and names.
--
-- Conventions:
-- * every table has an integer `id`;
-- * every row that belongs to a customer organisation carries `org_id`, and every
--   query filters on it (another organisation's id answers "not found");
-- * editable rows carry `version`, raised by one on every change; an update names
--   the version it was based on and changes nothing when that is stale (HTTP 409);
-- * enumerations are lower-case text checked by CHECK constraints;
-- * `*_at` columns are UTC timestamps, `*_date` columns calendar dates;
-- * secrets (passwords, session and API tokens) are stored only as hashes.

CREATE TABLE organisations (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    currency    TEXT NOT NULL DEFAULT 'EUR',
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE users (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id         BIGINT NOT NULL REFERENCES organisations (id),
    email          TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'kam', 'member', 'viewer')),
    password_hash  TEXT NOT NULL,
    active         BOOLEAN NOT NULL DEFAULT TRUE,
    version        BIGINT NOT NULL DEFAULT 1,
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX users_org ON users (org_id, name);

CREATE TABLE sessions (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash  TEXT NOT NULL UNIQUE,
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token  TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id       BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    token_hash    TEXT NOT NULL UNIQUE,
    created_at    TIMESTAMPTZ NOT NULL,
    last_used_at  TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ
);

-- Sign-in attempts, kept in the database so that every application server
-- behind a load balancer sees the same counts.
CREATE TABLE login_attempts (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email      TEXT NOT NULL,
    ip         TEXT NOT NULL,
    succeeded  BOOLEAN NOT NULL,
    at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_attempts_email ON login_attempts (email, at);
CREATE INDEX login_attempts_ip ON login_attempts (ip, at);

CREATE TABLE accounts (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id           BIGINT NOT NULL REFERENCES organisations (id),
    name             TEXT NOT NULL,
    industry         TEXT,
    region           TEXT,
    parent_id        BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    crm_id           TEXT,
    current_revenue  DOUBLE PRECISION,
    total_spend      DOUBLE PRECISION,
    potential        DOUBLE PRECISION,
    growth_trend     TEXT CHECK (growth_trend IN ('growing', 'stable', 'declining')),
    owner_id         BIGINT REFERENCES users (id),
    version          BIGINT NOT NULL DEFAULT 1,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    updated_by       BIGINT REFERENCES users (id)
);
CREATE INDEX accounts_org_name ON accounts (org_id, name);

CREATE TABLE account_team (
    org_id      BIGINT NOT NULL REFERENCES organisations (id),
    account_id  BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    user_id     BIGINT NOT NULL REFERENCES users (id),
    function    TEXT NOT NULL,
    PRIMARY KEY (account_id, user_id)
);
CREATE INDEX account_team_user ON account_team (user_id);

CREATE TABLE contacts (
    id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id                 BIGINT NOT NULL REFERENCES organisations (id),
    account_id             BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name                   TEXT NOT NULL,
    title                  TEXT,
    business_unit          TEXT,
    reports_to_id          BIGINT REFERENCES contacts (id) ON DELETE SET NULL,
    buying_role            TEXT CHECK (buying_role IN ('decision_maker', 'economic_buyer', 'user', 'technical', 'influencer', 'gatekeeper', 'coach')),
    influence              SMALLINT CHECK (influence BETWEEN 1 AND 5),
    attitude               TEXT CHECK (attitude IN ('supporter', 'neutral', 'sceptic', 'opponent')),
    relationship_owner_id  BIGINT REFERENCES users (id),
    objective              TEXT,
    last_contact_date      DATE,
    email                  TEXT,
    phone                  TEXT,
    version                BIGINT NOT NULL DEFAULT 1,
    created_at             TIMESTAMPTZ NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL,
    updated_by             BIGINT REFERENCES users (id)
);
CREATE INDEX contacts_account ON contacts (account_id, name);

CREATE TABLE plans (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id        BIGINT NOT NULL REFERENCES organisations (id),
    account_id    BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    title         TEXT NOT NULL,
    template      TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('draft', 'active', 'in_review', 'approved', 'archived')),
    period_start  DATE NOT NULL,
    period_end    DATE NOT NULL,
    version       BIGINT NOT NULL DEFAULT 1,
    created_by    BIGINT REFERENCES users (id),
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    updated_by    BIGINT REFERENCES users (id)
);
CREATE INDEX plans_account ON plans (account_id);
CREATE INDEX plans_org ON plans (org_id, status);

-- The constraint tree: goal -> csf -> condition -> obstacle -> commitment, in one
-- table so that a whole plan loads in one query. Goal-only and commitment-only
-- columns are NULL on the other kinds.
CREATE TABLE nodes (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id             BIGINT NOT NULL REFERENCES organisations (id),
    plan_id            BIGINT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    parent_id          BIGINT REFERENCES nodes (id) ON DELETE CASCADE,
    kind               TEXT NOT NULL CHECK (kind IN ('goal', 'csf', 'condition', 'obstacle', 'commitment')),
    position           INTEGER NOT NULL,
    title              TEXT NOT NULL,
    notes              TEXT,
    metric             TEXT,
    baseline           DOUBLE PRECISION,
    target             DOUBLE PRECISION,
    unit               TEXT,
    target_date        DATE,
    owner_id           BIGINT REFERENCES users (id),
    contact_id         BIGINT REFERENCES contacts (id) ON DELETE SET NULL,
    author_id          BIGINT REFERENCES users (id),
    start_date         DATE,
    due_date           DATE,
    done_criterion     TEXT,
    status             TEXT CHECK (status IN ('open', 'in_progress', 'done', 'missed')),
    acceptance         TEXT CHECK (acceptance IN ('proposed', 'accepted', 'declined', 'date_proposed')),
    decline_reason     TEXT,
    proposed_due_date  DATE,
    version            BIGINT NOT NULL DEFAULT 1,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    updated_by         BIGINT REFERENCES users (id)
);
CREATE INDEX nodes_plan ON nodes (plan_id, position);
CREATE INDEX nodes_parent ON nodes (parent_id);
CREATE INDEX nodes_owner ON nodes (owner_id, acceptance);
