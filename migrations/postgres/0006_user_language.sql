-- The language a user chose for the interface and exports; NULL follows the
-- browser (Accept-Language). The SQLite flavour in ../sqlite must stay equivalent.
ALTER TABLE users ADD COLUMN language TEXT CHECK (language IN ('en', 'de'));
