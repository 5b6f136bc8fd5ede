-- Issue 16 item 5: the day counts (V34) updated in place. Their primary keys carried the counts
-- (include (students, guardians), include (activities)) so that a figure's sum read the index
-- alone; but a column an index holds cannot change in a heap-only (HOT) update, so every batch's
-- update of today's row left a dead row version and a new index entry behind. Under the
-- benchmark's registration feed pg_stat_user_tables counted 10,768 updates of registration_daily,
-- none HOT, and 10,768 dead rows beside 20 live ones: churn that only a vacuum clears, and on a
-- machine whose autovacuum is off (deploy/local/README.md) nothing clears. Without the counts in
-- the key an update changes no indexed column, and with room left on each page (fillfactor 50)
-- PostgreSQL keeps the new version on the row's own page and prunes the old ones itself. A sum
-- reads the day rows from the heap instead: at most one per day of a school year.
--
-- The tables are rebuilt (not altered) so that their existing pages get the fillfactor too.
create table registration_daily_in_place (like registration_daily including defaults) with (fillfactor = 50);
insert into registration_daily_in_place select * from registration_daily;
drop table registration_daily;
alter table registration_daily_in_place rename to registration_daily;
alter table registration_daily add primary key (school_id, school_year, day);

create table learning_daily_in_place (like learning_daily including defaults) with (fillfactor = 50);
insert into learning_daily_in_place select * from learning_daily;
drop table learning_daily;
alter table learning_daily_in_place rename to learning_daily;
alter table learning_daily add primary key (school_id, day);
