-- History lines and notifications by message code: `message_code` is a Fluent id
-- and `message_args` its arguments as JSON, written in the reader's language when
-- shown. Rows from before keep their English text (activity.summary,
-- notifications.message) and get a code when the store migrates (legacy_text.rs);
-- new rows leave the text column empty. The other flavour (../sqlite,
-- ../postgres) must stay equivalent.
ALTER TABLE activity ADD COLUMN message_code TEXT;
ALTER TABLE activity ADD COLUMN message_args TEXT;
ALTER TABLE notifications ADD COLUMN message_code TEXT;
ALTER TABLE notifications ADD COLUMN message_args TEXT;
