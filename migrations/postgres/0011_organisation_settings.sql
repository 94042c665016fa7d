-- The organisation's settings in one place (issue 13; see
-- keyplan_domain::settings for the keys and their meaning). Shares are
-- fractions (0.6 is 60 %); a NULL quadrant line means "the median".
-- The SQLite flavour in ../sqlite must stay equivalent.
ALTER TABLE organisations ADD COLUMN active_plans_per_kam INTEGER NOT NULL DEFAULT 3
    CHECK (active_plans_per_kam BETWEEN 0 AND 1000);
ALTER TABLE organisations ADD COLUMN master_plans_per_company INTEGER NOT NULL DEFAULT 15
    CHECK (master_plans_per_company BETWEEN 0 AND 100000);
ALTER TABLE organisations ADD COLUMN share_of_wallet_threshold DOUBLE PRECISION NOT NULL DEFAULT 0.6
    CHECK (share_of_wallet_threshold BETWEEN 0 AND 1);
ALTER TABLE organisations ADD COLUMN quadrant_share_line DOUBLE PRECISION
    CHECK (quadrant_share_line BETWEEN 0 AND 1);
ALTER TABLE organisations ADD COLUMN quadrant_growth_line DOUBLE PRECISION
    CHECK (quadrant_growth_line >= 0);
