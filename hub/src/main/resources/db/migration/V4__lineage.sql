-- Why each field of a canonical record is what it is: for each field path, the mapping rule and the
-- source value that made it (issue: traceable mapping).
alter table message add column lineage jsonb;
