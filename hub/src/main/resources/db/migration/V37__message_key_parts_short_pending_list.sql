-- A GIN index gathers new entries in a pending list and merges them into the index when the list passes
-- gin_pending_list_limit (4 MB by default): the insert that passes it does the merge, and on the message table
-- that stalled a batch of the pipeline for 200-400 ms every 100,000 messages or so. A list of 256 kB is merged in
-- about 20 ms and costs inserts nothing more (measured with pgbench: 20-row inserts, 400,000 rows).
alter index message_key_parts set (gin_pending_list_limit = 256);
