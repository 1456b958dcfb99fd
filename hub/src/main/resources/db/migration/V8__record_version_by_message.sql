-- Every batch asks which of its messages were applied already (a redelivery after a crash); without
-- this index that question reads every version ever recorded, a table that only grows.
create index record_version_message on record_version (message_id);
