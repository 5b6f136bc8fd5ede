-- Families told about the school's consultation service (CONSULTATION_OUTREACH), one row per
-- delivery record pushed in a batch. student_key is the keyed HMAC of the student reference.
create table consultation_outreach (
  school_id    varchar(40)  not null,
  external_id  varchar(100) not null,
  class_id     varchar(40)  not null,
  student_key  char(64)     not null,
  channel      varchar(20)  not null,
  delivered_on date         not null,
  received_at  timestamptz  not null,
  primary key (school_id, external_id),
  foreign key (school_id, class_id) references school_class (school_id, class_id)
);
create index consultation_outreach_class on consultation_outreach (school_id, class_id, student_key);
create index consultation_outreach_day on consultation_outreach (school_id, delivered_on);

-- Case consultations (个案咨询) with a family (CONSULTATION_RESOLUTION). The student is kept only as
-- a keyed HMAC; the consultant's notes only encrypted (AES-GCM, FieldCipher). A case's student and
-- opening day never change, and a resolved case stays resolved.
create table consultation_case (
  school_id      varchar(40)  not null references school (id),
  case_id        varchar(40)  not null,
  class_id       varchar(40)  not null,
  student_key    char(64)     not null,
  category       varchar(20)  not null,
  opened_on      date         not null,
  appointment_at timestamptz,
  consultant     varchar(100) not null,
  status         varchar(10)  not null check (status in ('OPEN', 'RESOLVED', 'REFERRED')),
  resolved_on    date,
  notes          bytea,
  updated_at     timestamptz  not null,
  primary key (school_id, case_id),
  foreign key (school_id, class_id) references school_class (school_id, class_id),
  check ((status = 'RESOLVED') = (resolved_on is not null)),
  check (resolved_on is null or resolved_on >= opened_on)
);
create index consultation_case_opened on consultation_case (school_id, opened_on);

-- Parent committees (家长委员会) at school, grade or class level (COMMITTEE_COVERAGE).
create table parent_committee (
  school_id     varchar(40)  not null references school (id),
  committee_id  varchar(40)  not null,
  level         varchar(10)  not null check (level in ('SCHOOL', 'GRADE', 'CLASS')),
  class_id      varchar(40),
  founded_on    date         not null,
  term_ends_on  date         not null,
  venue         varchar(200),
  plaque        boolean      not null,
  rules_adopted boolean      not null,
  dissolved_on  date,
  updated_at    timestamptz  not null,
  primary key (school_id, committee_id),
  foreign key (school_id, class_id) references school_class (school_id, class_id),
  check ((level = 'CLASS') = (class_id is not null)),
  check (term_ends_on > founded_on),
  check (dissolved_on is null or dissolved_on >= founded_on)
);

-- Parents' suggestions (家长意见建议) and whether they were resolved (SUGGESTIONS_RESOLVED). Neither the
-- parent nor the text of the suggestion is stored: only when, what kind, through which channel.
create table parent_suggestion (
  school_id     varchar(40) not null references school (id),
  suggestion_id varchar(40) not null,
  received_on   date        not null,
  category      varchar(20) not null,
  channel       varchar(20) not null,
  status        varchar(10) not null check (status in ('OPEN', 'RESOLVED')),
  resolved_on   date,
  updated_at    timestamptz not null,
  primary key (school_id, suggestion_id),
  check ((status = 'RESOLVED') = (resolved_on is not null)),
  check (resolved_on is null or resolved_on >= received_on)
);
create index parent_suggestion_received on parent_suggestion (school_id, received_on);
