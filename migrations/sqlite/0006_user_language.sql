-- The language a user chose for the interface and exports; NULL follows the
-- browser (Accept-Language). The PostgreSQL flavour in ../postgres must stay equivalent.
ALTER TABLE users ADD COLUMN language TEXT CHECK (language IN ('en', 'de'));
