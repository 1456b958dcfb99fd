-- People search messages by a lot, a serial number or a UDI: the parts of the business key, found by index
create index message_key_parts on message using gin (string_to_array(business_key, '/'));
-- the message list pages newest first, by (received_at, message_id), however many there are
create index message_received on message (received_at desc, message_id desc);
-- a message links to those made from it (its replays, its correction)
create index message_causation on message (causation_id) where causation_id is not null;
