-- A delivery row no longer has a foreign key to its message. The check read and locked the message row
-- for every delivery (FOR KEY SHARE, which also writes to the message's page): 30 µs of the 50 µs a
-- delivery row cost PostgreSQL in the pipeline benchmark, for every subscriber of every message. A
-- delivery row is only ever written for a message read from a canonical topic, and the hub writes
-- to a canonical topic only after the message's row is committed; nothing deletes message rows.
alter table delivery drop constraint delivery_message_id_fkey;
