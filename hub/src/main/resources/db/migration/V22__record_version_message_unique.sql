-- A message is applied at most once, so it has at most one version. Saying so lets the planner
-- know that a batch's "message_id = any(...)" finds a row per id at most, even before ANALYZE has
-- seen the table: without statistics it guessed 0.5 % of the table per id and scanned it whole.
drop index record_version_message;
create unique index record_version_message on record_version (message_id);
