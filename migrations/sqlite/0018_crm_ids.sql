-- CRM imports (issue 16): contacts carry their CRM id too; both accounts and
-- contacts keep a canonical key of it (keyplan_domain::crm::CrmId::key: the
-- 18-character Salesforce id, a lower-case GUID, else the trimmed text) that
-- re-imports match on and that is unique per organisation. The key of stored
-- accounts is filled in by the store after migrating (the Salesforce checksum
-- is not SQL). accounts.annual_revenue is the customer's own turnover, never
-- our revenue with them. crm_uploads keeps an uploaded file between the steps
-- of the browser import (servers keep no state); rows older than a day go.
-- The PostgreSQL flavour in ../postgres must stay equivalent.
ALTER TABLE accounts ADD COLUMN annual_revenue DOUBLE PRECISION;
ALTER TABLE accounts ADD COLUMN crm_key TEXT;
ALTER TABLE contacts ADD COLUMN crm_id TEXT;
ALTER TABLE contacts ADD COLUMN crm_key TEXT;
CREATE UNIQUE INDEX accounts_crm_key ON accounts (org_id, crm_key);
CREATE UNIQUE INDEX contacts_crm_key ON contacts (org_id, crm_key);

CREATE TABLE crm_uploads (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id      INTEGER NOT NULL REFERENCES organisations (id),
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    file_name   TEXT NOT NULL,
    bytes       BLOB NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX crm_uploads_owner ON crm_uploads (org_id, user_id);
