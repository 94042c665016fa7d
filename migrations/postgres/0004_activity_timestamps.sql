-- activity.at was created as TEXT holding fixed-width UTC RFC 3339
-- (`2026-03-15T09:30:00.250000Z`), unlike every other timestamp here. A real
-- TIMESTAMPTZ sorts and compares as time, not text. Existing rows convert
-- as they are (the index on (plan_id, at) is rebuilt with the column).
ALTER TABLE activity ALTER COLUMN at TYPE TIMESTAMPTZ USING at::timestamptz;
