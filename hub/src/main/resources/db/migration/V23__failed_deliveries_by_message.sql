-- The messages a delivery failed for, found without reading every delivery (MessageStatusFilter).
create index delivery_failed on delivery (message_id) where status in ('FAILED', 'STOPPED');
