-- The GIN index over whole records cost more than it saved: every state update rewrote its entries for
-- every key and value of the record (a kilobyte of JSON is hundreds of entries), on the hottest path.
-- Lookups ask for master data (Product, Material), a few thousand rows per entity, which the primary
-- key narrows to the entity before the containment test.
drop index record_state_record;
