-- Many servers on one database (issue 14): background work claims its rows
-- before doing it. A notification being mailed carries the claim of the round
-- that mails it and when that claim lapses; a server killed mid-send leaves
-- the claim to lapse, and another server mails the notification. Singleton
-- jobs (reminders, the cockpit's daily totals, purging) take a named lease
-- with an expiry. Sign-in attempts are counted per e-mail and per address in
-- one row each, checked and incremented in one statement before the password
-- is verified. The SQLite flavour in ../sqlite must stay equivalent.
ALTER TABLE notifications ADD COLUMN mail_claim TEXT;
ALTER TABLE notifications ADD COLUMN mail_claimed_until TIMESTAMPTZ;
CREATE INDEX notifications_unmailed ON notifications (created_at, id) WHERE emailed_at IS NULL;

CREATE TABLE job_leases (
    name        TEXT PRIMARY KEY,
    holder      TEXT NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE login_throttle (
    key           TEXT PRIMARY KEY,
    attempts      BIGINT NOT NULL,
    window_start  TIMESTAMPTZ NOT NULL
);
