-- Issue 4: catalogue v2 (target schedule, school types), effective-dated membership, timeliness.

-- Catalogue v2 (gongyu.city.catalogue.v2) carries a whole target schedule per version and the
-- school types an indicator applies to; v1's single target cannot be translated into a schedule
-- of the right period type, so the v1 copies are dropped and v2 refills the table (its first
-- version of each code recomputes that code's published rollups).
delete from indicator_definition;
alter table indicator_definition drop column target;
alter table indicator_definition
  add column targets      jsonb not null default '[]',
  add column school_types jsonb not null default '[]';

-- Where a school belonged from which day on (the registry's effective-dated hierarchy). The
-- membership in force on a day is the latest starting on or before it; school.county_id and
-- school.xuequ_id mirror the latest membership.
create table school_membership (
  school_id varchar(40) not null references school (id),
  county_id varchar(40) not null references county (id),
  xuequ_id  varchar(40),
  from_day  date        not null,
  primary key (school_id, from_day),
  foreign key (county_id, xuequ_id) references xuequ (county_id, id)
);
create index school_membership_county on school_membership (county_id, school_id);
insert into school_membership (school_id, county_id, xuequ_id, from_day)
select id, county_id, xuequ_id, date '2000-01-01' from school;

-- The earliest asOf ever seen per (school, indicator, period), whatever order versions arrive in.
alter table school_snapshot add column first_as_of timestamptz;
update school_snapshot set first_as_of = as_of;
alter table school_snapshot alter column first_as_of set not null;

-- Reporting deadlines a county sets per period.
create table county_deadline (
  county_id  varchar(40) not null references county (id),
  period_id  varchar(40) not null,
  deadline   timestamptz not null,
  version    bigint      not null check (version >= 1),
  updated_at timestamptz not null,
  primary key (county_id, period_id)
);

alter table county_rollup
  add column schools_on_time int check (schools_on_time >= 0),
  add column deadline        timestamptz;
