-- The accounts search (issue 13): PostgreSQL lowered four columns of every
-- account on each search, which at 10,000 accounts was most of the page's time.
-- The lowered text of the searched columns is kept in one column, written with
-- the row; the fields are joined by a line break, which a search never holds
-- (`like_pattern` drops control characters), so a match cannot span two fields.
ALTER TABLE accounts ADD COLUMN search_text TEXT GENERATED ALWAYS AS (
    LOWER(name || E'\n' || COALESCE(industry, '') || E'\n' || COALESCE(region, '') || E'\n' || COALESCE(crm_id, ''))
) STORED;

-- Where the server offers trigram indexes (the `pg_trgm` extension, trusted
-- since PostgreSQL 13, so the database's owner may create it), the search reads
-- its candidates from one. Without it the search scans the one column, which
-- is still well within the page's budget; the migration never fails for it.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX accounts_search_trgm ON accounts USING gin (search_text gin_trgm_ops);
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'accounts search without a trigram index: %', SQLERRM;
END
$$;
