-- Issue 17 item 3, ADR 0025 "Instructor certificates held by the city": the city centre's training
-- cohorts (家庭教育指导师培训班, 家校共育骨干人员培训班; seeds W9, T19), their participants (school and
-- county staff: adults, never pupils or parents), attendance, assessment and the certificates the
-- centre issues, renews and revokes. Package org.gongyu.city.certification.
--
-- training_cohort: PLANNED (enrolling, attendance and assessment recorded) → COMPLETED or CANCELLED.
create table training_cohort (
  id           varchar(40)   primary key,
  name         varchar(200)  not null,
  kind         varchar(20)   not null check (kind in ('INSTRUCTOR', 'KEY_STAFF')),
  mode         varchar(10)   not null check (mode in ('ONLINE', 'OFFLINE', 'MIXED')),
  starts_on    date          not null,
  ends_on      date          not null check (ends_on >= starts_on),
  organiser    varchar(200)  not null,
  sessions     int           not null check (sessions between 1 and 200),
  status       varchar(20)   not null check (status in ('PLANNED', 'COMPLETED', 'CANCELLED')),
  status_reason varchar(1000),
  created_at   timestamptz   not null,
  created_by   varchar(100)  not null,
  version      bigint        not null default 1 check (version >= 1),
  updated_at   timestamptz   not null
);
create index training_cohort_by_start on training_cohort (starts_on desc, id);

-- A participant: a head, teacher, head teacher or county staff member (county_id null: a city-direct
-- school or the city's own staff). sessions_attended null until attendance is recorded; result null
-- until assessed (PASSED at a score of 60 or more of 100).
create table training_participant (
  id                 varchar(40)   primary key,
  cohort_id          varchar(40)   not null references training_cohort (id),
  name               varchar(100)  not null,
  role               varchar(20)   not null check (role in ('HEAD', 'TEACHER', 'HEAD_TEACHER', 'COUNTY_STAFF')),
  school_id          varchar(40),
  county_id          varchar(40),
  sessions_attended  int           check (sessions_attended >= 0),
  score              numeric(4, 1) check (score between 0 and 100),
  result             varchar(10)   check (result in ('PASSED', 'FAILED')),
  version            bigint        not null default 1 check (version >= 1),
  updated_at         timestamptz   not null
);
create index training_participant_by_cohort on training_participant (cohort_id, name, id);
create index training_participant_by_county on training_participant (county_id, cohort_id);

-- A certificate (家庭教育指导师证书): the number is the city's and unique; one per participant. VALID
-- until expires_on (exclusive: expired from that day) or until revoked (not valid from revoked_on).
-- version counts every change (+1) and is the version of InstructorCertificateChanged.
create table instructor_certificate (
  number          varchar(40)   primary key,
  participant_id  varchar(40)   not null unique references training_participant (id),
  cohort_id       varchar(40)   not null references training_cohort (id),
  holder_name     varchar(100)  not null,
  school_id       varchar(40),
  county_id       varchar(40),
  issued_on       date          not null,
  expires_on      date          not null check (expires_on > issued_on),
  status          varchar(10)   not null check (status in ('VALID', 'REVOKED')),
  revoked_on      date,
  revoked_reason  varchar(1000),
  check ((status = 'REVOKED') = (revoked_on is not null)),
  issued_by       varchar(100)  not null,
  version         bigint        not null default 1 check (version >= 1),
  updated_at      timestamptz   not null
);
create index instructor_certificate_by_county on instructor_certificate (county_id, number);
