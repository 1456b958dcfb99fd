-- People search messages by a lot, a serial number or a UDI: the parts of the business key, found by index
create index message_key_parts on message using gin (string_to_array(business_key, '/'));
