-- Issue 17 item 6: schools close, or merge into another school, effective-dated like a move (ADR 0027).
-- A closure is a membership with no county from its first day: no period starting on or after it
-- expects the school (the membership in force names no county), periods that started before keep it.
-- school.county_id stays the last county (the county whose lists show the school and whose admin
-- closed it); closed_from and successor_id say that it closed and into which school it merged.
alter table school_membership alter column county_id drop not null;
alter table school
  add column closed_from  date,
  add column successor_id varchar(40) references school (id);
