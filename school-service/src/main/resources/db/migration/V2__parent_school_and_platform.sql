-- The school's parent school (家长学校): one per school. Staff names are adults' data and stay at
-- this tier; nothing here reaches an event.
create table parent_school (
  school_id      varchar(40)   primary key references school (id),
  head_name      varchar(100)  not null,
  established_on date          not null,
  structure      varchar(4000) not null,
  rules          varchar(4000) not null,
  updated_at     timestamptz   not null
);

-- Who has headed the parent school since when (HEAD_TRAINING asks for the head as of a year's last
-- day). The first head recorded is taken as head since the parent school was established; a later
-- change of head takes effect on the day it is recorded (a second change on one day corrects it).
create table parent_school_head (
  school_id varchar(40)  not null references school (id),
  head_from date         not null,
  head_name varchar(100) not null,
  primary key (school_id, head_from)
);

-- Parent-school sessions: COLLECTIVE (whole school, no class) or CLASS (one class of the school
-- year containing the date).
create table parent_school_session (
  school_id    varchar(40)  not null references school (id),
  session_id   varchar(40)  not null,
  session_type varchar(12)  not null check (session_type in ('COLLECTIVE', 'CLASS')),
  class_id     varchar(40),
  session_date date         not null,
  topic        varchar(200) not null,
  lecturer     varchar(100) not null,
  mode         varchar(8)   not null check (mode in ('ONLINE', 'OFFLINE')),
  attendance   integer      not null check (attendance >= 0),
  updated_at   timestamptz  not null,
  primary key (school_id, session_id),
  foreign key (school_id, class_id) references school_class (school_id, class_id),
  check ((session_type = 'CLASS') = (class_id is not null))
);
create index parent_school_session_date on parent_school_session (school_id, session_date);

-- Co-education trainings completed by the school's staff (the head's count for HEAD_TRAINING).
create table head_training (
  school_id    varchar(40)  not null references school (id),
  training_id  varchar(40)  not null,
  person_name  varchar(100) not null,
  course       varchar(200) not null,
  completed_on date         not null,
  updated_at   timestamptz  not null,
  primary key (school_id, training_id)
);

-- Certified family-education instructors (家庭教育指导师) of the school.
create table instructor (
  school_id      varchar(40)  not null references school (id),
  instructor_id  varchar(40)  not null,
  name           varchar(100) not null,
  certificate_no varchar(60)  not null,
  certified_on   date         not null,
  left_on        date,
  updated_at     timestamptz  not null,
  primary key (school_id, instructor_id),
  check (left_on is null or left_on >= certified_on)
);

-- Learning activities of guardians on the digital parent-school platform, one row per platform
-- record; guardian_key is a keyed HMAC of the platform's guardian reference.
create table platform_learning (
  school_id    varchar(40)  not null references school (id),
  external_id  varchar(100) not null,
  guardian_key char(64)     not null,
  resource_id  varchar(100) not null,
  occurred_at  timestamptz  not null,
  minutes      integer      not null check (minutes >= 0),
  received_at  timestamptz  not null,
  primary key (school_id, external_id)
);
create index platform_learning_time on platform_learning (school_id, occurred_at);

-- Learning resources the platform recommended to the school's parents.
create table platform_recommendation (
  school_id      varchar(40)  not null references school (id),
  external_id    varchar(100) not null,
  resource_id    varchar(100) not null,
  title          varchar(300) not null,
  resource_type  varchar(40)  not null,
  authoring_tier varchar(40)  not null,
  recommended_at timestamptz  not null,
  received_at    timestamptz  not null,
  primary key (school_id, external_id)
);
create index platform_recommendation_time on platform_recommendation (school_id, recommended_at);
