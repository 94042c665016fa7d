-- The plan's title as the customer reads it (issue 15): customer outputs never
-- show the internal title. Empty: the account's name and the plan's period.
ALTER TABLE plans ADD COLUMN customer_title TEXT;
