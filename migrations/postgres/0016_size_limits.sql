-- Size limits of the organisation (see keyplan_domain::settings): nodes and
-- items per plan, contacts per account. The SQLite flavour in ../sqlite must stay equivalent.
ALTER TABLE organisations ADD COLUMN max_nodes_per_plan INTEGER NOT NULL DEFAULT 500
    CHECK (max_nodes_per_plan BETWEEN 1 AND 100000);
ALTER TABLE organisations ADD COLUMN max_items_per_plan INTEGER NOT NULL DEFAULT 500
    CHECK (max_items_per_plan BETWEEN 1 AND 100000);
ALTER TABLE organisations ADD COLUMN max_contacts_per_account INTEGER NOT NULL DEFAULT 2000
    CHECK (max_contacts_per_account BETWEEN 1 AND 100000);
