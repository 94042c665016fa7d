-- API tokens with a life cycle (issue 14): an optional expiry per token, and
-- the organisation's default life of a new token; plus the organisation's
-- ceiling on the characters of any one text field (see keyplan_domain::settings).
-- The PostgreSQL flavour in ../postgres must stay equivalent.
ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;
ALTER TABLE organisations ADD COLUMN api_token_days INTEGER DEFAULT 90
    CHECK (api_token_days IS NULL OR api_token_days BETWEEN 1 AND 3650);
ALTER TABLE organisations ADD COLUMN max_text_chars INTEGER NOT NULL DEFAULT 20000
    CHECK (max_text_chars BETWEEN 100 AND 20000);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
