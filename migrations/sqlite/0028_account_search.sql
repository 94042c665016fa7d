-- The accounts search (issue 13): four LIKEs per account, each reached through
-- a look-up of its table row, took most of the search's time at 10,000
-- accounts. The lowered text of the searched columns, joined by line breaks
-- (a search never holds one: `like_pattern` drops control characters, so a
-- match cannot span two fields), is computed from the row and kept in an
-- index, which the search walks on its own. SQLite's LOWER folds A–Z only,
-- exactly as its LIKE did on the plain columns, so the search finds the same.
ALTER TABLE accounts ADD COLUMN search_text TEXT GENERATED ALWAYS AS (
    LOWER(name || char(10) || COALESCE(industry, '') || char(10) || COALESCE(region, '') || char(10) || COALESCE(crm_id, ''))
) VIRTUAL;
CREATE INDEX accounts_org_search ON accounts (org_id, search_text);
