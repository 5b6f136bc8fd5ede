-- Issue 16 items 2/3: the registration figures from tallies instead of distinct counts. Each
-- school's figures were recounted from every registration of the school year: the distinct
-- students (PLATFORM_REGISTRATION) and the distinct guardians (PARENT_LEARNING_PER_CAPITA's
-- denominator), each a hash of ~12,000 keys at a busy school, twice per coalesced refresh; the two
-- counts were the largest share of PostgreSQL's time under the registration feed (school-service
-- README "Registration tallies"). A tally keeps one row per school year and student (guardian) with
-- the earliest registration of that key in the year's classes, so a figure is the number of rows
-- registered before the period's end, read from the primary key's index alone.
-- registration.RegistrationTallies keeps them in the registration's transaction: a batch raises a
-- key's row to it with one upsert (the earlier time wins); a correction or withdrawal recounts
-- the keys it touched from platform_registration. Both hold keyed HMACs only, like
-- platform_registration itself (key rotation and the pseudonym lookup find them in the catalogue).
create table registered_student (
  school_id           varchar(40) not null,
  school_year         char(9)     not null,
  student_key         char(64)    not null,
  first_registered_at timestamptz not null,
  primary key (school_id, school_year, student_key) include (first_registered_at)
);

create table registered_guardian (
  school_id           varchar(40) not null,
  school_year         char(9)     not null,
  guardian_key        char(64)    not null,
  first_registered_at timestamptz not null,
  primary key (school_id, school_year, guardian_key) include (first_registered_at)
);

insert into registered_student (school_id, school_year, student_key, first_registered_at)
select r.school_id, c.school_year, r.student_key, min(r.registered_at)
from platform_registration r join school_class c on c.school_id = r.school_id and c.class_id = r.class_id
group by r.school_id, c.school_year, r.student_key;

insert into registered_guardian (school_id, school_year, guardian_key, first_registered_at)
select r.school_id, c.school_year, r.guardian_key, min(r.registered_at)
from platform_registration r join school_class c on c.school_id = r.school_id and c.class_id = r.class_id
group by r.school_id, c.school_year, r.guardian_key;
