-- Jobs made in the same instant (a fixed or coarse clock) still list newest first: the order of
-- creation breaks the tie.
alter table import_job add column seq bigint generated always as identity;
