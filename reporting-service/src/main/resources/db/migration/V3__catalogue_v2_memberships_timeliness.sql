-- Issue 4: catalogue v2 (per-period target schedule, school types), effective-dated school
-- memberships, timeliness on county and city rollups.

-- The catalogue moved to gongyu.city.catalogue.v2, whose entries carry the whole target schedule.
-- v1 rows cannot be turned into a schedule; drop them so the v2 topic rebuilds the table from its
-- own versions (a v1 version number must not shadow a v2 entry).
delete from indicator;
alter table indicator drop column target;

-- The target schedule of the stored catalogue version: from fromPeriod on (until a later step) the
-- target is value; value null = no fixed target. Replaced as a whole with each newer version.
create table indicator_target (
  code        varchar(60) not null references indicator (code) on delete cascade,
  from_period varchar(20) not null,
  value       numeric,
  primary key (code, from_period)
);

-- The school types the indicator applies to (no row = every type). Replaced with each newer version.
create table indicator_school_type (
  code        varchar(60) not null references indicator (code) on delete cascade,
  school_type varchar(40) not null,
  primary key (code, school_type)
);

-- The membership history of the stored registry version of each school: from from_day on (until
-- the next row) the school belonged to county_id / xuequ_id. A period belongs to the county the
-- school was in on the period's first day. Replaced as a whole with each newer version.
create table school_membership (
  school_id varchar(40) not null references school (school_id) on delete cascade,
  from_day  date        not null,
  county_id varchar(40) not null,
  xuequ_id  varchar(40),
  primary key (school_id, from_day)
);
-- The county views find the schools that were ever in one county through this index, never all schools.
create index school_membership_by_county on school_membership (county_id, school_id);

-- Schools stored before memberships existed always belonged to their county.
insert into school_membership (school_id, from_day, county_id, xuequ_id)
select school_id, date '2000-01-01', county_id, xuequ_id from school;

-- Timeliness: null while no deadline is set for the period.
alter table county_rollup add column schools_on_time integer;
alter table county_rollup add column deadline timestamptz;
alter table city_rollup add column schools_on_time integer;
alter table city_rollup add column schools_under_deadline integer;

-- below-target reads every school snapshot of one (indicator, period): the primary key
-- (indicator_code, period_id, school_id) is that index; nothing else reads school_snapshot unkeyed.
