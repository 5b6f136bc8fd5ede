-- Issue 17 item 4 (seeds W11, W13): open-school events and class reading campaigns.

-- An open-school event (学校开放办学): a parent meeting, an open day, a reception day, a parents-into-
-- classroom session, a parents' lecture hall, a model-worker talk or an online theme activity, for
-- one class or (class_id null) the whole school. Counts only: attendance is a number. The parent who
-- taught a parents-into-classroom session is kept, if given, only as the keyed HMAC of the school's
-- reference (guardian_key, like platform registrations: key rotation and the pseudonym lookup find
-- it) and never answered back. Feeds PARENT_MEETINGS and LECTURE_HALL_SESSIONS.
create table open_school_event (
  school_id    varchar(40)  not null,
  event_id     varchar(40)  not null,
  event_type   varchar(30)  not null,
  class_id     varchar(40),
  event_date   date         not null,
  mode         varchar(10)  not null,
  theme        varchar(200) not null,
  attendance   int          not null check (attendance >= 0),
  profession   varchar(100),
  guardian_key char(64),
  updated_at   timestamptz  not null,
  primary key (school_id, event_id)
);
create index open_school_event_date on open_school_event (school_id, event_type, event_date);

-- A class's parent-child reading campaign (亲子共读, 阅读21天打卡): `days` consecutive days from
-- start_date, target minutes per day. Feeds READING_CAMPAIGN_COMPLETION in the semester of its
-- last day.
create table reading_campaign (
  school_id      varchar(40)  not null,
  campaign_id    varchar(40)  not null,
  class_id       varchar(40)  not null,
  name           varchar(200) not null,
  start_date     date         not null,
  days           int          not null check (days between 1 and 100),
  target_minutes int          not null check (target_minutes between 1 and 240),
  updated_at     timestamptz  not null,
  primary key (school_id, campaign_id)
);

-- A student's check-in on one day of a campaign: minors' data, it stays at the school; only counts
-- go up. One row per student and day (a repeated check-in replaces the minutes).
create table reading_check_in (
  school_id    varchar(40) not null,
  campaign_id  varchar(40) not null,
  student_key  char(64)    not null,
  check_in_on  date        not null,
  minutes      int         not null check (minutes between 0 and 1440),
  updated_at   timestamptz not null,
  primary key (school_id, campaign_id, student_key, check_in_on)
);
