-- The accounts list is paged and sorted in SQL: indexes for its sort keys, so that
-- the first pages of a large organisation are read without sorting every account.
CREATE INDEX accounts_org_lower_name ON accounts (org_id, LOWER(name), id);
CREATE INDEX accounts_org_potential ON accounts (org_id, potential);
CREATE INDEX accounts_org_revenue ON accounts (org_id, current_revenue);
CREATE INDEX contacts_org_name ON contacts (org_id, LOWER(name), id);
