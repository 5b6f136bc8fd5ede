-- Issue 16 item 3: the over-enrolment check of a registration batch from a kept count. Each batch
-- counted the distinct students of every class it touched from all of the class's registrations
-- (StudentRecordChecks.overEnrolled): at the benchmark's 5,000-student classes, 4.9 ms and ~1,300
-- buffers of PostgreSQL per 50-registration batch, growing with the class, the largest statement
-- of the registration feed after the tallies moved to day counts (V34).
--
-- registered_class holds, per school and class, how many distinct students have a registration in
-- it. registration.RegisteredClasses keeps it in the registration's transaction, under the school's
-- lock: a batch adds the students it brings that the class had no registration of (probed on
-- platform_registration_class before the insert); a correction or withdrawal counts its classes
-- again. The enrolment guard and the batch check read it. Rows are updated in place (no index on
-- students), so a busy class leaves nothing for a vacuum.
create table registered_class (
  school_id varchar(40) not null,
  class_id  varchar(40) not null,
  students  integer     not null,
  primary key (school_id, class_id)
) with (fillfactor = 70);

insert into registered_class (school_id, class_id, students)
select school_id, class_id, count(distinct student_key)
from platform_registration
group by school_id, class_id;
