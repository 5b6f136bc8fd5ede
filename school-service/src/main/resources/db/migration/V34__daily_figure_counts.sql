-- Issue 16 items 2 and 3: the platform's figures from per-day counts. Each coalesced refresh counted
-- the rows of a whole school year: the registration tallies (V19, one row per student or guardian)
-- and platform_learning (one row per activity), so a refresh cost grew with the school (~17,500
-- tally rows and ~80,000 activities a busy school year) and, where the visibility map lags (V20
-- relies on autovacuum), one heap fetch per counted row. Under the registration feed these counts
-- were the largest share of PostgreSQL's CPU.
--
-- registration_daily holds per school, school year and local day (the city's zone) how many tally
-- keys have their earliest registration on that day; learning_daily how many activities occurred on
-- that day. A figure sums the days before the period's end (a day boundary in the city's zone):
-- at most one row per day of the year, whatever the school's size. The writers keep them in the
-- same transaction, under the school's lock: registration.RegistrationTallies moves a key's count
-- from the day it leaves to the day it reaches, platform.LearningDays adds and removes activities.
create table registration_daily (
  school_id   varchar(40) not null,
  school_year char(9)     not null,
  day         date        not null,
  students    integer     not null default 0,
  guardians   integer     not null default 0,
  primary key (school_id, school_year, day) include (students, guardians)
);

create table learning_daily (
  school_id  varchar(40) not null,
  day        date        not null,
  activities integer     not null default 0,
  primary key (school_id, day) include (activities)
);

insert into registration_daily (school_id, school_year, day, students, guardians)
select school_id, school_year, day, sum(students), sum(guardians)
from (
  select school_id, school_year, (first_registered_at at time zone '${city_zone}')::date as day, 1 as students, 0 as guardians
  from registered_student
  union all
  select school_id, school_year, (first_registered_at at time zone '${city_zone}')::date, 0, 1
  from registered_guardian
) k
group by school_id, school_year, day;

insert into learning_daily (school_id, day, activities)
select school_id, (occurred_at at time zone '${city_zone}')::date, count(*)
from platform_learning
group by school_id, (occurred_at at time zone '${city_zone}')::date;
