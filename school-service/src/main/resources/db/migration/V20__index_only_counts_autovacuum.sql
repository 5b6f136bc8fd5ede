-- Issue 16: the counts that run on every coalesced refresh or batch read indexes alone (the
-- registration tallies, V19; the over-enrolment check over the class index, V18) only where the
-- table's visibility map marks a page all-visible; on a page written since the last vacuum each
-- entry costs a heap fetch. Measured under the registration feed: 13,550 heap fetches for one
-- school's tally count of 13,550 rows. PostgreSQL vacuums an insert-only table after 20 % of its
-- rows were inserted (autovacuum_vacuum_insert_scale_factor), i.e. rarely once it is large; these
-- tables are vacuumed after every 5,000 inserts instead, so the pages a count reads are all-visible
-- but those of the last minute or so (autovacuum_naptime).
alter table registered_student set (autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 5000);
alter table registered_guardian set (autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 5000);
alter table platform_registration set (autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 5000);
alter table platform_learning set (autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 5000);
